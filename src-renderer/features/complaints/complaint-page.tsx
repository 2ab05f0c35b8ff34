/**
 * One complaint: what it says, where it is on its profile's route (every stage, with the current
 * one's response due date in working days), and the next step: acknowledge, respond, print the
 * letters, move it to the next stage with the route explained, or close it with the outcome and
 * lessons. Opening it is recorded in the audit log by the main process.
 */
import { useEffect, useState } from 'react';
import type { ComplaintView } from '@shared/ipc/channels/complaints';
import { call } from '../../api';
import { hrefFor } from '../../app/router';
import { takeFlash } from '../../app/flash';
import { PageHeading } from '../../components/page-heading';
import { NotificationBanner } from '../../components/notification-banner';
import { formatDate } from '../../labels';
import {
  CHANNEL_WORDS,
  OUTCOME_WORDS,
  STATE_COLOURS,
  STATE_WORDS,
  stageStanding,
  targetWords,
} from './complaint-words';
import { StepForm } from './step-form';
import { ComplaintLetterActions } from './letter-actions';

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="summary-list__row">
      <dt className="summary-list__key">{label}</dt>
      <dd className="summary-list__value">{children}</dd>
    </div>
  );
}

export function ComplaintPage({ id }: { id: string }) {
  const [complaint, setComplaint] = useState<ComplaintView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [flash, setFlashMessage] = useState(takeFlash);

  useEffect(() => {
    let live = true;
    void call('complaints:get', { id }).then((r) => {
      if (!live) return;
      if (r.ok) setComplaint(r.value);
      else setProblem(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [id]);

  if (problem)
    return (
      <>
        <PageHeading>Complaint</PageHeading>
        <p className="body">{problem}</p>
        <p className="body">
          <a className="link" href={hrefFor({ name: 'complaints' })}>
            Back to complaints
          </a>
        </p>
      </>
    );
  if (!complaint)
    return (
      <p className="body" role="status">
        Loading the complaint…
      </p>
    );

  const c = complaint;
  const stage = c.stages.at(-1)!;
  const closed = c.closedOn !== null;
  const done = (updated: ComplaintView, message: string) => {
    setComplaint(updated);
    setFlashMessage(message);
  };
  const who = c.participantName ?? 'the person who complained';

  return (
    <>
      <p className="body">
        <a className="back-link" href={hrefFor({ name: 'complaints' })}>
          Back to complaints
        </a>
      </p>
      {flash && (
        <NotificationBanner key={flash + JSON.stringify(c.stages)} title="Done" success>
          <p className="body">{flash}</p>
        </NotificationBanner>
      )}
      <PageHeading caption="Complaint" focusOnMount={!flash}>
        {c.about}
      </PageHeading>
      <p className="body">
        <strong className={`tag tag--${STATE_COLOURS[c.state]}`}>{STATE_WORDS[c.state]}</strong>
      </p>
      <dl className="summary-list">
        <Row label="From">
          {c.participantId && c.participantName ? (
            <a className="link" href={hrefFor({ name: 'participant', id: c.participantId })}>
              {c.participantName}
            </a>
          ) : (
            'Not named'
          )}
        </Row>
        <Row label="Received">
          {formatDate(c.receivedOn)},{' '}
          {(CHANNEL_WORDS[c.channel as keyof typeof CHANNEL_WORDS] ?? '').toLowerCase()}
        </Row>
        <Row label="What it says">
          <span style={{ whiteSpace: 'pre-wrap' }}>{c.summary}</span>
        </Row>
        <Row label="Acknowledged">
          {c.acknowledgedOn ? formatDate(c.acknowledgedOn) : 'Not yet'}
        </Row>
        {closed && (
          <>
            <Row label="Closed">{formatDate(c.closedOn!)}</Row>
            <Row label="Outcome">{c.outcome ? OUTCOME_WORDS[c.outcome] : ''}</Row>
            <Row label="What we learned">{c.lessons ?? 'Nothing recorded'}</Row>
          </>
        )}
      </dl>

      <h2 className="heading-m">The complaints route</h2>
      <ol className="list list--number complaint-route">
        {c.route.map((s) => (
          <li key={s.index} aria-current={s.index === stage.index ? 'step' : undefined}>
            <strong>{s.name}</strong>
            {s.index === stage.index && <span className="visually-hidden"> (current stage)</span>}
            <br />
            {stageStanding(c, s)}
          </li>
        ))}
      </ol>

      {c.acknowledgedOn && (
        <>
          <h2 className="heading-m">Acknowledgement letter</h2>
          <p className="body">
            Tells {who} we have the complaint, when {stage.name.toLowerCase()} will reply, and where
            to go next.
          </p>
          <ComplaintLetterActions id={c.id} kind="acknowledgement" label="acknowledgement letter" />
        </>
      )}
      {stage.respondedOn && (
        <>
          <h2 className="heading-m">Response letter</h2>
          <p className="body">
            Our response at this stage, and how to take the complaint further if {who} is still
            unhappy.
          </p>
          <ComplaintLetterActions id={c.id} kind="response" label="response letter" />
        </>
      )}

      {!closed && !c.acknowledgedOn && (
        <StepForm
          complaint={c}
          step="acknowledge"
          title="Acknowledge the complaint"
          dateLegend="Date acknowledged"
          dateWhat="the date it was acknowledged"
          submitLabel="Record the acknowledgement"
          onDone={done}
        >
          <p className="body">
            Then print the acknowledgement letter: it says when the response is due.
          </p>
        </StepForm>
      )}
      {!closed && !stage.respondedOn && (
        <StepForm
          complaint={c}
          step="respond"
          title={`Respond at this stage: ${stage.name}`}
          dateLegend="Date of the response"
          dateWhat="the date of the response"
          submitLabel="Record the response"
          onDone={done}
        >
          {stage.responseDue && (
            <p className="body">Response due by {formatDate(stage.responseDue)}.</p>
          )}
        </StepForm>
      )}
      {!closed && c.nextStage && (
        <StepForm
          complaint={c}
          step="escalate"
          title="Still unhappy: move to the next stage"
          dateLegend="Date the complaint moved on"
          dateWhat="the date the complaint moved on"
          submitLabel={`Move to ${c.nextStage.name}`}
          onDone={done}
        >
          <div className="inset-text">
            <p className="body">
              If {who} is still unhappy, the complaint goes to <strong>{c.nextStage.name}</strong>.
              What they are told: {c.nextStage.contact}
            </p>
            <p className="body">Response target at that stage: {targetWords(c.nextStage)}.</p>
          </div>
        </StepForm>
      )}
      {!closed && !c.nextStage && (
        <p className="body">This complaint is at the last stage of its route.</p>
      )}
      {!closed && (
        <StepForm
          complaint={c}
          step="close"
          title="Close the complaint"
          dateLegend="Date closed"
          dateWhat="the date it closed"
          submitLabel="Close the complaint"
          onDone={done}
        />
      )}
      {closed && (
        <p className="body">
          <a className="link" href={hrefFor({ name: 'you-told-us-new' })}>
            Record a change in “You told us, we did”
          </a>
        </p>
      )}
    </>
  );
}
