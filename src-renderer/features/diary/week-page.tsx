/**
 * The adviser's week as a calendar: each day's appointments in time order, with each
 * participant's adjustments, and from each one: move it, cancel it, or book another time. Each
 * day prints a day sheet; each outreach venue in use that day prints a run sheet to take where
 * there is no network. After every action focus goes to the message saying what happened.
 */
import { useEffect, useRef, useState } from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import type { Agenda, AgendaAppointment } from '@shared/ipc/channels/agenda';
import { appointmentMoveSchema, type AppointmentMove, type Office } from '@shared/schemas/diary';
import { logMeetingSchema, type LogMeeting } from '@shared/schemas/meeting';
import { APPOINTMENT_KIND_LABELS, CHANNEL_PHRASES } from '@shared/wording/labels';
import { weekdayDayMonthYear, dayMonthYear } from '@shared/wording/dates';
import { addDays } from '@shared/domain/calendar/civil-date';
import { call } from '../../api';
import { hrefFor } from '../../app/router';
import { useToday } from '../../app/today';
import { PageHeading } from '../../components/page-heading';
import { Choice, Fieldset, TextInput } from '../../components/fields';
import { toCivilDate } from '../../components/date-input';
import { ControlledDateInput } from '../../components/controlled-date-input';
import { ErrorSummary } from '../../components/error-summary';
import { schemaResolver, summaryOf } from '../../components/form-support';
import { mondayOf, movedTimes, weekDays } from './week-model';
import '../../styles/due-week.css';

type Open = { id: string; what: 'move' | 'cancel' } | null;

const OUTCOME_WORDS: Record<string, string> = {
  attended: 'Attended',
  dna: 'Did not attend',
  'cancelled-by-participant': 'Cancelled by the participant',
  'cancelled-by-provider': 'Cancelled by us',
};

interface MoveValues {
  date: string;
  time: string;
}

/**
 * The new date and time, checked in words beside each box (week-model says which box is wrong),
 * then against the shared move schema the main process checks too.
 */
function moveResolver(a: AgendaAppointment): Resolver<MoveValues, unknown, AppointmentMove> {
  return async (values, context, options) => {
    const moved = movedTimes(a, toCivilDate(values.date), values.time);
    if ('problem' in moved)
      return {
        values: {},
        errors: { [moved.field]: { type: 'validate', message: moved.problem } },
      };
    const result = await schemaResolver<MoveValues, AppointmentMove>(
      appointmentMoveSchema,
      () => ({ id: a.id, version: a.version, ...moved }),
      [],
    )(values, context, options);
    const first = Object.values(result.errors as Record<string, { message?: string }>)[0];
    return first
      ? { values: {}, errors: { time: { type: 'validate', message: first.message ?? '' } } }
      : result;
  };
}

