/**
 * The top of a participant's page: the next appointment, anything overdue or due this week, and
 * the adjustments, before the details and the full list of obligations further down.
 */
import { useEffect, useState } from 'react';
import type { Participant } from '@shared/schemas/participant';
import type { Appointment } from '@shared/schemas/diary';
import type { ShownObligation } from '@shared/ipc/channels/obligations';
import { dueFirst } from '@shared/domain/charter/due-first';
import { APPOINTMENT_KIND_LABELS, CHANNEL_PHRASES } from '@shared/wording/labels';
import { weekdayDayMonthYear } from '@shared/wording/dates';
import { call } from '../../api';
import { hrefFor } from '../../app/router';
import { formatDate } from '../../labels';
import { AdjustmentsNote } from '../../components/adjustments-note';
import { communicationNeeds } from './communication-needs';
import '../../styles/due-week.css';

/** The earliest booked appointment from `today` on. */
export function nextAppointment(list: Appointment[], today: string): Appointment | null {
  let next: Appointment | null = null;
  for (const a of list)
    if (a.outcome === 'booked' && a.start.slice(0, 10) >= today && (!next || a.start < next.start))
      next = a;
  return next;
}

export function appointmentInWords(a: Appointment): string {
  return `${APPOINTMENT_KIND_LABELS[a.kind]} ${CHANNEL_PHRASES[a.channel]}, ${weekdayDayMonthYear(a.start)} at ${a.start.slice(11, 16)} to ${a.end.slice(11, 16)}`;
}

interface Loaded {
  today: string;
  next: Appointment | null;
  overdue: ShownObligation[];
  thisWeek: ShownObligation[];
}

function ObligationItems({ list }: { list: ShownObligation[] }) {
  return (
    <ul className="due-first__list">
      {list.map((o) => (
        <li key={`${o.rule}-${o.period ?? ''}-${o.ref ?? ''}-${o.due}`}>
          {o.ruleTitle}
          {o.period ? ` (${o.period})` : ''}: due {formatDate(o.due)}
        </li>
      ))}
    </ul>
  );
}

export function DueFirstPanel({ participant: p }: { participant: Participant }) {
  const [data, setData] = useState<Loaded | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void Promise.all([
      call('obligations:forParticipant', { participantId: p.id }),
      call('diary:appointments', { participantId: p.id }),
    ]).then(([o, a]) => {
      if (!live) return;
      if (!o.ok) return setProblem(o.error.message);
      if (!a.ok) return setProblem(a.error.message);
      const { overdue, thisWeek } = dueFirst(o.value.obligations, o.value.today);
      setData({
        today: o.value.today,
        next: nextAppointment(a.value, o.value.today),
        overdue,
        thisWeek,
      });
    });
    return () => {
      live = false;
    };
  }, [p.id, p.version]);

  return (
    <section className="due-first" aria-labelledby="due-first-heading">
      <h2 className="heading-m" id="due-first-heading">
        What is due
      </h2>
      {problem && <p className="body">{problem}</p>}
      {!problem && !data && (
        <p className="body" role="status">
          Loading what is due…
        </p>
      )}
      {data && (
        <>
          <div className="due-first__section">
            <h3 className="heading-s">Next appointment</h3>
            {data.next ? (
              <p className="body">
                {appointmentInWords(data.next)}.{' '}
                <a
                  className="link"
                  href={hrefFor({
                    name: 'participant-letters',
                    id: p.id,
                    appointmentId: data.next.id,
                  })}
                >
                  Letter about this appointment
                </a>
              </p>
            ) : (
              <p className="body">
                None booked.{' '}
                <a className="link" href={hrefFor({ name: 'book-appointment', id: p.id })}>
                  Book an appointment
                </a>
              </p>
            )}
          </div>
          <div className="due-first__section">
            <h3 className="heading-s">Overdue</h3>
            {data.overdue.length ? (
              <ObligationItems list={data.overdue} />
            ) : (
              <p className="body">Nothing overdue.</p>
            )}
          </div>
          <div className="due-first__section">
            <h3 className="heading-s">Due this week</h3>
            {data.thisWeek.length ? (
              <ObligationItems list={data.thisWeek} />
            ) : (
              <p className="body">Nothing else due this week.</p>
            )}
          </div>
        </>
      )}
      <div className="due-first__section">
        {p.adjustments.trim() || communicationNeeds(p).length ? (
          <AdjustmentsNote
            adjustments={p.adjustments}
            needs={communicationNeeds(p)}
            id="due-first-adjustments"
          />
        ) : (
          <>
            <h3 className="heading-s">Adjustments</h3>
            <p className="body">None recorded.</p>
          </>
        )}
      </div>
    </section>
  );
}
