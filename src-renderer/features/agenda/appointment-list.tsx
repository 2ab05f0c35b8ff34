import type { AgendaAppointment } from '@shared/ipc/channels/agenda';
import type { AppointmentOutcome } from '@shared/schemas/diary';
import { APPOINTMENT_KIND_LABELS, CHANNEL_PHRASES } from '@shared/wording/labels';
import { hrefFor } from '../../app/router';
import { formatDate } from '../../labels';
import '../../styles/due-week.css';

const OUTCOME_WORDS: Record<AppointmentOutcome, string | null> = {
  booked: null,
  attended: 'attended',
  dna: 'did not attend',
  'cancelled-by-participant': 'cancelled by the participant',
  'cancelled-by-provider': 'cancelled by us',
};

/** Appointments as a list of links to each participant, in time order. */
export function AppointmentList({
  appointments,
  empty,
  showDay = false,
}: {
  appointments: AgendaAppointment[];
  empty: string;
  showDay?: boolean;
}) {
  if (appointments.length === 0) return <p className="body">{empty}</p>;
  return (
    <ul className="agenda-appointments">
      {appointments.map((a) => {
        const outcome = OUTCOME_WORDS[a.outcome];
        return (
          <li key={a.id} className="agenda-appointment">
            <span className="agenda-appointment__time">
              {showDay ? `${formatDate(a.start)}, ` : ''}
              {a.start.slice(11)}–{a.end.slice(11)}
            </span>
            <a className="link" href={hrefFor({ name: 'participant', id: a.participantId })}>
              {a.participantName}
            </a>
            <span className="agenda-appointment__what">
              {APPOINTMENT_KIND_LABELS[a.kind]} {CHANNEL_PHRASES[a.channel] ?? a.channel}
              {outcome ? ` (${outcome})` : ''}
            </span>
            {a.adjustments.trim() && (
              <span className="agenda-appointment__adjustments">Adjustments: {a.adjustments}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
