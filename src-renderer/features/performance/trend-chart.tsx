/**
 * The 12-month trend of the share of decided promises kept on time: an SVG bar chart with a text
 * description, and the same figures in a table (the chart is never the only way to read them).
 */
import { overall, percentWords, type TrendMonth } from '@shared/domain/report';
import { FIGURE_WORDS } from '@shared/domain/report/wording';
import { monthWords } from './periods';

const WIDTH = 600;
const HEIGHT = 160;
const BAR_GAP = 10;

export function TrendChart({ trend }: { trend: TrendMonth[] }) {
  const figures = trend.map((m) => ({ month: m.month, ...overall(m.rules) }));
  const barWidth = WIDTH / figures.length - BAR_GAP;
  const described = figures
    .map((f) => `${monthWords(f.month)}: ${percentWords(f.onTimePercent)}`)
    .join('; ');
  return (
    <section aria-labelledby="trend-heading">
      <h2 className="heading-m" id="trend-heading">
        The last 12 months
      </h2>
      <p className="body">The share of decided promises kept on time each month.</p>
      <figure className="performance-chart">
        <svg
          viewBox={`0 0 ${WIDTH} ${HEIGHT + 40}`}
          role="img"
          aria-labelledby="trend-title trend-desc"
          className="performance-chart__svg"
        >
          <title id="trend-title">Share of promises kept on time, month by month</title>
          <desc id="trend-desc">{described}</desc>
          <line x1={0} y1={HEIGHT} x2={WIDTH} y2={HEIGHT} className="performance-chart__axis" />
          {figures.map((f, i) => {
            const x = i * (barWidth + BAR_GAP) + BAR_GAP / 2;
            const h = f.onTimePercent === null ? 0 : (HEIGHT * f.onTimePercent) / 100;
            return (
              <g key={f.month}>
                {h > 0 && (
                  <rect
                    x={x}
                    y={HEIGHT - h}
                    width={barWidth}
                    height={h}
                    className="performance-chart__bar"
                  />
                )}
                <text
                  x={x + barWidth / 2}
                  y={HEIGHT + 16}
                  textAnchor="middle"
                  className="performance-chart__label"
                >
                  {monthWords(f.month).slice(0, 3)}
                </text>
                <text
                  x={x + barWidth / 2}
                  y={HEIGHT + 34}
                  textAnchor="middle"
                  className="performance-chart__label"
                >
                  {f.onTimePercent === null ? '–' : `${Math.round(f.onTimePercent)}%`}
                </text>
              </g>
            );
          })}
        </svg>
      </figure>
      {/* A scrollable region must be focusable so a keyboard can scroll it (WCAG 2.1.1). */}
      <div
        className="table-scroller"
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- scrollable region, see above
        tabIndex={0}
        role="region"
        aria-label="The last 12 months, scrollable table"
      >
        <table className="table">
          <caption className="table__caption">The last 12 months as a table</caption>
          <thead>
            <tr>
              <th scope="col" className="table__header">
                Month
              </th>
              {(['due', 'met', 'metLate', 'missed', 'pending'] as const).map((f) => (
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
            {figures.map((f) => (
              <tr key={f.month}>
                <th scope="row" className="table__header">
                  {monthWords(f.month)}
                </th>
                {(['due', 'met', 'metLate', 'missed', 'pending'] as const).map((k) => (
                  <td key={k} className="table__cell table__cell--numeric">
                    {f[k].toLocaleString('en-GB')}
                  </td>
                ))}
                <td className="table__cell table__cell--numeric">
                  {percentWords(f.onTimePercent)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
