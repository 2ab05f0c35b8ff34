/**
 * Survey results over the last 12 months and the satisfaction trend, with every figure below
 * the threshold hidden by the main process (the report's small-number suppression).
 */
import { useEffect, useState } from 'react';
import type { SurveyResultsView } from '@shared/ipc/channels/surveys';
import type { TrendMonth } from '@shared/domain/surveys/survey-results';
import { monthsEnding } from '@shared/domain/report/months';
import { percentWords } from '@shared/domain/report/wording';
import { optionWords, suppressedWords } from '@shared/domain/surveys/survey-words';
import { monthYear } from '@shared/wording/dates';
import { call } from '../../api';
import { useToday } from '../../app/today';

function useLastYear(): { view: SurveyResultsView | null; problem: string | null } {
  const today = useToday();
  const [view, setView] = useState<SurveyResultsView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    const months = monthsEnding(today.slice(0, 7), 12);
    void call('surveys:results', { from: months[0]!, to: months[11]! }).then((r) =>
      r.ok ? setView(r.value) : setProblem(r.error.message),
    );
  }, [today]);
  return { view, problem };
}

const countWords = (n: number | null) => (n === null ? 'hidden' : n.toLocaleString('en-GB'));

function TrendBars({ months }: { months: TrendMonth[] }) {
  const width = 480;
  const barWidth = width / months.length;
  const described = months
    .map((m) =>
      m.suppressed
        ? `${monthYear(m.month)}: too few answers to show`
        : `${monthYear(m.month)}: ${percentWords(m.satisfiedPercent)}`,
    )
    .join('; ');
  return (
    <svg
      viewBox={`0 0 ${width} 120`}
      className="satisfaction-chart"
      role="img"
      aria-label={`Share satisfied, month by month. ${described}.`}
    >
      {months.map((m, i) => {
        const h = m.satisfiedPercent === null ? 0 : (m.satisfiedPercent / 100) * 100;
        return (
          <rect
            key={m.month}
            x={i * barWidth + 4}
            y={110 - h}
            width={barWidth - 8}
            height={Math.max(h, m.suppressed ? 0 : 1)}
            fill="#1d70b8"
          />
        );
      })}
      <line x1="0" x2={width} y1="110" y2="110" stroke="#0b0c0c" />
    </svg>
  );
}

/** On the performance screen: satisfaction month by month, as a chart and as a table. */
export function SatisfactionTrend() {
  const { view, problem } = useLastYear();
  return (
    <section aria-labelledby="satisfaction-heading">
      <h2 className="heading-m" id="satisfaction-heading">
        Satisfaction, the last 12 months
      </h2>
      {problem && <p className="error-message">{problem}</p>}
      {view && (
        <>
          <p className="body">
            The share of participants answering “satisfied” or “very satisfied” to the overall
            question of a feedback survey. Months with fewer than {view.minCell} answers are not
            shown, so that no one can be identified.
          </p>
          <TrendBars months={view.trend.months} />
          <table className="table">
            <caption className="table__caption">Satisfaction month by month, as a table</caption>
            <thead>
              <tr>
                <th scope="col" className="table__header">
                  Month
                </th>
                <th scope="col" className="table__header table__header--numeric">
                  Answers
                </th>
                <th scope="col" className="table__header table__header--numeric">
                  Satisfied
                </th>
              </tr>
            </thead>
            <tbody>
              {[...view.trend.months, view.trend.total].map((m, i) => (
                <tr key={m.month}>
                  <th scope="row" className="table__header">
                    {i === 12 ? 'All 12 months' : monthYear(m.month)}
                  </th>
                  <td className="table__cell table__cell--numeric">
                    {m.suppressed ? `fewer than ${view.minCell}` : countWords(m.answered)}
                  </td>
                  <td className="table__cell table__cell--numeric">
                    {m.suppressed ? 'not shown' : percentWords(m.satisfiedPercent)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

/** On the surveys screen: each survey's answers over the last 12 months. */
export function SurveyResultsSection() {
  const { view, problem } = useLastYear();
  return (
    <section aria-labelledby="results-heading">
      <h2 className="heading-m" id="results-heading">
        Results, the last 12 months
      </h2>
      {problem && <p className="error-message">{problem}</p>}
      {view?.surveys.map((s) => (
        <section key={s.surveyId} aria-labelledby={`results-${s.surveyId}`}>
          <h3 className="heading-s" id={`results-${s.surveyId}`}>
            {s.title}:{' '}
            {s.suppressed ? suppressedWords(view.minCell) : `${countWords(s.respondents)} answered`}
          </h3>
          {!s.suppressed &&
            s.questions.map((q) => (
              <div key={q.id} className="survey-result">
                <p className="body">
                  <strong>{q.text}</strong>{' '}
                  {q.suppressed
                    ? suppressedWords(view.minCell)
                    : `${countWords(q.answered)} answered${q.satisfiedPercent === null ? '' : `, ${percentWords(q.satisfiedPercent)} satisfied`}.`}
                </p>
                {q.counts.length > 0 && (
                  <ul className="list" aria-label={`Answers to: ${q.text}`}>
                    {q.counts.map((c) => (
                      <li key={c.option}>
                        {optionWords(c.option)}: {c.count}
                      </li>
                    ))}
                  </ul>
                )}
                {q.comments.length > 0 && (
                  <ul className="list list--bullet" aria-label={`Comments on: ${q.text}`}>
                    {q.comments.map((c, i) => (
                      <li key={i}>{c}</li>
                    ))}
                  </ul>
                )}
              </div>
            ))}
        </section>
      ))}
    </section>
  );
}
