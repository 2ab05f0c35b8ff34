/**
 * After a missed meeting (R8): when the follow-up is due, the contact attempts, a form to log one,
 * and the adviser's decision. Words stay factual: the app records, Jobcentre Plus decides.
 */
import { useToday } from '../../app/today';
import { useState, type FormEvent } from 'react';
import { CONTACT_OUTCOMES, type ContactOutcome, type MeetingView } from '@shared/schemas/meeting';
import { CONTACT_CHANNELS } from '@shared/schemas/timeline-events';
import type { IpcError } from '@shared/ipc/result';
import { call } from '../../api';
import { formatDate } from '../../labels';
import { Choice, Fieldset, Select, Textarea, TextInput } from '../../components/fields';
import { DateInput, toCivilDate } from '../../components/date-input';
import { CHANNEL_LABELS, CONTACT_OUTCOME_LABELS, FOLLOW_UP_LABELS } from './meeting-labels';
import { FormProblem } from './form-problem';

type Channel = (typeof CONTACT_CHANNELS)[number];

export function ContactForm({
  participantId,
  appointmentId,
  kinds,
  label,
  onSaved,
}: {
  participantId: string;
  appointmentId: string | null;
  kinds: readonly ('dna-follow-up' | 'in-work' | 'general' | 'initial')[];
  label: string;
  onSaved(): void;
}) {
  const today = useToday();
  const key = appointmentId?.slice(-8) ?? 'other';
  const [kind, setKind] = useState(kinds[0]!);
  const [channel, setChannel] = useState<Channel>('phone');
  const [outcome, setOutcome] = useState<ContactOutcome>('spoke');
  const [date, setDate] = useState(today);
  const [note, setNote] = useState('');
  const [offeredDay, setOfferedDay] = useState('');
  const [offeredTime, setOfferedTime] = useState('');
  const [problem, setProblem] = useState<Pick<IpcError, 'message'> | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // R2: the induction time offered in the first contact, as a date and a 24-hour time.
    let inductionOffered: string | null = null;
    if (kind === 'initial' && (offeredDay || offeredTime.trim())) {
      const day = toCivilDate(offeredDay);
      const time = /^(\d{1,2})[:.](\d{2})$/.exec(offeredTime.trim());
      if (!day || !time)
        return setProblem({
          message:
            'Enter the induction time offered as a date and a time like 10:30, or leave both empty',
        });
      inductionOffered = `${day}T${time[1]!.padStart(2, '0')}:${time[2]}`;
    }
    const r = await call('meetings:contact', {
      participantId,
      appointmentId,
      contactKind: kind,
      channel,
      outcome,
      date: toCivilDate(date),
      note,
      inductionOffered,
    });
    if (!r.ok) return setProblem(r.error);
    setProblem(null);
    setNote('');
    onSaved();
  };

  return (
    <form className="meeting-subform" onSubmit={submit} noValidate aria-label={label}>
      <h4 className="heading-s">{label}</h4>
      <FormProblem problem={problem} />
      {kinds.length > 1 && (
        <Select
          id={`contact-kind-${key}`}
          label="Kind of contact"
          value={kind}
          options={kinds.map((k) => ({
            value: k,
            label:
              k === 'in-work'
                ? 'In-work support'
                : k === 'initial'
                  ? 'First contact after allocation'
                  : 'General',
          }))}
          onChange={(e) => setKind(e.target.value as typeof kind)}
        />
      )}
      <div className="meeting-row">
        <Select
          id={`contact-channel-${key}`}
          label="How"
          value={channel}
          options={CONTACT_CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] ?? c }))}
          onChange={(e) => setChannel(e.target.value as Channel)}
        />
        <Select
          id={`contact-outcome-${key}`}
          label="What happened"
          value={outcome}
          options={CONTACT_OUTCOMES.map((o) => ({ value: o, label: CONTACT_OUTCOME_LABELS[o] }))}
          onChange={(e) => setOutcome(e.target.value as ContactOutcome)}
        />
      </div>
      <DateInput
        id={`contact-date-${key}`}
        legend="Date of contact"
        value={date}
        onChange={setDate}
      />
      {kind === 'initial' && (
        <>
          <DateInput
            id={`contact-offered-${key}`}
            legend="Induction date offered (optional)"
            hint="The induction time you offered in this contact, for example 9 12 2026"
            value={offeredDay}
            onChange={setOfferedDay}
          />
          <TextInput
            id={`contact-offered-time-${key}`}
            label="Induction time offered (optional)"
            hint="24-hour clock, for example 10:30"
            width="5"
            value={offeredTime}
            onChange={(e) => setOfferedTime(e.target.value)}
          />
        </>
      )}
      <Textarea
        id={`contact-note-${key}`}
        label="Note (optional)"
        rows={2}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <button type="submit" className="button button--secondary">
        Log contact
      </button>
    </form>
  );
}

