/**
 * The manager's charter performance from the central service: the whole organisation, or by
 * office, provider (prime and subcontractors) or subcontractor. The central service decides what
 * a manager may see (a subcontractor's manager gets only their own organisation). When the
 * service cannot be reached, the last figures fetched for the same question are shown, saying
 * how old they are.
 */
import { useEffect, useState } from 'react';
import type { ObligationRule } from '@shared/domain/charter/profile';
import { shippedProfile } from '@shared/domain/charter/shipped-profiles';
import { FIGURES, type RuleFigures } from '@shared/domain/report/report';
import { FIGURE_WORDS, overall, percentWords } from '@shared/domain/report/wording';
import type { CentralReportView, ManagerView } from '@shared/ipc/channels/organisation';
import { instantInWords } from '@shared/wording/dates';
import { call } from '../../api';
import { useToday } from '../../app/today';
import { PageHeading } from '../../components/page-heading';
import { Select } from '../../components/fields';
import { periodChoices } from '../performance/periods';

const VIEW_WORDS: Record<ManagerView, string> = {
  organisation: 'The whole organisation',
  office: 'By office',
  provider: 'By provider (prime and subcontractors)',
  subcontractor: 'By subcontractor',
};

const titleOf = (rule: string) =>
  shippedProfile('work-programme')?.rules[rule as ObligationRule]?.title ?? rule;

/** How long ago, in words: "12 minutes", "3 hours", "2 days". */
export function ageWords(fetchedAt: string, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - Date.parse(fetchedAt)) / 60_000));
  const [n, unit] =
    minutes < 60
      ? [minutes, 'minute']
      : minutes < 48 * 60
        ? [Math.floor(minutes / 60), 'hour']
        : [Math.floor(minutes / 1440), 'day'];
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

function FiguresTable({
  caption,
  rows,
}: {
  caption: string;
  rows: { key: string; label: string; figures: Omit<RuleFigures, 'rule'> }[];
}) {
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="table__caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="table__header">
              <span className="visually-hidden">Row</span>
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
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row" className="table__header">
                {r.label}
              </th>
              {FIGURES.map((f) => (
                <td key={f} className="table__cell table__cell--numeric">
                  {r.figures[f].toLocaleString('en-GB')}
                </td>
              ))}
              <td className="table__cell table__cell--numeric">
                {percentWords(r.figures.onTimePercent)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function OrganisationPerformancePage() {
  const today = useToday();
  const choices = periodChoices(today);
  const [period, setPeriod] = useState(choices[0]!.value);
  const [view, setView] = useState<ManagerView>('office');
  const [answer, setAnswer] = useState<CentralReportView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const chosen = choices.find((c) => c.value === period) ?? choices[0]!;

  useEffect(() => {
    let live = true;
    void call('organisation:performance', { from: chosen.from, to: chosen.to, view }).then((r) => {
      if (!live) return;
      if (r.ok) setAnswer(r.value);
      else {
        setAnswer(null);
        setProblem(r.error.message);
      }
    });
    return () => {
      live = false;
    };
  }, [chosen.from, chosen.to, view]);

  const report = answer?.report;
  return (
    <>
      <PageHeading caption="For managers">Organisation performance</PageHeading>
      <p className="body">
        Charter performance of every office, provider and subcontractor from the central service. A
        subcontractor’s manager sees their own organisation only.
      </p>
      <Select
        id="org-period"
        label="Period"
        options={choices.map((c) => ({ value: c.value, label: c.label }))}
        value={period}
        onChange={(e) => setPeriod(e.target.value)}
      />
      <Select
        id="org-view"
        label="Show"
        options={Object.entries(VIEW_WORDS).map(([value, label]) => ({ value, label }))}
        value={view}
        onChange={(e) => setView(e.target.value as ManagerView)}
      />
      {problem && (
        <div className="inset-text" role="status">
          {problem}
        </div>
      )}
      {answer && (
        <div className="inset-text" role="status">
          {answer.live
            ? `Up to date: fetched from the central service on ${instantInWords(answer.fetchedAt)}.`
            : `${answer.problem ?? ''} These are the last figures fetched, on ${instantInWords(answer.fetchedAt)} (${ageWords(answer.fetchedAt, new Date())} ago).`}
        </div>
      )}
      {report && (
        <>
          <FiguresTable
            caption="Every promise, the whole scope"
            rows={[
              ...report.rules.map((r) => ({ key: r.rule, label: titleOf(r.rule), figures: r })),
              { key: 'all', label: 'All promises', figures: overall(report.rules) },
            ]}
          />
          {report.groups.length > 0 && (
            <FiguresTable
              caption={`All promises, ${VIEW_WORDS[view].toLowerCase()}`}
              rows={report.groups.map((g) => ({
                key: g.id,
                label: g.name,
                figures: overall(g.rules),
              }))}
            />
          )}
        </>
      )}
    </>
  );
}
