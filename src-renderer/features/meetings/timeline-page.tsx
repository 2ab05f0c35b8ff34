/**
 * The whole timeline: every event (referral, contacts, letters, appointments and outcomes, plan
 * versions, claims, life events) in date order, filterable by kind, and printable: the print
 * stylesheet drops the navigation and filters and prints what is shown.
 */
import { useMemo, useState } from 'react';
import { hrefFor } from '../../app/router';
import { PageHeading } from '../../components/page-heading';
import { Choice, Fieldset } from '../../components/fields';
import { formatDate } from '../../labels';
import { useToday } from '../../app/today';
import { useParticipant } from '../participant/use-participant';
import { Timeline } from '../participant/timeline';
import '../../styles/meetings.css';

/** Kinds grouped as the adviser thinks of them; any kind not listed falls under "Other". */
const GROUPS: { id: string; label: string; kinds: string[] }[] = [
  { id: 'referral', label: 'Referral and status', kinds: ['referral', 'status'] },
  { id: 'contacts', label: 'Contacts', kinds: ['contact'] },
  {
    id: 'appointments',
    label: 'Appointments and outcomes',
    kinds: ['appointment-booked', 'appointment-moved', 'meeting', 'missed-decision'],
  },
  {
    id: 'plan',
    label: 'Plan and support',
    kinds: ['ppep-agreed', 'support-referral', 'health-need'],
  },
  { id: 'letters', label: 'Letters', kinds: ['letter', 'document-issued', 'document-reprinted'] },
  { id: 'claims', label: 'Travel claims', kinds: ['travel-claim'] },
  { id: 'life', label: 'Life events', kinds: ['life-event', 'moved-house', 'better-off'] },
];
const KNOWN = new Set(GROUPS.flatMap((g) => g.kinds));

export function TimelinePage({ id }: { id: string }) {
  const today = useToday();
  const { participant, timeline, problem } = useParticipant(id, true);
  const [hidden, setHidden] = useState<Set<string>>(new Set());
  const shown = useMemo(
    () =>
      timeline.filter((e) => {
        const group = GROUPS.find((g) => g.kinds.includes(e.kind))?.id ?? 'other';
        return !hidden.has(group);
      }),
    [timeline, hidden],
  );
  if (problem) return <p className="body">{problem}</p>;
  if (!participant)
    return (
      <p className="body" role="status">
        Loading…
      </p>
    );
  const name = `${participant.givenName} ${participant.familyName}`;
  const groups = [
    ...GROUPS,
    ...(timeline.some((e) => !KNOWN.has(e.kind))
      ? [{ id: 'other', label: 'Other', kinds: [] }]
      : []),
  ];
  const toggle = (group: string, on: boolean) =>
    setHidden((h) => {
      const next = new Set(h);
      if (on) next.delete(group);
      else next.add(group);
      return next;
    });
  return (
    <>
      <a className="back-link no-print" href={hrefFor({ name: 'participant', id })}>
        Back to {name}
      </a>
      <PageHeading caption={`${name}, referral ${participant.referralId}`}>Timeline</PageHeading>
      <p className="print-only body">Printed {formatDate(today)}.</p>
      <div className="timeline-filters no-print">
        <Fieldset id="timeline-filter" legend="Show" legendSize="s">
          <div className="checkboxes checkboxes--small timeline-filters__list">
            {groups.map((g, i) => (
              <Choice
                key={g.id}
                type="checkbox"
                id={i === 0 ? 'timeline-filter' : `timeline-filter-${g.id}`}
                label={g.label}
                checked={!hidden.has(g.id)}
                onChange={(e) => toggle(g.id, e.target.checked)}
              />
            ))}
          </div>
        </Fieldset>
        <button type="button" className="button button--secondary" onClick={() => window.print()}>
          Print timeline
        </button>
      </div>
      <p className="body" role="status">
        Showing {shown.length} of {timeline.length} events
      </p>
      <Timeline events={shown} />
    </>
  );
}
