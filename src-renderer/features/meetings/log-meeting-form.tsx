/**
 * Logs a booked appointment's outcome in a few keystrokes: the outcome radios take arrow keys,
 * the channel starts as booked, Enter submits. Notes can be marked special-category. The next
 * appointment can be booked in the same submit.
 */
import { useState, type FormEvent } from 'react';
import { APPOINTMENT_CHANNELS, type Appointment } from '@shared/schemas/diary';
import { LOGGED_OUTCOMES, type LoggedOutcome } from '@shared/schemas/meeting';
import type { PlanStep } from '@shared/schemas/plan';
import type { IpcError } from '@shared/ipc/result';
import { call } from '../../api';
import { formatDate } from '../../labels';
import { Choice, Fieldset, Select, TextInput, Textarea } from '../../components/fields';
import { DateInput, toCivilDate } from '../../components/date-input';
import { CHANNEL_LABELS, OUTCOME_LABELS } from './meeting-labels';
import { FormProblem } from './form-problem';
import type { Slot } from '@shared/domain/diary/slot-finder';

/**
 * The slot finder on the spot: the earliest free times for the next regular meeting that fit the
 * adviser's diary, the office, the rooms and the participant's constraints. Choosing one fills
 * the date and time below; the adviser can still type another.
 */
function NextSlots({
  appointment,
  idPrefix,
  onChoose,
}: {
  appointment: Appointment;
  idPrefix: string;
  onChoose(slot: Slot): void;
}) {
  const [slots, setSlots] = useState<Slot[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const find = async () => {
    const r = await call('diary:findSlots', {
      participantId: appointment.participantId,
      kind: 'regular',
      channel: appointment.channel,
      officeId: appointment.officeId,
      earliest: appointment.end,
      count: 5,
    });
    if (!r.ok) return setMessage(r.error.message);
    setSlots(r.value.slots);
    setMessage(
      r.value.slots.length === 0 ? r.value.reasons.join(' ') || 'No free time was found.' : null,
    );
  };
  return (
    <div className="meeting-next__slots">
      <button type="button" className="button button--secondary" onClick={() => void find()}>
        Find the earliest free times
      </button>
      <div role="status">{message ?? (slots ? `${slots.length} free times found.` : '')}</div>
      {slots && slots.length > 0 && (
        <Fieldset id={`next-slots-${idPrefix}`} legend="Free times">
          {slots.map((slot, i) => (
            <Choice
              key={slot.start}
              type="radio"
              name={`next-slot-${idPrefix}`}
              id={`next-slot-${idPrefix}-${i}`}
              label={`${formatDate(slot.start)} at ${slot.start.slice(11)}–${slot.end.slice(11)}${slot.room ? `, ${slot.room}` : ''}`}
              onChange={() => onChoose(slot)}
            />
          ))}
        </Fieldset>
      )}
    </div>
  );
}

const plusMinutes = (hhmm: string, minutes: number) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  const total = h * 60 + m + minutes;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
};

