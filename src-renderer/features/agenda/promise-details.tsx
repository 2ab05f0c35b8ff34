import type { ShownObligation } from '@shared/ipc/channels/obligations';

/** The promise behind an obligation, folded away until asked for (native details: keyboard-ready). */
export function PromiseDetails({ o }: { o: ShownObligation }) {
  return (
    <details className="promise">
      <summary className="promise__summary">
        <span className="promise__summary-text">
          The promise<span className="visually-hidden">: {o.ruleTitle}</span>
        </span>
      </summary>
      <div className="promise__body">
        <blockquote className="promise__quote">{o.promise}</blockquote>
        <p className="promise__source">
          {o.profileName}
          {o.profileVersion > 0 ? ` (version ${o.profileVersion})` : ''}, rule {o.rule}. Source:{' '}
          {o.source}
        </p>
      </div>
    </details>
  );
}
