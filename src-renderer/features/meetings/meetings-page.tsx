/**
 * The meeting logger for one participant: each appointment, newest first, with a quick outcome
 * form while it is booked; after a missed one the R8 follow-up; after an attended one its travel
 * claims. Then other contacts (in-work support, R14) and life events (R15).
 */
import { useCallback, useEffect, useState } from 'react';
import type { MeetingsOverview, MeetingView } from '@shared/schemas/meeting';
import type { PlanStep } from '@shared/schemas/plan';
import { call } from '../../api';
import { hrefFor } from '../../app/router';
import { PageHeading } from '../../components/page-heading';
import { formatDate } from '../../labels';
import { useParticipant } from '../participant/use-participant';
import { ParticipantAdjustments } from '../participant/participant-adjustments';
import { LogMeetingForm } from './log-meeting-form';
import { ContactForm, FollowUp } from './follow-up';
import { TravelClaims } from './travel-claims';
import { LifeEvents } from './life-event-form';
import { CHANNEL_LABELS, CONTACT_OUTCOME_LABELS, OUTCOME_LABELS } from './meeting-labels';
import '../../styles/meetings.css';

function Meeting({
  m,
  steps,
  participantId,
  reload,
  reloadThenFocus,
}: {
  m: MeetingView;
  steps: PlanStep[];
  participantId: string;
  reload(): void;
  reloadThenFocus(targetId: string): void;
}) {
  const a = m.appointment;
  const title = `${formatDate(a.start)} at ${a.start.slice(11)}`;
  const stepName = (id: string) => steps.find((s) => s.id === id)?.action ?? 'a step since removed';
  return (
    <li className="meeting">
      <h3 className="heading-s meeting__title" id={`meeting-${a.id}`} tabIndex={-1}>
        {title}
        <span className="meeting__meta">
          {' '}
          {a.kind.replace('-', ' ')} appointment, {CHANNEL_LABELS[a.channel]?.toLowerCase()}
        </span>
      </h3>
      {a.outcome === 'booked' ? (
        <LogMeetingForm
          appointment={a}
          steps={steps}
          // The form gives way to the logged outcome: focus its meeting, not the page's top.
          onLogged={() => reloadThenFocus(`meeting-${a.id}`)}
        />
      ) : (
        <>
          <p className="body">
            <strong>{OUTCOME_LABELS[a.outcome as keyof typeof OUTCOME_LABELS] ?? a.outcome}</strong>
            {a.outcome === 'dna' && (a.priorNotice ? ', told us beforehand' : ', no notice given')}
            {m.record &&
              ` (${CHANNEL_LABELS[m.record.channel]?.toLowerCase()}), logged by ${m.record.recordedBy}`}
          </p>
          {m.record?.notesHidden && (
            <p className="body meeting__hidden">
              The notes hold special-category information and are shown only to advisers.
            </p>
          )}
          {m.record?.notes && <p className="body meeting__notes">{m.record.notes}</p>}
          {m.record && m.record.stepsReviewed.length > 0 && (
            <p className="body">
              Steps reviewed: {m.record.stepsReviewed.map(stepName).join('; ')}
            </p>
          )}
          {a.outcome === 'dna' && (
            <FollowUp meeting={m} participantId={participantId} onSaved={reload} />
          )}
          {a.outcome === 'attended' && (
            <TravelClaims appointmentId={a.id} claims={m.claims} onSaved={reload} />
          )}
        </>
      )}
    </li>
  );
}

const fetchMeetings = (participantId: string) =>
  Promise.all([call('meetings:overview', { participantId }), call('plan:get', { participantId })]);

export function MeetingsPage({ id }: { id: string }) {
  const { participant } = useParticipant(id, false);
  const [overview, setOverview] = useState<MeetingsOverview | null>(null);
  const [steps, setSteps] = useState<PlanStep[]>([]);
  const [problem, setProblem] = useState<string | null>(null);

  const apply = useCallback((loaded: Awaited<ReturnType<typeof fetchMeetings>>) => {
    const [o, plan] = loaded;
    if (!o.ok) return setProblem(o.error.message);
    setOverview(o.value);
    setSteps(plan.ok ? (plan.value.latest?.content.steps ?? []) : []);
  }, []);
  useEffect(() => {
    let live = true;
    void fetchMeetings(id).then((r) => live && apply(r));
    return () => {
      live = false;
    };
  }, [id, apply]);
  const load = useCallback(() => fetchMeetings(id).then(apply), [id, apply]);

  if (problem) return <p className="body">{problem}</p>;
  if (!overview || !participant)
    return (
      <p className="body" role="status">
        Loading…
      </p>
    );
  const name = `${participant.givenName} ${participant.familyName}`;
  const reload = () => void load();
  const reloadThenFocus = (targetId: string) =>
    void load().then(() => requestAnimationFrame(() => document.getElementById(targetId)?.focus()));
  return (
    <>
      <a className="back-link" href={hrefFor({ name: 'participant', id })}>
        Back to {name}
      </a>
      <PageHeading caption={name}>Meetings and contacts</PageHeading>
      <ParticipantAdjustments participant={participant} />
      <section className="meeting-section" aria-labelledby="meetings-title">
        <h2 className="heading-m" id="meetings-title">
          Appointments
        </h2>
        {overview.meetings.length === 0 ? (
          <p className="body">No appointments booked yet.</p>
        ) : (
          <ol className="meetings">
            {overview.meetings.map((m) => (
              <Meeting
                key={m.appointment.id}
                m={m}
                steps={steps}
                participantId={id}
                reload={reload}
                reloadThenFocus={reloadThenFocus}
              />
            ))}
          </ol>
        )}
      </section>
      <section className="meeting-section" aria-labelledby="contacts-title">
        <h2 className="heading-m" id="contacts-title">
          Other contacts
        </h2>
        {overview.otherContacts.length > 0 && (
          <ul className="list list--bullet">
            {overview.otherContacts.map((c) => (
              <li key={c.id}>
                {formatDate(c.date)}:{' '}
                {c.contactKind === 'in-work'
                  ? 'in-work support'
                  : c.contactKind === 'initial'
                    ? 'first contact'
                    : 'contact'}{' '}
                by {CHANNEL_LABELS[c.channel]?.toLowerCase()},{' '}
                {CONTACT_OUTCOME_LABELS[c.outcome].toLowerCase()}
                {c.note && <span className="meeting-note">. Note: {c.note}</span>}
              </li>
            ))}
          </ul>
        )}
        <ContactForm
          participantId={id}
          appointmentId={null}
          kinds={
            participant.status === 'in-work'
              ? ['in-work', 'general']
              : participant.status === 'allocated'
                ? ['initial', 'general']
                : ['general', 'in-work']
          }
          label="Log another contact"
          onSaved={reload}
        />
      </section>
      <LifeEvents participantId={id} events={overview.lifeEvents} onSaved={reload} />
    </>
  );
}
