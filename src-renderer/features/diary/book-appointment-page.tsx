/**
 * "Book appointment": choose the kind (and the due date, if a charter promise sets one), see the
 * earliest slots, with the reasons when none fits before the due date, and book one. Below it,
 * a three-month plan of regular meetings to accept in one go.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import {
  APPOINTMENT_KINDS,
  type Appointment,
  type AppointmentKind,
  type Office,
} from '@shared/schemas/diary';
import { isCivilDate } from '@shared/domain/calendar/civil-date';
import type { TimeOfDay } from '@shared/domain/diary/model';
import type { MeetingPlan, SlotResult } from '@shared/domain/diary';
import type { IpcError } from '@shared/ipc/result';
import { call } from '../../api';
import { hrefFor } from '../../app/router';
import { PageHeading } from '../../components/page-heading';
import { Choice, Fieldset, Select } from '../../components/fields';
import { FormProblem } from '../meetings/form-problem';
import { DateInput, toCivilDate } from '../../components/date-input';
import { PostcodeAttribution } from '../places/places-page';
import { formatMonth, formatSlot, KIND_LABELS } from './diary-labels';
import '../../styles/diary.css';
import { useParticipant } from '../participant/use-participant';
import { ParticipantAdjustments } from '../participant/participant-adjustments';

export const TIME_OF_DAY_LABELS: Record<TimeOfDay, string> = {
  any: 'Any time',
  mornings: 'Mornings (ending by 12 noon)',
  afternoons: 'Afternoons (from 12 noon)',
};

/** A GOV.UK date input's value as YYYY-MM-DD, '' when empty, or an error in words. */
function dateOrProblem(value: string, what: string): { date: string } | { problem: string } {
  const d = toCivilDate(value);
  if (!d) return { date: '' };
  return isCivilDate(d)
    ? { date: d }
    : { problem: `Enter the ${what} as a real date, for example 7 12 2026` };
}