function MoveForm({
  a,
  onDone,
  onClose,
}: {
  a: AgendaAppointment;
  onDone(message: string): void;
  onClose(): void;
}) {
  const ids = { date: `move-date-${a.id}`, time: `move-time-${a.id}` };
  const [general, setGeneral] = useState<string | null>(null);
  const [failed, setFailed] = useState(0);
  const {
    register,
    control,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<MoveValues, unknown, AppointmentMove>({
    resolver: moveResolver(a),
    defaultValues: { date: a.start.slice(0, 10), time: a.start.slice(11, 16) },
    shouldFocusError: false,
  });
  const onValid = async (moved: AppointmentMove) => {
    setGeneral(null);
    const r = await call('diary:move', moved);
    if (!r.ok) {
      setGeneral(r.error.message);
      return setFailed((n) => n + 1);
    }
    onDone(
      `${a.participantName}'s appointment moved to ${weekdayDayMonthYear(moved.start)} at ${moved.start.slice(11)}.`,
    );
  };
  return (
    <>
      <ErrorSummary errors={summaryOf(errors, ids, general)} focusKey={failed} />
      <form
        className="week-form"
        noValidate
        aria-label={`Move ${a.participantName}'s appointment`}
        onSubmit={(e) => void handleSubmit(onValid, () => setFailed((n) => n + 1))(e)}
      >
        <ControlledDateInput
          control={control}
          name="date"
          id={ids.date}
          legend="New date"
          error={errors.date?.message}
        />
        <TextInput
          id={ids.time}
          label="New start time"
          hint="For example 14:30. The appointment keeps its length."
          inputMode="numeric"
          className="input input--width-5"
          error={errors.time?.message}
          {...register('time')}
        />
        <div className="week-appointment__actions">
          <button type="submit" className="button" disabled={isSubmitting}>
            Move appointment
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            Keep it as it is
          </button>
        </div>
      </form>
    </>
  );
}

interface CancelValues {
  who: '' | 'cancelled-by-participant' | 'cancelled-by-provider';
}

/** Who cancelled, as the shared meeting-log schema's outcome; its problems said beside the radios. */
function cancelResolver(a: AgendaAppointment): Resolver<CancelValues, unknown, LogMeeting> {
  const base = schemaResolver<CancelValues, LogMeeting>(
    logMeetingSchema,
    (v) => ({
      appointmentId: a.id,
      expectedVersion: a.version,
      outcome: v.who || undefined,
      channel: a.channel,
    }),
    [],
  );
  return async (values, context, options) => {
    const result = await base(values, context, options);
    const errors = result.errors as Record<string, { message?: string }>;
    if (Object.keys(errors).length === 0) return result;
    const message = errors.outcome
      ? 'Say who cancelled the appointment'
      : (Object.values(errors)[0]?.message ?? '');
    return { values: {}, errors: { who: { type: 'validate', message } } };
  };
}

function CancelForm({
  a,
  onDone,
  onClose,
}: {
  a: AgendaAppointment;
  onDone(message: string): void;
  onClose(): void;
}) {
  const ids = { who: `cancel-who-${a.id}` };
  const [general, setGeneral] = useState<string | null>(null);
  const [failed, setFailed] = useState(0);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<CancelValues, unknown, LogMeeting>({
    resolver: cancelResolver(a),
    defaultValues: { who: '' },
    shouldFocusError: false,
  });
  const onValid = async (log: LogMeeting) => {
    setGeneral(null);
    const r = await call('meetings:log', log);
    if (!r.ok) {
      setGeneral(r.error.message);
      return setFailed((n) => n + 1);
    }
    onDone(`${a.participantName}'s appointment on ${weekdayDayMonthYear(a.start)} is cancelled.`);
  };
  return (
    <>
      <ErrorSummary errors={summaryOf(errors, ids, general)} focusKey={failed} />
      <form
        className="week-form"
        noValidate
        aria-label={`Cancel ${a.participantName}'s appointment`}
        onSubmit={(e) => void handleSubmit(onValid, () => setFailed((n) => n + 1))(e)}
      >
        <Fieldset id={ids.who} legend="Who cancelled?" legendSize="s" error={errors.who?.message}>
          <div className="radios">
            <Choice
              type="radio"
              id={ids.who}
              label="The participant"
              value="cancelled-by-participant"
              {...register('who')}
            />
            <Choice
              type="radio"
              id={`${ids.who}-us`}
              label="We did"
              value="cancelled-by-provider"
              {...register('who')}
            />
          </div>
        </Fieldset>
        <div className="week-appointment__actions">
          <button type="submit" className="button button--warning" disabled={isSubmitting}>
            Cancel appointment
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            Keep it
          </button>
        </div>
      </form>
    </>
  );
}

function AppointmentCard({
  a,
  open,
  setOpen,
  onDone,
}: {
  a: AgendaAppointment;
  open: Open;
  setOpen(o: Open): void;
  onDone(message: string): void;
}) {
  const booked = a.outcome === 'booked';
  const moveRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  // "Keep it" takes the form, and the focus on it, away: focus goes back to the button that
  // opened it rather than dropping to the page.
  const close = () => {
    (open?.what === 'move' ? moveRef : cancelRef).current?.focus();
    setOpen(null);
  };
  return (
    <li className="week-appointment">
      <p className="body">
        <strong>
          {a.start.slice(11)} to {a.end.slice(11)}
        </strong>{' '}
        <a className="link" href={hrefFor({ name: 'participant', id: a.participantId })}>
          {a.participantName}
        </a>
      </p>
      <p className="body">
        {APPOINTMENT_KIND_LABELS[a.kind]} {CHANNEL_PHRASES[a.channel]}
        {a.room ? `, ${a.room}` : ''}
        {booked ? '' : `. ${OUTCOME_WORDS[a.outcome] ?? ''}`}
      </p>
      {a.adjustments.trim() && <p className="body">Adjustments: {a.adjustments}</p>}
      {booked && (
        <div className="week-appointment__actions">
          <button
            type="button"
            className="button button--secondary"
            ref={moveRef}
            aria-expanded={open?.id === a.id && open.what === 'move'}
            onClick={() => setOpen({ id: a.id, what: 'move' })}
          >
            Move<span className="visually-hidden"> {a.participantName}&rsquo;s appointment</span>
          </button>
          <button
            type="button"
            className="button button--secondary"
            ref={cancelRef}
            aria-expanded={open?.id === a.id && open.what === 'cancel'}
            onClick={() => setOpen({ id: a.id, what: 'cancel' })}
          >
            Cancel<span className="visually-hidden"> {a.participantName}&rsquo;s appointment</span>
          </button>
        </div>
      )}
      <p className="body">
        <a className="link" href={hrefFor({ name: 'book-appointment', id: a.participantId })}>
          Book another time<span className="visually-hidden"> for {a.participantName}</span>
        </a>
      </p>
      {open?.id === a.id && open.what === 'move' && (
        <MoveForm a={a} onDone={onDone} onClose={close} />
      )}
      {open?.id === a.id && open.what === 'cancel' && (
        <CancelForm a={a} onDone={onDone} onClose={close} />
      )}
    </li>
  );
}

export function WeekPage() {
  const today = useToday();
  const [monday, setMonday] = useState(() => mondayOf(today));
  const [week, setWeek] = useState<Agenda | null>(null);
  const [offices, setOffices] = useState<Office[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [open, setOpen] = useState<Open>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Bumped after every change, to read the week again.
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let live = true;
    void Promise.all([call('agenda:week', { date: monday }), call('diary:offices', {})]).then(
      ([w, o]) => {
        if (!live) return;
        if (!w.ok) return setProblem(w.error.message);
        setProblem(null);
        setWeek(w.value);
        if (o.ok) setOffices(o.value);
      },
    );
    return () => {
      live = false;
    };
  }, [monday, version]);

  useEffect(() => {
    if (message) messageRef.current?.focus();
  }, [message]);

  const done = (text: string) => {
    setOpen(null);
    setMessage(text);
    setVersion((v) => v + 1);
  };

  const goTo = (date: string) => {
    setMessage(null);
    setOpen(null);
    setMonday(date);
    headingRef.current?.focus();
  };

  const print = async (what: 'day' | 'run', date: string, office?: Office) => {
    const r =
      what === 'day'
        ? await call('diary:daySheetPdf', { date, action: 'print' })
        : await call('diary:runSheetPdf', { date, officeId: office!.id, action: 'print' });
    if (!r.ok) return setProblem(r.error.message);
    setMessage(
      what === 'day'
        ? `The day sheet for ${weekdayDayMonthYear(date)} was sent to print.`
        : `The run sheet for ${office!.name} on ${weekdayDayMonthYear(date)} was sent to print.`,
    );
  };

  const days = weekDays(monday);
  const officeById = new Map(offices.map((o) => [o.id, o]));

  return (
    <>
      <PageHeading>Your week</PageHeading>
      <h2 className="heading-m" tabIndex={-1} ref={headingRef} id="week-range">
        {dayMonthYear(days[0]!)} to {dayMonthYear(days[6]!)}
      </h2>
      <nav className="week-nav" aria-label="Weeks">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => goTo(addDays(monday, -7))}
        >
          Previous week
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => goTo(mondayOf(today))}
        >
          This week
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => goTo(addDays(monday, 7))}
        >
          Next week
        </button>
      </nav>
      {message && (
        <div className="week-message" role="status" tabIndex={-1} ref={messageRef}>
          <p className="body">{message}</p>
        </div>
      )}
      {problem && (
        <p className="error-message" role="alert">
          {problem}
        </p>
      )}
      {!week && !problem && (
        <p className="body" role="status">
          Loading your week…
        </p>
      )}
      {week && (
        <div className="week">
          {days.map((d) => {
            const list = week.appointments.filter((a) => a.start.slice(0, 10) === d);
            const venues = [
              ...new Set(
                list.filter((a) => a.outcome === 'booked' && a.officeId).map((a) => a.officeId!),
              ),
            ]
              .map((id) => officeById.get(id))
              .filter((o): o is Office => o?.kind === 'outreach');
            return (
              <section
                key={d}
                className={`week-day${d === today ? ' week-day--today' : ''}`}
                aria-labelledby={`day-${d}`}
              >
                <h3 className="heading-s" id={`day-${d}`}>
                  {weekdayDayMonthYear(d)}
                  {d === today ? <span className="visually-hidden"> (today)</span> : null}
                </h3>
                {list.length === 0 ? (
                  <p className="body">No appointments.</p>
                ) : (
                  <ul className="week-list">
                    {list.map((a) => (
                      <AppointmentCard
                        key={a.id}
                        a={a}
                        open={open}
                        setOpen={setOpen}
                        onDone={done}
                      />
                    ))}
                  </ul>
                )}
                <div className="week-appointment__actions">
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() => void print('day', d)}
                  >
                    Print day sheet
                    <span className="visually-hidden"> for {weekdayDayMonthYear(d)}</span>
                  </button>
                  {venues.map((o) => (
                    <button
                      key={o.id}
                      type="button"
                      className="button button--secondary"
                      onClick={() => void print('run', d, o)}
                    >
                      Print run sheet for {o.name}
                      <span className="visually-hidden"> on {weekdayDayMonthYear(d)}</span>
                    </button>
                  ))}
                </div>
              </section>
            );
          })}
        </div>
      )}
    </>
  );
}
