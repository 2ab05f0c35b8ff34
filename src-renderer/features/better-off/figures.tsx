/**
 * The two monthly budgets and the difference. Every figure opens (details/summary) to show its
 * working in plain English, and what the figure leaves out is said plainly.
 */
import type { WorkingLine } from '@shared/domain/better-off';
import { pounds, type LiveResult } from './form-model';

function Working({ line, id }: { line: WorkingLine; id: string }) {
  return (
    <details className="bo-details" id={id}>
      <summary className="bo-details__summary">
        <span className="bo-figure__label">{line.label}</span>{' '}
        <span className="bo-figure__amount">{pounds(line.amount)}</span>
      </summary>
      <ol className="list list--number bo-details__steps">
        {line.steps.map((step, i) => (
          <li key={i}>{step}</li>
        ))}
      </ol>
    </details>
  );
}

export function Figures({ live }: { live: LiveResult }) {
  const { explanation: e, result } = live;
  const better = result.output.betterOffMonthly;
  return (
    <section aria-labelledby="bo-result-title" className="bo-result">
      <h2 className="heading-m" id="bo-result-title">
        The result
      </h2>
      <div className="bo-headline" aria-live="polite" aria-atomic="true">
        <p className="bo-headline__figure" data-testid="better-off-monthly">
          {better >= 0
            ? `${pounds(better)} a month better off in work`
            : `${pounds(-better)} a month worse off in work`}
        </p>
        <p className="body">
          {`Money to live on: ${pounds(result.output.outOfWork.income)} out of work, ${pounds(result.output.inWork.income)} in work.`}
        </p>
      </div>
      <Working line={e.betterOff} id="bo-working-betterOffMonthly" />
      <div className="grid-row">
        <div className="bo-column">
          <h3 className="heading-s">Out of work, each month</h3>
          {e.outOfWork.map((line) => (
            <Working
              key={line.figure}
              line={line}
              id={`bo-working-${line.figure.replace('.', '-')}`}
            />
          ))}
        </div>
        <div className="bo-column">
          <h3 className="heading-s">In work, each month</h3>
          {e.inWork.map((line) => (
            <Working
              key={line.figure}
              line={line}
              id={`bo-working-${line.figure.replace('.', '-')}`}
            />
          ))}
        </div>
      </div>
      {result.output.warnings.length > 0 && (
        <div className="inset-text">
          <h3 className="heading-s">Please note</h3>
          <ul className="list list--bullet">
            {result.output.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      )}
      <h3 className="heading-s">What these figures do not include</h3>
      <ul className="list list--bullet">
        {e.notIncluded.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
      <p className="hint">
        Worked out with the {e.taxYear} rates (version {e.ratesVersion}). This is a guide, not a
        decision: the Department for Work and Pensions decides Universal Credit.
      </p>
    </section>
  );
}