export function BookAppointmentPage({ id }: { id: string }) {
  const [kind, setKind] = useState<AppointmentKind>('induction');
  const [booked, setBooked] = useState<Appointment | null>(null);
  const [dueBy, setDueBy] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [officeId, setOfficeId] = useState('');
  const [timeOfDay, setTimeOfDay] = useState<TimeOfDay>('any');
  const [offices, setOffices] = useState<Office[] | null>(null);
  const confirmation = useRef<HTMLDivElement>(null);
  const { participant } = useParticipant(id, false);
  useEffect(() => {
    let live = true;
    void call('diary:offices', {}).then((r) => {
      if (live && r.ok) setOffices(r.value.filter((o) => o.closedOn === null));
    });
    return () => {
      live = false;
    };
  }, []);
  // After "Book this time" the form that held focus is gone: move focus to what happened.
  useEffect(() => {
    if (booked) confirmation.current?.focus();
  });
  const [result, setResult] = useState<SlotResult | null>(null);
  const [chosen, setChosen] = useState<number | null>(null);
  const [problem, setProblem] = useState<Pick<IpcError, 'message'> | null>(null);

  const find = async (e: FormEvent) => {
    e.preventDefault();
    setBooked(null);
    const due = dateOrProblem(dueBy, 'due date');
    const first = dateOrProblem(from, 'first day');
    const last = dateOrProblem(to, 'last day');
    for (const d of [due, first, last])
      if ('problem' in d) return setProblem({ message: d.problem });
    const r = await call('diary:findSlots', {
      participantId: id,
      kind,
      count: 5,
      timeOfDay,
      ...('date' in due && due.date ? { dueBy: due.date } : {}),
      ...('date' in first && first.date ? { from: first.date } : {}),
      ...('date' in last && last.date ? { to: last.date } : {}),
      ...(officeId ? { officeId } : {}),
    });
    if (!r.ok) return setProblem(r.error);
    setProblem(null);
    setResult(r.value);
    setChosen(r.value.slots.length > 0 ? 0 : null);
  };

  const book = async (e: FormEvent) => {
    e.preventDefault();
    const slot = chosen === null ? undefined : result?.slots[chosen];
    if (!slot) return setProblem({ message: 'Choose a time to book' });
    const r = await call('diary:book', {
      participantId: id,
      officeId: slot.officeId,
      ...(slot.room ? { room: slot.room } : {}),
      start: slot.start,
      end: slot.end,
      kind: slot.kind,
      channel: slot.channel,
    });
    if (!r.ok) return setProblem(r.error);
    setProblem(null);
    setResult(null);
    setBooked(r.value);
  };

  return (
    <div className="diary">
      <a className="back-link" href={hrefFor({ name: 'participant', id })}>
        Back to the participant
      </a>
      <PageHeading
        caption={participant ? `${participant.givenName} ${participant.familyName}` : undefined}
      >
        Book appointment
      </PageHeading>
      <ParticipantAdjustments participant={participant} />
      {offices !== null && offices.length === 0 && (
        <div className="warning-text" role="status">
          <p className="body">
            There is no office or venue to meet at yet.{' '}
            <a className="link" href={hrefFor({ name: 'add-place' })}>
              Add an office or venue
            </a>{' '}
            to book in-person appointments.
          </p>
        </div>
      )}
      {booked && (
        <div className="diary-booked" role="status" tabIndex={-1} ref={confirmation}>
          <p className="body">
            Booked: {KIND_LABELS[booked.kind]} on {formatSlot(booked.start)}
            {booked.room ? `, ${booked.room}` : ''}.
          </p>
          <p className="body">
            <a
              className="link"
              href={hrefFor({ name: 'participant-letters', id, appointmentId: booked.id })}
            >
              Write the appointment letter
            </a>
          </p>
        </div>
      )}
      <FormProblem problem={problem} />
      <form onSubmit={find} noValidate aria-label="Find a time">
        <Select
          id="slot-kind"
          label="Kind of appointment"
          value={kind}
          onChange={(e) => setKind(e.target.value as AppointmentKind)}
          options={APPOINTMENT_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
        />
        <DateInput
          id="slot-due"
          legend="Due by (optional)"
          hint="The charter promise's due date, for example 7 12 2026"
          value={dueBy}
          onChange={setDueBy}
        />
        <Select
          id="slot-office"
          label="Where"
          hint="Any venue offers the one nearest the participant's home first"
          value={officeId}
          onChange={(e) => setOfficeId(e.target.value)}
          options={[
            { value: '', label: 'Any venue, nearest first' },
            ...(offices ?? []).map((o) => ({ value: o.id, label: o.name })),
          ]}
        />
        <DateInput
          id="slot-from"
          legend="From (optional)"
          hint="The first day to offer; leave empty for today"
          value={from}
          onChange={setFrom}
        />
        <DateInput
          id="slot-to"
          legend="To (optional)"
          hint="The last day to offer, at most 92 days after the first"
          value={to}
          onChange={setTo}
        />
        <Fieldset id="slot-time" legend="Time of day" legendSize="s">
          <div className="radios radios--inline">
            {(Object.keys(TIME_OF_DAY_LABELS) as TimeOfDay[]).map((t, i) => (
              <Choice
                key={t}
                id={i === 0 ? 'slot-time' : `slot-time-${t}`}
                type="radio"
                name="slot-time"
                label={TIME_OF_DAY_LABELS[t]}
                checked={timeOfDay === t}
                onChange={() => setTimeOfDay(t)}
              />
            ))}
          </div>
        </Fieldset>
        <button type="submit" className="button">
          Find times
        </button>
      </form>
      {result && (
        <section aria-labelledby="slots-heading">
          <h2 className="heading-m" id="slots-heading">
            Times to offer
          </h2>
          <p className="body">
            One time a day first, so the participant has a real choice; the nearest venue first.
          </p>
          {result.fitsBeforeDue === false && (
            <div className="warning-text diary-reasons" role="status">
              <p className="body">
                <strong>Nothing fits before the due date, because:</strong>
              </p>
              <ul className="list list--bullet">
                {result.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
              {result.slots.length > 0 && (
                <p className="body">These are the earliest times after it.</p>
              )}
            </div>
          )}
          {result.slots.length === 0 ? (
            <div role="status">
              <p className="body">No time is free in the days searched, because:</p>
              <ul className="list list--bullet">
                {result.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            </div>
          ) : (
            <form onSubmit={book} noValidate aria-label="Choose a time">
              <Fieldset id="slot-choice" legend="Choose a time" legendSize="s">
                {result.slots.map((s, i) => (
                  <Choice
                    key={s.start}
                    id={i === 0 ? 'slot-choice' : `slot-choice-${i}`}
                    type="radio"
                    name="slot"
                    checked={chosen === i}
                    onChange={() => setChosen(i)}
                    label={`${formatSlot(s.start)} to ${s.end.slice(11)}, ${s.officeName}${s.room ? `, ${s.room}` : ''}${s.distanceKm !== null ? ` (about ${s.distanceKm < 1 ? 'under 1' : Math.round(s.distanceKm)} km from home)` : ''}${s.afterDue ? ', after the due date' : ''}`}
                  />
                ))}
              </Fieldset>
              <button type="submit" className="button">
                Book this time
              </button>
            </form>
          )}
        </section>
      )}
      <MeetingPlanSection participantId={id} />
      <PostcodeAttribution />
    </div>
  );
}

function MeetingPlanSection({ participantId }: { participantId: string }) {
  const [plan, setPlan] = useState<(MeetingPlan & { perMonth: number }) | null>(null);
  const [done, setDone] = useState<number | null>(null);
  const [problem, setProblem] = useState<Pick<IpcError, 'message'> | null>(null);

  const propose = async () => {
    const r = await call('diary:proposePlan', { participantId, months: 3 });
    if (!r.ok) return setProblem(r.error);
    setProblem(null);
    setDone(null);
    setPlan(r.value);
  };

  const accept = async () => {
    if (!plan) return;
    const r = await call('diary:acceptPlan', {
      participantId,
      meetings: plan.slots.map((s) => ({
        start: s.start,
        end: s.end,
        officeId: s.officeId,
        ...(s.room ? { room: s.room } : {}),
        channel: s.channel,
      })),
    });
    if (!r.ok) return setProblem(r.error);
    setProblem(null);
    setPlan(null);
    setDone(r.value.length);
  };

  return (
    <section aria-labelledby="plan-heading" className="diary-plan">
      <h2 className="heading-m" id="plan-heading">
        Three-month meeting plan
      </h2>
      <p className="body">
        Regular meetings spread through each month, enough to keep the two-meetings-a-month promise.
      </p>
      <FormProblem problem={problem} />
      {done !== null && (
        <p className="body" role="status">
          {done} meetings booked.
        </p>
      )}
      <button type="button" className="button button--secondary" onClick={propose}>
        Propose a plan
      </button>
      {plan && (
        <>
          <table className="table">
            <caption className="table__caption">
              Proposed meetings ({plan.perMonth} a month)
            </caption>
            <thead>
              <tr>
                <th scope="col">Month</th>
                <th scope="col">Meetings</th>
                <th scope="col">Promise kept</th>
              </tr>
            </thead>
            <tbody>
              {plan.months.map((m) => (
                <tr key={m.month}>
                  <th scope="row">{formatMonth(m.month)}</th>
                  <td>
                    <ul className="list">
                      {m.slots.map((s) => (
                        <li key={s.start}>
                          {formatSlot(s.start)}, {s.officeName}
                        </li>
                      ))}
                      {m.alreadyBooked > 0 && <li>{m.alreadyBooked} already booked</li>}
                    </ul>
                  </td>
                  <td>{m.met ? 'Yes' : `No: ${m.reasons.join('; ')}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {plan.slots.length > 0 && (
            <button type="button" className="button" onClick={accept}>
              Book these {plan.slots.length} meetings
            </button>
          )}
        </>
      )}
    </section>
  );
}
