import type { TimelineEvent } from '@shared/schemas/participant';
import { STATUS_LABELS, EXIT_REASON_LABELS, formatDate, formatInstant } from '../../labels';

/** A heading in words for every kind of event the services write (never the stored kind). */
export const KIND_TITLES: Record<string, string> = {
  referral: 'Referral received',
  status: 'Status changed',
  'moved-house': 'Address changed',
  'appointment-booked': 'Appointment booked',
  'appointment-moved': 'Appointment moved',
  meeting: 'Meeting',
  'missed-decision': 'Decision after a missed meeting',
  contact: 'Contact',
  'life-event': 'Change in circumstances',
  'health-need': 'Health need',
  'ppep-agreed': 'Plan agreed',
  'support-referral': 'Referral to support',
  'better-off': 'Better-off calculation',
  document: 'Letter or document',
  'travel-claim': 'Travel claim',
  'in-person-exemption': 'Cannot attend in person',
  'exit-review': 'Exit review',
};

/** An event kind this table does not know yet, in words rather than as stored. */
export const kindTitle = (kind: string): string =>
  KIND_TITLES[kind] ?? `${kind.charAt(0).toUpperCase()}${kind.slice(1).replace(/-/g, ' ')}`;

type Labelled = Record<string, string>;

/** A status event's words for the adviser, from its data rather than its stored summary. */
function describe(event: TimelineEvent): string {
  // The reason and the summary the adviser typed are kept in the data; show them too.
  if (event.kind === 'in-person-exemption' && typeof event.data.reason === 'string')
    return `${event.summary}. Reason: ${event.data.reason}`;
  if (event.kind === 'exit-review' && typeof event.data.summary === 'string')
    return `${event.summary}. ${event.data.summary}`;
  if (event.kind !== 'status') return event.summary;
  const { from, to, exitReason, note } = event.data as Labelled;
  if (event.data.corrected === true)
    return `Corrected from ${(STATUS_LABELS as Labelled)[from ?? ''] ?? from} to ${(STATUS_LABELS as Labelled)[to ?? ''] ?? to}. Reason: ${note}`;
  const labels = STATUS_LABELS as Labelled;
  const main =
    to === 'exited'
      ? `Exited: ${(EXIT_REASON_LABELS as Labelled)[exitReason ?? ''] ?? exitReason ?? ''}`
      : `From ${labels[from ?? ''] ?? from} to ${labels[to ?? ''] ?? to}`;
  return note ? `${main}. ${note}` : main;
}

/** MOJ timeline pattern: newest first, each event with its date, who recorded it, and what. */
export function Timeline({ events }: { events: TimelineEvent[] }) {
  if (events.length === 0) return <p className="body">Nothing has happened yet.</p>;
  return (
    <ol className="timeline">
      {events.map((e) => (
        <li className="timeline__item" key={e.id}>
          <div className="timeline__header">
            <h3 className="timeline__title">
              {e.kind === 'status' && e.data.to
                ? `${e.data.corrected === true ? 'Status corrected' : 'Status'}: ${(STATUS_LABELS as Labelled)[String(e.data.to)] ?? String(e.data.to)}`
                : kindTitle(e.kind)}
            </h3>
            <p className="timeline__byline">by {e.actor}</p>
          </div>
          <p className="timeline__date">
            <time dateTime={e.date}>{formatDate(e.date)}</time>
            <span className="timeline__recorded"> (recorded {formatInstant(e.recordedAt)})</span>
          </p>
          <div className="timeline__description">{describe(e)}</div>
          {e.note && <p className="timeline__description">Note: {e.note}</p>}
          {e.noteHidden && (
            <p className="timeline__description">
              This meeting has a note about health: the adviser reads it on the meetings page.
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
