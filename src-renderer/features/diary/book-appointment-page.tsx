/**
 * "Book appointment": choose the kind (and the due date, if a charter promise sets one), see the
 * earliest slots, with the reasons when none fits before the due date, and book one. Below it,
 * a three-month plan of regular meetings to accept in one go.
 */
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import {
  APPOINTMENT_KINDS,
  type Appointment,
  type AppointmentKind,
  type Office,
} from '@shared/schemas/diary';
import type { TimeOfDay } from '@shared/domain/diary/model';
import { findSlotsSchema, type FindSlots } from '@shared/schemas/diary-settings';
import type { MeetingPlan, SlotResult } from '@shared/domain/diary';
import type { IpcError } from '@shared/ipc/result';
import { call } from '../../api';
import { hrefFor } from '../../app/router';
import { PageHeading } from '../../components/page-heading';
import { Choice, Fieldset, Select } from '../../components/fields';
import { FormProblem } from '../meetings/form-problem';
import { toCivilDate } from '../../components/date-input';
import { ControlledDateInput } from '../../components/controlled-date-input';
import { ErrorSummary } from '../../components/error-summary';
import { schemaResolver, summaryOf } from '../../components/form-support';
import { PostcodeAttribution } from '../places/places-page';
import { formatMonth, formatSlot, KIND_LABELS } from './diary-labels';
import { SlotChoiceForm } from './slot-choice-form';
import '../../styles/diary.css';
import { useParticipant } from '../participant/use-participant';
import { ParticipantAdjustments } from '../participant/participant-adjustments';

export const TIME_OF_DAY_LABELS: Record<TimeOfDay, string> = {
  any: 'Any time',
  mornings: 'Mornings (ending by 12 noon)',
  afternoons: 'Afternoons (from 12 noon)',
};

interface FindValues {
  kind: AppointmentKind;
  dueBy: string;
  officeId: string;
  from: string;
  to: string;
  timeOfDay: TimeOfDay;
}

const FIND_IDS = {
  kind: 'slot-kind',
  dueBy: 'slot-due',
  officeId: 'slot-office',
  from: 'slot-from',
  to: 'slot-to',
  timeOfDay: 'slot-time',
};

/** An optional box left empty is left out, so the main process uses its default. */
const optional = (value: string) => value || undefined;

export function BookAppointmentPage({ id }: { id: string }) {
  const [booked, setBooked] = useState<Appointment | null>(null);
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
  // Each answer gets a fresh "Choose a time" form (its choice and problems belong to one list).
  const [answers, setAnswers] = useState(0);
  // After "Find times" the times (or why there are none) are read out first; Tab goes on to them.
  const timesHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (result) timesHeading.current?.focus();
  }, [result]);

  const [general, setGeneral] = useState<string | null>(null);
  const [failed, setFailed] = useState(0);
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<FindValues, unknown, FindSlots>({
    resolver: schemaResolver<FindValues, FindSlots>(
      findSlotsSchema,
      (v) => ({
        participantId: id,
        kind: v.kind,
        count: 5,
        timeOfDay: v.timeOfDay,
        dueBy: optional(toCivilDate(v.dueBy)),
        from: optional(toCivilDate(v.from)),
        to: optional(toCivilDate(v.to)),
        officeId: optional(v.officeId),
      }),
      ['dueBy', 'from', 'to'],
    ),
    defaultValues: {
      kind: 'induction',
      dueBy: '',
      officeId: '',
      from: '',
      to: '',
      timeOfDay: 'any',
    },
    shouldFocusError: false,
  });

  const find = async (query: FindSlots) => {
    setBooked(null);
    setGeneral(null);
    const r = await call('diary:findSlots', query);
    if (!r.ok) {
      const field = r.error.field;
      if (field && field in FIND_IDS)
        setError(field as keyof FindValues, { type: 'server', message: r.error.message });
      else setGeneral(r.error.message);
      return setFailed((n) => n + 1);
    }
    setResult(r.value);
    setAnswers((n) => n + 1);
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
      <ErrorSummary errors={summaryOf(errors, FIND_IDS, general)} focusKey={failed} />
      <form
        noValidate
        aria-label="Find a time"
        onSubmit={(e) => void handleSubmit(find, () => setFailed((n) => n + 1))(e)}
      >
        <Select
          id={FIND_IDS.kind}
          label="Kind of appointment"
          error={errors.kind?.message}
          options={APPOINTMENT_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
          {...register('kind')}
        />
        <ControlledDateInput
          control={control}
          name="dueBy"
          id={FIND_IDS.dueBy}
          legend="Due by (optional)"
          hint="The charter promise's due date, for example 7 12 2026"
          error={errors.dueBy?.message}
        />
        <Select
          id={FIND_IDS.officeId}
          label="Where"
          hint="Any venue offers the one nearest the participant's home first"
          error={errors.officeId?.message}
          options={[
            { value: '', label: 'Any venue, nearest first' },
            ...(offices ?? []).map((o) => ({ value: o.id, label: o.name })),
          ]}
          {...register('officeId')}
        />
        <ControlledDateInput
          control={control}
          name="from"
          id={FIND_IDS.from}
          legend="From (optional)"
          hint="The first day to offer; leave empty for today"
          error={errors.from?.message}
        />
        <ControlledDateInput
          control={control}
          name="to"
          id={FIND_IDS.to}
          legend="To (optional)"
          hint="The last day to offer, at most 92 days after the first"
          error={errors.to?.message}
        />
        <Fieldset
          id={FIND_IDS.timeOfDay}
          legend="Time of day"
          legendSize="s"
          error={errors.timeOfDay?.message}
        >
          <div className="radios radios--inline">
            {(Object.keys(TIME_OF_DAY_LABELS) as TimeOfDay[]).map((t, i) => (
              <Choice
                key={t}
                id={i === 0 ? FIND_IDS.timeOfDay : `slot-time-${t}`}
                type="radio"
                label={TIME_OF_DAY_LABELS[t]}
                value={t}
                {...register('timeOfDay')}
              />
            ))}
          </div>
        </Fieldset>
        <button type="submit" className="button" disabled={isSubmitting}>
          Find times
        </button>
      </form>
      {result && (
        <section aria-labelledby="slots-heading">
          <h2 className="heading-m" id="slots-heading" tabIndex={-1} ref={timesHeading}>
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
            <SlotChoiceForm
              key={answers}
              participantId={id}
              slots={result.slots}
              onBooked={(appointment) => {
                setResult(null);
                setBooked(appointment);
              }}
            />
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
  // "Book these meetings" goes with the plan it booked: focus moves to what was booked.
  const doneRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (done !== null) doneRef.current?.focus();
  }, [done]);

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
        <p className="body" role="status" tabIndex={-1} ref={doneRef}>
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
