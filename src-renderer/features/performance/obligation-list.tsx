/** A list of obligations, each linking to the participant, in plain words. */
import type { ObligationRule } from '@shared/domain/charter/profile';
import type { NamedObligation } from '@shared/ipc/channels/reports';
import { hrefFor } from '../../app/router';
import { formatDate } from '../../labels';
import { STATUS_WORDS } from './status-words';

export function ObligationList({
  items,
  ruleTitles,
  empty,
  label,
}: {
  items: NamedObligation[];
  ruleTitles: Record<ObligationRule, string>;
  empty: string;
  label: string;
}) {
  if (items.length === 0) return <p className="body">{empty}</p>;
  return (
    <ul className="performance-list" aria-label={label}>
      {items.map((o) => (
        <li
          key={`${o.participantId}-${o.rule}-${o.period ?? ''}-${o.ref ?? ''}-${o.due}`}
          className="performance-list__item"
        >
          <a className="link" href={hrefFor({ name: 'participant', id: o.participantId })}>
            {o.participantName || 'Participant'}
          </a>
          <span className="performance-list__meta">
            {ruleTitles[o.rule]} · due {formatDate(o.due)} · {STATUS_WORDS[o.status]}
            {o.metOn ? ` on ${formatDate(o.metOn)}` : ''}
          </span>
        </li>
      ))}
    </ul>
  );
}