function DecisionForm({ meeting, onSaved }: { meeting: MeetingView; onSaved(): void }) {
  const today = useToday();
  const key = meeting.appointment.id.slice(-8);
  const [goodReason, setGoodReason] = useState<boolean | null>(
    meeting.decision?.goodReason ?? null,
  );
  const [referred, setReferred] = useState(meeting.decision?.complianceDoubtReferred ?? false);
  const [date, setDate] = useState(today);
  const [note, setNote] = useState(meeting.decision?.note ?? '');
  const [problem, setProblem] = useState<Pick<IpcError, 'message'> | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (goodReason === null) return setProblem({ message: 'Say whether there was good reason' });
    const r = await call('meetings:decide', {
      appointmentId: meeting.appointment.id,
      goodReason,
      complianceDoubtReferred: goodReason ? false : referred,
      decidedOn: toCivilDate(date),
      note,
    });
    if (!r.ok) return setProblem(r.error);
    setProblem(null);
    onSaved();
  };

  return (
    <form className="meeting-subform" onSubmit={submit} noValidate aria-label="Your decision">
      <h4 className="heading-s">Your decision</h4>
      {meeting.decision && (
        <p className="body">
          Recorded {formatDate(meeting.decision.decidedOn)}:{' '}
          {meeting.decision.goodReason
            ? 'there was good reason.'
            : meeting.decision.complianceDoubtReferred
              ? 'no good reason given; the question was passed to Jobcentre Plus.'
              : 'no good reason given; nothing passed to Jobcentre Plus.'}
        </p>
      )}
      <FormProblem problem={problem} />
      <Fieldset id={`good-${key}`} legend="Was there good reason for missing it?" legendSize="s">
        <div className="radios radios--inline">
          <Choice
            type="radio"
            name={`good-${key}`}
            id={`good-${key}`}
            label="Yes"
            checked={goodReason === true}
            onChange={() => setGoodReason(true)}
          />
          <Choice
            type="radio"
            name={`good-${key}`}
            id={`good-${key}-no`}
            label="No"
            checked={goodReason === false}
            onChange={() => setGoodReason(false)}
          />
        </div>
      </Fieldset>
      {goodReason === false && (
        <div className="checkboxes">
          <Choice
            type="checkbox"
            id={`jcp-${key}`}
            label="Pass a compliance doubt to Jobcentre Plus (they decide what happens next)"
            checked={referred}
            onChange={(e) => setReferred(e.target.checked)}
          />
        </div>
      )}
      <DateInput
        id={`decided-${key}`}
        legend="Date of the decision"
        value={date}
        onChange={setDate}
      />
      <Textarea
        id={`decision-note-${key}`}
        label="What the participant said (optional)"
        rows={2}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <button type="submit" className="button button--secondary">
        Record decision
      </button>
    </form>
  );
}

export function FollowUp({
  meeting,
  participantId,
  onSaved,
}: {
  meeting: MeetingView;
  participantId: string;
  onSaved(): void;
}) {
  const f = meeting.followUp;
  return (
    <div className="meeting-follow-up">
      {f ? (
        <p className="body">
          <strong
            className={`tag tag--${f.status === 'pending' || f.status === 'missed' ? 'red' : 'green'}`}
          >
            {FOLLOW_UP_LABELS[f.status]}
          </strong>{' '}
          {f.metOn
            ? `Contact logged on ${formatDate(f.metOn)} (due by ${formatDate(f.due)}).`
            : `Contact them by ${formatDate(f.due)}.`}
        </p>
      ) : (
        <p className="body">They told us beforehand, so no follow-up is due.</p>
      )}
      {meeting.contacts.length > 0 && (
        <ul className="list list--bullet">
          {meeting.contacts.map((c) => (
            <li key={c.id}>
              {formatDate(c.date)}: {CHANNEL_LABELS[c.channel]},{' '}
              {CONTACT_OUTCOME_LABELS[c.outcome].toLowerCase()}
              {c.note ? `. ${c.note}` : ''}
            </li>
          ))}
        </ul>
      )}
      <ContactForm
        participantId={participantId}
        appointmentId={meeting.appointment.id}
        kinds={['dna-follow-up']}
        label="Log a contact attempt"
        onSaved={onSaved}
      />
      <DecisionForm meeting={meeting} onSaved={onSaved} />
    </div>
  );
}