export function LogMeetingForm({
  appointment: a,
  steps,
  onLogged,
}: {
  appointment: Appointment;
  steps: PlanStep[];
  onLogged(): void;
}) {
  const key = a.id.slice(-8);
  const [outcome, setOutcome] = useState<LoggedOutcome | ''>('');
  const [priorNotice, setPriorNotice] = useState<boolean | null>(null);
  const [channel, setChannel] = useState(a.channel);
  const [notes, setNotes] = useState('');
  const [special, setSpecial] = useState(false);
  const [reviewed, setReviewed] = useState<string[]>([]);
  const [nextDate, setNextDate] = useState('');
  const [nextTime, setNextTime] = useState('');
  // A slot the finder offered and the adviser chose: its office, room and end go with it.
  const [chosen, setChosen] = useState<Slot | null>(null);
  const [problem, setProblem] = useState<Pick<IpcError, 'message'> | null>(null);
  const [busy, setBusy] = useState(false);
  const when = `${formatDate(a.start)} at ${a.start.slice(11)}`;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!outcome) return setProblem({ message: 'Choose what happened' });
    const date = toCivilDate(nextDate);
    if ((date || nextTime) && !/^([01]\d|2[0-3]):[0-5]\d$/.test(nextTime))
      return setProblem({ message: 'Enter the next appointment time as HH:MM' });
    setBusy(true);
    const result = await call('meetings:log', {
      appointmentId: a.id,
      expectedVersion: a.version,
      outcome,
      priorNotice: outcome === 'dna' ? priorNotice : null,
      channel,
      notes,
      notesSpecialCategory: special,
      stepsReviewed: reviewed,
      next: date
        ? chosen && chosen.start === `${date}T${nextTime}`
          ? {
              participantId: a.participantId,
              officeId: chosen.channel === 'in-person' ? chosen.officeId : undefined,
              room: chosen.room ?? undefined,
              start: chosen.start,
              end: chosen.end,
              kind: 'regular',
              channel: chosen.channel,
            }
          : {
              participantId: a.participantId,
              officeId: a.officeId,
              room: a.room,
              start: `${date}T${nextTime}`,
              end: `${date}T${plusMinutes(nextTime, 60)}`,
              kind: 'regular',
              channel: a.channel,
            }
        : undefined,
    });
    setBusy(false);
    if (!result.ok) return setProblem(result.error);
    setProblem(null);
    onLogged();
  };

  return (
    <form
      className="meeting-log"
      onSubmit={submit}
      noValidate
      aria-label={`Log the appointment on ${when}`}
    >
      <FormProblem problem={problem} />
      <Fieldset id={`outcome-${key}`} legend="What happened?" legendSize="s">
        <div className="radios radios--small">
          {LOGGED_OUTCOMES.map((o, i) => (
            <Choice
              key={o}
              type="radio"
              name={`outcome-${key}`}
              id={i === 0 ? `outcome-${key}` : `outcome-${key}-${o}`}
              label={OUTCOME_LABELS[o]}
              checked={outcome === o}
              onChange={() => setOutcome(o)}
            />
          ))}
        </div>
      </Fieldset>
      {outcome === 'dna' && (
        <Fieldset id={`notice-${key}`} legend="Did they tell you beforehand?" legendSize="s">
          <div className="radios radios--inline">
            <Choice
              type="radio"
              name={`notice-${key}`}
              id={`notice-${key}`}
              label="Yes"
              checked={priorNotice === true}
              onChange={() => setPriorNotice(true)}
            />
            <Choice
              type="radio"
              name={`notice-${key}`}
              id={`notice-${key}-no`}
              label="No"
              checked={priorNotice === false}
              onChange={() => setPriorNotice(false)}
            />
          </div>
        </Fieldset>
      )}
      <Select
        id={`channel-${key}`}
        label="How it took place"
        value={channel}
        options={APPOINTMENT_CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] ?? c }))}
        onChange={(e) => setChannel(e.target.value as Appointment['channel'])}
      />
      <Textarea
        id={`notes-${key}`}
        label="Notes (optional)"
        rows={3}
        value={notes}
        onChange={(e) => setNotes(e.target.value)}
      />
      <div className="checkboxes">
        <Choice
          type="checkbox"
          id={`special-${key}`}
          label="These notes include health or other special-category information (only advisers will see them)"
          checked={special}
          onChange={(e) => setSpecial(e.target.checked)}
        />
      </div>
      {steps.length > 0 && (
        <Fieldset id={`steps-${key}`} legend="Plan steps reviewed" legendSize="s">
          <div className="checkboxes checkboxes--small">
            {steps.map((s, i) => (
              <Choice
                key={s.id}
                type="checkbox"
                id={i === 0 ? `steps-${key}` : `steps-${key}-${s.id}`}
                label={s.action}
                checked={reviewed.includes(s.id)}
                onChange={(e) =>
                  setReviewed((r) =>
                    e.target.checked ? [...r, s.id] : r.filter((x) => x !== s.id),
                  )
                }
              />
            ))}
          </div>
        </Fieldset>
      )}
      <details className="meeting-next">
        <summary>Book the next appointment (optional)</summary>
        <NextSlots
          appointment={a}
          idPrefix={key}
          onChoose={(slot) => {
            setChosen(slot);
            setNextDate(slot.start.slice(0, 10));
            setNextTime(slot.start.slice(11));
          }}
        />
        <DateInput
          id={`next-date-${key}`}
          legend="Next appointment date"
          value={nextDate}
          onChange={setNextDate}
        />
        <TextInput
          id={`next-time-${key}`}
          label="Start time"
          hint="24-hour, like 14:30. The appointment lasts an hour, as before."
          width="5"
          value={nextTime}
          onChange={(e) => setNextTime(e.target.value)}
        />
      </details>
      <button type="submit" className="button" disabled={busy}>
        Log outcome
      </button>
    </form>
  );
}
