/**
 * Charter performance of the adviser's own caseload, computed on this device (so it works with
 * no network): per promise, how many fell due in the chosen period and how each stands, the
 * 12-month trend with a table, and what lies behind any figure. "At risk this week" and
 * "Breached" list the participants to act on.
 */
import { useEffect, useRef, useState } from 'react';
import type { ObligationRule } from '@shared/domain/charter/profile';
import { FIGURES, type Figure, type RuleFigures } from '@shared/domain/report/report';
import { endOfWeek } from '@shared/domain/report/drill-down';
import {
  FIGURE_WORDS,
  overall,
  percentWords,
  summarySentences,
} from '@shared/domain/report/wording';
import type { NamedObligation, PerformanceView } from '@shared/ipc/channels/reports';
import { call } from '../../api';
import { PageHeading } from '../../components/page-heading';
import { formatDate } from '../../labels';
import { useToday } from '../../app/today';
import { ObligationList } from './obligation-list';
import { monthWords, periodChoices, type PeriodChoice } from './periods';
import { TrendChart } from './trend-chart';
import { SatisfactionTrend } from '../surveys/survey-results';
import './performance.css';

interface Drill {
  rule: ObligationRule;
  figure: Figure;
  items: NamedObligation[];
}

function FigureCell({
  row,
  figure,
  title,
  onOpen,
}: {
  row: RuleFigures;
  figure: Figure;
  title: string;
  onOpen: (rule: ObligationRule, figure: Figure) => void;
}) {
  const n = row[figure];
  return (
    <td className="table__cell table__cell--numeric">
      {n === 0 ? (
        '0'
      ) : (
        <button
          type="button"
          className="performance-figure"
          onClick={() => onOpen(row.rule, figure)}
        >
          {n.toLocaleString('en-GB')}
          <span className="visually-hidden">
            {' '}
            {title}: show {figure === 'due' ? 'all due' : FIGURE_WORDS[figure].toLowerCase()}
          </span>
        </button>
      )}
    </td>
  );
}

