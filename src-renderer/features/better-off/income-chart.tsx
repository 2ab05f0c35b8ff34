/**
 * Monthly income against hours worked, 0 to 45 hours: an SVG drawn here (no chart library, no
 * inline styles: the CSP allows none), described in words for screen readers and with the same
 * figures as a table for anyone who prefers one.
 */
import { useMemo } from 'react';
import { incomeCurve, type Household, type Rates } from '@shared/domain/better-off';
import { pounds } from './form-model';

const W = 640;
const H = 320;
const M = { top: 20, right: 20, bottom: 48, left: 72 };
const MAX_HOURS = 45;

const hoursWords = (h: number) => `${h} hour${h === 1 ? '' : 's'}`;

export function IncomeChart({
  household,
  rates,
  outOfWorkIncome,
}: {
  household: Household;
  rates: Rates;
  outOfWorkIncome: number;
}) {
  const curve = useMemo(
    () => incomeCurve(household, rates, { toHours: MAX_HOURS, stepHours: 0.5 }),
    [household, rates],
  );
  const { points, workAllowanceEndsAtHours: taperFrom, universalCreditEndsAtHours: ucEnds } = curve;
  const top = Math.max(500, ...points.map((p) => p.income), outOfWorkIncome);
  const yMax = Math.ceil((top * 1.1) / 500) * 500;
  const yMin = Math.min(0, ...points.map((p) => p.income), outOfWorkIncome);
  const x = (hours: number) => M.left + (hours / MAX_HOURS) * (W - M.left - M.right);
  const y = (money: number) => M.top + ((yMax - money) / (yMax - yMin)) * (H - M.top - M.bottom);
  const yTicks = Array.from({ length: 6 }, (_, i) => yMin + ((yMax - yMin) * i) / 5);
  const line = points.map((p) => `${x(p.hours).toFixed(1)},${y(p.income).toFixed(1)}`).join(' ');
  const now = household.job.hoursPerWeek ?? 0;
  const first = points[0]!;
  const last = points.at(-1)!;

  const description = [
    `Income in work rises from ${pounds(first.income)} a month at 0 hours to ${pounds(last.income)} at ${MAX_HOURS} hours, against ${pounds(outOfWorkIncome)} out of work.`,
    taperFrom !== null
      ? `The work allowance ends at about ${hoursWords(taperFrom)} a week: after that Universal Credit falls by ${Math.round(rates.taperRate * 100)}p for each extra pound of take-home pay.`
      : 'Earnings stay within the work allowance at these hours.',
    ucEnds !== null
      ? `Universal Credit stops at about ${hoursWords(ucEnds)} a week.`
      : `Universal Credit is still paid at ${MAX_HOURS} hours.`,
  ].join(' ');

  const tableRows = points.filter(
    (p) => p.hours % 5 === 0 || p.hours === taperFrom || p.hours === ucEnds || p.hours === now,
  );

  return (
    <figure className="bo-chart">
      <svg
        className="bo-chart__svg"
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby="bo-chart-title bo-chart-desc"
      >
        <title id="bo-chart-title">Monthly income by hours worked a week</title>
        <desc id="bo-chart-desc">{description}</desc>
        {yTicks.map((t) => (
          <g key={t}>
            <line className="bo-chart__grid" x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} />
            <text className="bo-chart__tick" x={M.left - 8} y={y(t) + 5} textAnchor="end">
              {`£${Math.round(t).toLocaleString('en-GB')}`}
            </text>
          </g>
        ))}
        {[0, 5, 10, 15, 20, 25, 30, 35, 40, 45].map((h) => (
          <text
            key={h}
            className="bo-chart__tick"
            x={x(h)}
            y={H - M.bottom + 20}
            textAnchor="middle"
          >
            {h}
          </text>
        ))}
        <text
          className="bo-chart__axis-label"
          x={(M.left + W - M.right) / 2}
          y={H - 6}
          textAnchor="middle"
        >
          Hours a week
        </text>
        <line
          className="bo-chart__out-of-work"
          x1={M.left}
          x2={W - M.right}
          y1={y(outOfWorkIncome)}
          y2={y(outOfWorkIncome)}
        />
        <text
          className="bo-chart__note"
          x={W - M.right}
          y={y(outOfWorkIncome) + 18}
          textAnchor="end"
        >
          Out of work
        </text>
        {taperFrom !== null && (
          <g>
            <line
              className="bo-chart__marker"
              x1={x(taperFrom)}
              x2={x(taperFrom)}
              y1={M.top}
              y2={H - M.bottom}
            />
            <text className="bo-chart__note" x={x(taperFrom) + 6} y={M.top + 14}>
              Work allowance ends: taper starts
            </text>
          </g>
        )}
        {ucEnds !== null && (
          <g>
            <line
              className="bo-chart__marker"
              x1={x(ucEnds)}
              x2={x(ucEnds)}
              y1={M.top}
              y2={H - M.bottom}
            />
            <text className="bo-chart__note" x={x(ucEnds) - 6} y={M.top + 34} textAnchor="end">
              Universal Credit ends
            </text>
          </g>
        )}
        <polyline className="bo-chart__line" points={line} />
        {now <= MAX_HOURS && (
          <circle
            className="bo-chart__now"
            cx={x(now)}
            cy={y(points.find((p) => p.hours >= now)?.income ?? last.income)}
            r={6}
          />
        )}
      </svg>
      <figcaption className="hint">
        The line is money to live on in work; the dashed line is money out of work; the dot is the
        hours entered above.
      </figcaption>
      <details className="bo-details">
        <summary className="bo-details__summary">Show the chart as a table</summary>
        <table className="table">
          <caption className="visually-hidden">Monthly income by hours worked a week</caption>
          <thead>
            <tr>
              <th scope="col" className="table__header">
                Hours a week
              </th>
              <th scope="col" className="table__header table__header--numeric">
                Take-home pay
              </th>
              <th scope="col" className="table__header table__header--numeric">
                Universal Credit
              </th>
              <th scope="col" className="table__header table__header--numeric">
                Money to live on
              </th>
              <th scope="col" className="table__header table__header--numeric">
                Better off
              </th>
            </tr>
          </thead>
          <tbody>
            {tableRows.map((p) => (
              <tr key={p.hours}>
                <th scope="row" className="table__cell">
                  {p.hours}
                  {p.hours === taperFrom && ' (work allowance ends)'}
                  {p.hours === ucEnds && ' (Universal Credit ends)'}
                </th>
                <td className="table__cell table__cell--numeric">{pounds(p.takeHomePay)}</td>
                <td className="table__cell table__cell--numeric">{pounds(p.universalCredit)}</td>
                <td className="table__cell table__cell--numeric">{pounds(p.income)}</td>
                <td className="table__cell table__cell--numeric">{pounds(p.betterOffMonthly)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
