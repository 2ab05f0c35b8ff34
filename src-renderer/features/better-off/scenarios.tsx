/**
 * Scenarios side by side: the same household at other hours and wages, worked out as the adviser
 * types. Each row can be made the job the calculation is saved with.
 */
import { useState } from 'react';
import {
  calculateBetterOff,
  type BetterOffOutput,
  type Household,
  type Rates,
} from '@shared/domain/better-off';
import { pounds } from './form-model';

interface Scenario {
  key: number;
  hours: string;
  wage: string;
}

const HOURS = [16, 25, 30, 37.5];

export function defaultScenarios(wage: number): Scenario[] {
  const higher = Math.round((wage + 2) * 100) / 100;
  return [wage, higher].flatMap((w, wi) =>
    HOURS.map((h, hi) => ({ key: wi * HOURS.length + hi, hours: String(h), wage: w.toFixed(2) })),
  );
}

type Figures = { problem: string } | { output: BetterOffOutput; hours: number; wage: number };

function figures(household: Household, rates: Rates, s: Scenario): Figures {
  const hours = Number(s.hours);
  const wage = Number(s.wage);
  if (s.hours.trim() === '' || !Number.isFinite(hours) || hours < 0 || hours > 100)
    return { problem: 'Enter hours from 0 to 100' };
  if (s.wage.trim() === '' || !Number.isFinite(wage) || wage < 0 || wage > 1000)
    return { problem: 'Enter an hourly wage in pounds' };
  const { output } = calculateBetterOff(
    {
      ...household,
      job: { ...household.job, hoursPerWeek: hours, hourlyWage: wage, annualSalary: undefined },
    },
    rates,
  );
  return { output, hours, wage };
}

export function Scenarios({
  household,
  rates,
  initialWage,
  onUse,
}: {
  household: Household;
  rates: Rates;
  initialWage: number;
  onUse(hours: number, wage: number): void;
}) {
  const [rows, setRows] = useState<Scenario[]>(() => defaultScenarios(initialWage));
  const [nextKey, setNextKey] = useState(100);
  const [announcement, setAnnouncement] = useState('');
  const update = (key: number, field: 'hours' | 'wage', value: string) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, [field]: value } : r)));

  return (
    <section aria-labelledby="bo-scenarios-title">
      <h2 className="heading-m" id="bo-scenarios-title">
        Compare hours and pay
      </h2>
      <p className="body">
        The same household at other hours and wages. Change any box: the figures update as you type.
      </p>
      <div className="table-scroller">
        <table className="table bo-scenarios">
          <caption className="visually-hidden">Scenarios compared</caption>
          <thead>
            <tr>
              <th scope="col" className="table__header">
                Scenario
              </th>
              <th scope="col" className="table__header">
                Hours a week
              </th>
              <th scope="col" className="table__header">
                Hourly wage (£)
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
                Better off a month
              </th>
              <th scope="col" className="table__header">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((s, i) => {
              const f = figures(household, rates, s);
              const n = i + 1;
              return (
                <tr key={s.key}>
                  <th scope="row" className="table__cell">
                    {n}
                  </th>
                  <td className="table__cell">
                    <label className="visually-hidden" htmlFor={`bo-scenario-${s.key}-hours`}>
                      Hours a week, scenario {n}
                    </label>
                    <input
                      id={`bo-scenario-${s.key}-hours`}
                      className="input input--width-5"
                      inputMode="decimal"
                      value={s.hours}
                      aria-invalid={
                        'problem' in f && f.problem.startsWith('Enter hours') ? true : undefined
                      }
                      onChange={(e) => update(s.key, 'hours', e.target.value)}
                    />
                  </td>
                  <td className="table__cell">
                    <label className="visually-hidden" htmlFor={`bo-scenario-${s.key}-wage`}>
                      Hourly wage in pounds, scenario {n}
                    </label>
                    <input
                      id={`bo-scenario-${s.key}-wage`}
                      className="input input--width-5"
                      inputMode="decimal"
                      value={s.wage}
                      aria-invalid={
                        'problem' in f && f.problem.startsWith('Enter an hourly') ? true : undefined
                      }
                      onChange={(e) => update(s.key, 'wage', e.target.value)}
                    />
                  </td>
                  {'problem' in f ? (
                    <td className="table__cell" colSpan={4}>
                      <span className="error-message">{f.problem}</span>
                    </td>
                  ) : (
                    <>
                      <td className="table__cell table__cell--numeric">
                        {pounds(f.output.inWork.takeHomePay)}
                      </td>
                      <td className="table__cell table__cell--numeric">
                        {pounds(f.output.inWork.universalCredit)}
                      </td>
                      <td className="table__cell table__cell--numeric">
                        {pounds(f.output.inWork.income)}
                      </td>
                      <td className="table__cell table__cell--numeric bo-strong">
                        {pounds(f.output.betterOffMonthly)}
                      </td>
                    </>
                  )}
                  <td className="table__cell bo-actions">
                    {'output' in f && (
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        aria-label={`Use scenario ${n}`}
                        onClick={() => {
                          onUse(f.hours, f.wage);
                          setAnnouncement(`Scenario ${n} is now the job in the calculation.`);
                        }}
                      >
                        Use
                      </button>
                    )}
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      aria-label={`Remove scenario ${n}`}
                      onClick={() => {
                        setRows((rs) => rs.filter((r) => r.key !== s.key));
                        setAnnouncement(`Scenario ${n} removed.`);
                      }}
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => {
          setRows((rs) => [
            ...rs,
            { key: nextKey, hours: '', wage: rs.at(-1)?.wage ?? initialWage.toFixed(2) },
          ]);
          setNextKey((k) => k + 1);
          setAnnouncement(`Scenario ${rows.length + 1} added.`);
        }}
      >
        Add a scenario
      </button>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </section>
  );
}