export function PerformancePage() {
  const today = useToday();
  const [choices] = useState(() => periodChoices(today));
  const [choice, setChoice] = useState<PeriodChoice>(choices[0]!);
  const [view, setView] = useState<PerformanceView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [drill, setDrill] = useState<Drill | null>(null);
  const [printed, setPrinted] = useState<string | null>(null);
  const drillHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let live = true;
    void call('reports:performance', { from: choice.from, to: choice.to }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setView(r.value);
        setProblem(null);
      } else setProblem(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [choice]);

  useEffect(() => {
    if (drill) drillHeading.current?.focus();
  }, [drill]);

  const open = async (rule: ObligationRule, figure: Figure) => {
    const r = await call('reports:behind', { from: choice.from, to: choice.to, rule, figure });
    if (r.ok) setDrill({ rule, figure, items: r.value });
    else setProblem(r.error.message);
  };

  const print = async () => {
    if (!choice.month) return;
    const r = await call('reports:monthlyPdf', { month: choice.month, action: 'print' });
    if (r.ok) setPrinted(`The report for ${monthWords(choice.month)} was sent to print.`);
    else setProblem(r.error.message);
  };

  const rows = view?.report.rules ?? [];
  const titleOf = (rule: ObligationRule) => view?.ruleTitles[rule] ?? rule;
  const periodWords = choice.month
    ? `in ${monthWords(choice.month)}`
    : `from ${formatDate(choice.from)} to ${formatDate(choice.to)}`;
  const all = overall(rows);

  return (
    <>
      <PageHeading caption="Your caseload">Charter performance</PageHeading>
      <p className="body">
        How well the charter&rsquo;s promises were kept for the people on your caseload, worked out
        on this computer from their records.
      </p>
      <div className="form-group">
        <label className="label" htmlFor="performance-period">
          Period
        </label>
        <select
          id="performance-period"
          className="select"
          value={choice.value}
          onChange={(e) => {
            setView(null);
            setDrill(null);
            setPrinted(null);
            setChoice(choices.find((c) => c.value === e.target.value)!);
          }}
        >
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      {problem && (
        <p className="body performance-problem" role="alert">
          {problem}
        </p>
      )}
      {printed && (
        <p className="body" role="status">
          {printed}
        </p>
      )}
      {!view ? (
        !problem && (
          <p className="body" role="status">
            Working out the figures…
          </p>
        )
      ) : (
        <>
          <section aria-labelledby="summary-heading">
            <h2 className="heading-m" id="summary-heading">
              Summary
            </h2>
            {summarySentences(rows, periodWords, titleOf).map((s) => (
              <p className="body" key={s}>
                {s}
              </p>
            ))}
            {choice.month && (
              <button
                type="button"
                className="button button--secondary"
                onClick={() => void print()}
              >
                Print the report for {monthWords(choice.month)}
              </button>
            )}
          </section>

          <section aria-labelledby="promises-heading">
            <h2 className="heading-m" id="promises-heading">
              Each promise
            </h2>
            {rows.length === 0 ? (
              <p className="body">No charter promises fell due {periodWords}.</p>
            ) : (
              <div className="table-scroller">
                <table className="table">
                  <caption className="table__caption">
                    Promises due {periodWords}. Choose a number to see the people behind it.
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col" className="table__header">
                        Promise
                      </th>
                      {FIGURES.map((f) => (
                        <th key={f} scope="col" className="table__header table__header--numeric">
                          {FIGURE_WORDS[f]}
                        </th>
                      ))}
                      <th scope="col" className="table__header table__header--numeric">
                        On time
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((row) => (
                      <tr key={row.rule}>
                        <th scope="row" className="table__header">
                          {titleOf(row.rule)}
                        </th>
                        {FIGURES.map((f) => (
                          <FigureCell
                            key={f}
                            row={row}
                            figure={f}
                            title={titleOf(row.rule)}
                            onOpen={(r, fig) => void open(r, fig)}
                          />
                        ))}
                        <td className="table__cell table__cell--numeric">
                          {percentWords(row.onTimePercent)}
                        </td>
                      </tr>
                    ))}
                    <tr>
                      <th scope="row" className="table__header">
                        All promises
                      </th>
                      {FIGURES.map((f) => (
                        <td key={f} className="table__cell table__cell--numeric">
                          {all[f].toLocaleString('en-GB')}
                        </td>
                      ))}
                      <td className="table__cell table__cell--numeric">
                        {percentWords(all.onTimePercent)}
                      </td>
                    </tr>
                  </tbody>
                </table>
              </div>
            )}
            <p className="body">
              &ldquo;On time&rdquo; is the share kept on time of the promises already decided;
              promises still open are not counted in it.
            </p>
          </section>

          {drill && (
            <section aria-labelledby="drill-heading" className="performance-drill">
              <h2 className="heading-m" id="drill-heading" tabIndex={-1} ref={drillHeading}>
                {titleOf(drill.rule)}:{' '}
                {drill.figure === 'due' ? 'all due' : FIGURE_WORDS[drill.figure].toLowerCase()} (
                {drill.items.length})
              </h2>
              <ObligationList
                items={drill.items}
                ruleTitles={view.ruleTitles}
                empty="None."
                label={`People behind this figure`}
              />
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => setDrill(null)}
              >
                Close this list
              </button>
            </section>
          )}

          <section aria-labelledby="at-risk-heading">
            <h2 className="heading-m" id="at-risk-heading">
              At risk this week ({view.atRisk.length})
            </h2>
            <p className="body">
              Not yet kept and due by Sunday {formatDate(endOfWeek(view.today))}.
            </p>
            <ObligationList
              items={view.atRisk}
              ruleTitles={view.ruleTitles}
              empty="Nothing is at risk this week."
              label="At risk this week"
            />
          </section>

          <section aria-labelledby="breached-heading">
            <h2 className="heading-m" id="breached-heading">
              Breached ({view.breached.length})
            </h2>
            <p className="body">Kept late or missed, due {periodWords}.</p>
            <ObligationList
              items={view.breached}
              ruleTitles={view.ruleTitles}
              empty="No promise was kept late or missed."
              label="Breached"
            />
          </section>

          <TrendChart trend={view.trend} />
          <SatisfactionTrend />
          <p className="body">
            <a className="link" href="#/performance/organisation">
              Organisation performance from the central service (managers)
            </a>
          </p>
        </>
      )}
    </>
  );
}
