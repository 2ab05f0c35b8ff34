/**
 * The adviser's week as a calendar: each day's appointments in time order, with each
 * participant's adjustments, and from each one: move it, cancel it, or book another time. Each
 * day prints a day sheet; each outreach venue in use that day prints a run sheet to take where
 * there is no network. After every action focus goes to the message saying what happened.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Agenda, AgendaAppointment } from '@shared/ipc/channels/agenda';
import type { Office } from '@shared/schemas/diary';
import { APPOINTMENT_KIND_LABELS, CHANNEL_PHRASES } from '@shared/wording/labels';
import { weekdayDayMonthYear, dayMonthYear } from '@shared/wording/dates';
import { addDays } from '@shared/domain/calendar/civil-date';
import { call } from '../../api';
import { hrefFor } from '../../app/router';
import { useToday } from '../../app/today';
import { PageHeading } from '../../components/page-heading';
import { Choice, Fieldset, TextInput } from '../../components/fields';
import { DateInput, toCivilDate } from '../../components/date-input';
import { mondayOf, movedTimes, weekDays } from './week-model';
import '../../styles/due-week.css';

type Open = { id: string; what: 'move' | 'cancel' } | null;

const OUTCOME_WORDS: Record<string, string> = {
  attended: 'Attended',
  dna: 'Did not attend',
  'cancelled-by-participant': 'Cancelled by the participant',
  'cancelled-by-provider': 'Cancelled by us',
};

function MoveForm({
  a,
  onDone,
  onClose,
}: {
  a: AgendaAppointment;
  onDone(message: string): void;
  onClose(): void;
}) {
  const [date, setDate] = useState(a.start.slice(0, 10));
  const [time, setTime] = useState(a.start.slice(11, 16));
  const [problem, setProblem] = useState<{ field: 'date' | 'time' | 'form'; text: string } | null>(
    null,
  );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const moved = movedTimes(a, toCivilDate(date), time);
    if ('problem' in moved) return setProblem({ field: moved.field, text: moved.problem });
    const r = await call('diary:move', { id: a.id, version: a.version, ...moved });
    if (!r.ok) return setProblem({ field: 'form', text: r.error.message });
    onDone(
      `${a.participantName}'s appointment moved to ${weekdayDayMonthYear(moved.start)} at ${moved.start.slice(11)}.`,
    );
  };
  return (
    <form
      className="week-form"
      onSubmit={submit}
      noValidate
      aria-label={`Move ${a.participantName}'s appointment`}
    >
      {problem?.field === 'form' && (
        <p className="error-message" role="alert">
          {problem.text}
        </p>
      )}
      <DateInput
        id={`move-date-${a.id}`}
        legend="New date"
        value={date}
        onChange={setDate}
        error={problem?.field === 'date' ? problem.text : undefined}
      />
      <TextInput
        id={`move-time-${a.id}`}
        label="New start time"
        hint="For example 14:30. The appointment keeps its length."
        inputMode="numeric"
        className="input input--width-5"
        value={time}
        onChange={(e) => setTime(e.target.value)}
        error={problem?.field === 'time' ? problem.text : undefined}
      />
      <div className="week-appointment__actions">
        <button type="submit" className="button">
          Move appointment
        </button>
        <button type="button" className="button button--secondary" onClick={onClose}>
          Keep it as it is
        </button>
      </div>
    </form>
  );
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
  const [who, setWho] = useState<'' | 'cancelled-by-participant' | 'cancelled-by-provider'>('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!who) return setProblem('Say who cancelled the appointment');
    const r = await call('meetings:log', {
      appointmentId: a.id,
      expectedVersion: a.version,
      outcome: who,
      channel: a.channel,
    });
    if (!r.ok) return setProblem(r.error.message);
    onDone(`${a.participantName}'s appointment on ${weekdayDayMonthYear(a.start)} is cancelled.`);
  };
  return (
    <form
      className="week-form"
      onSubmit={submit}
      noValidate
      aria-label={`Cancel ${a.participantName}'s appointment`}
    >
      <Fieldset
        id={`cancel-who-${a.id}`}
        legend="Who cancelled?"
        legendSize="s"
        error={problem ?? undefined}
      >
        <div className="radios">
          <Choice
            type="radio"
            id={`cancel-who-${a.id}`}
            name={`cancel-who-${a.id}`}
            label="The participant"
            checked={who === 'cancelled-by-participant'}
            onChange={() => setWho('cancelled-by-participant')}
          />
          <Choice
            type="radio"
            id={`cancel-who-${a.id}-us`}
            name={`cancel-who-${a.id}`}
            label="We did"
            checked={who === 'cancelled-by-provider'}
            onChange={() => setWho('cancelled-by-provider')}
          />
        </div>
      </Fieldset>
      <div className="week-appointment__actions">
        <button type="submit" className="button button--warning">
          Cancel appointment
        </button>
        <button type="button" className="button button--secondary" onClick={onClose}>
          Keep it
        </button>
      </div>
    </form>
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
  const close = () => setOpen(null);
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
            aria-expanded={open?.id === a.id && open.what === 'move'}
            onClick={() => setOpen({ id: a.id, what: 'move' })}
          >
            Move<span className="visually-hidden"> {a.participantName}&rsquo;s appointment</span>
          </button>
          <button
            type="button"
            className="button button--secondary"
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
