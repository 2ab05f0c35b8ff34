import { describe, expect, it } from 'vitest';
import { calendarsFrom } from '../../src-shared/domain/calendar/shipped-calendars';
import { computeObligations } from '../../src-shared/domain/charter/compute-obligations';
import { parseObligationsInput } from '../../src-shared/domain/charter/obligations-input';
import type { Obligation } from '../../src-shared/domain/charter/obligation';
import {
  anonymiseReport,
  atRiskThisWeek,
  breached,
  buildReport,
  byParticipant,
  endOfWeek,
  FIGURES,
  monthlyTrend,
  monthPeriod,
  monthsEnding,
  obligationsBehind,
  reportCsv,
  ReportInputError,
  type Report,
} from '../../src-shared/domain/report';
import { generateCaseload } from '../domain/charter/generate-caseload';

const TODAY = '2027-06-15';
const engine = computeObligations(
  parseObligationsInput(generateCaseload(150, TODAY, 5)),
  calendarsFrom(),
).obligations;

describe('months', () => {
  it('ends each month on its last day, February by the leap-year rule', () => {
    expect(monthPeriod('2027-02')).toEqual({ from: '2027-02-01', to: '2027-02-28' });
    expect(monthPeriod('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthPeriod('1900-02').to).toBe('1900-02-28');
    expect(monthPeriod('2000-02').to).toBe('2000-02-29');
    expect(monthPeriod('2027-04').to).toBe('2027-04-30');
    expect(monthPeriod('2027-12').to).toBe('2027-12-31');
  });

  it('counts twelve months back across a year end', () => {
    expect(monthsEnding('2027-02', 4)).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsEnding('2027-06', 12)).toHaveLength(12);
    expect(() => monthsEnding('2027-13', 3)).toThrow(ReportInputError);
    expect(() => monthPeriod('27-01')).toThrow('month: expected a month as YYYY-MM');
  });
});

describe('monthly trend', () => {
  it('gives each month exactly the report for that month', () => {
    const trend = monthlyTrend(engine, '2027-06');
    expect(trend.map((m) => m.month)).toEqual(monthsEnding('2027-06', 12));
    for (const month of trend) {
      const report = buildReport(byParticipant(engine), null, {
        ...monthPeriod(month.month),
        today: TODAY,
      });
      expect(month.rules).toEqual(report.rules);
    }
    expect(trend.some((m) => m.rules.length > 0)).toBe(true);
  });
});

describe('drill-down', () => {
  it('lists, for every figure of every rule, exactly as many obligations as the figure says', () => {
    const period = { from: '2027-01-01', to: '2027-06-30' };
    const report = buildReport(byParticipant(engine), null, { ...period, today: TODAY });
    for (const row of report.rules)
      for (const figure of FIGURES) {
        const behind = obligationsBehind(engine, { ...period, rule: row.rule, figure });
        expect(behind.length).toBe(row[figure]);
        for (const o of behind) {
          expect(o.rule).toBe(row.rule);
          expect(o.due >= period.from && o.due <= period.to).toBe(true);
        }
      }
  });

  it('finds what is at risk this week (pending, due today to Sunday) and what was breached', () => {
    const o = (id: string, due: string, status: Obligation['status']): Obligation => ({
      participantId: id,
      rule: 'R8',
      due,
      status,
    });
    // 15 June 2027 is a Tuesday: the week ends on Sunday 20 June.
    expect(endOfWeek('2027-06-15')).toBe('2027-06-20');
    expect(endOfWeek('2027-06-20')).toBe('2027-06-20');
    expect(endOfWeek('2027-06-21')).toBe('2027-06-27');
    const list = [
      o('P1', '2027-06-14', 'missed'),
      o('P2', '2027-06-15', 'pending'),
      o('P3', '2027-06-20', 'pending'),
      o('P4', '2027-06-21', 'pending'),
      o('P5', '2027-06-16', 'met'),
      o('P6', '2027-06-02', 'met-late'),
    ];
    expect(atRiskThisWeek(list, '2027-06-15').map((x) => x.participantId)).toEqual(['P2', 'P3']);
    expect(
      breached(list, { from: '2027-06-01', to: '2027-06-30' }).map((x) => x.participantId),
    ).toEqual(['P6', 'P1']);
  });
});

describe('CSV', () => {
  const report: Report = {
    from: '2027-01-01',
    to: '2027-01-31',
    today: '2027-02-01',
    rules: [
      { rule: 'R3', due: 12, met: 9, metLate: 1, missed: 1, pending: 1, onTimePercent: 81.8 },
    ],
    groups: [
      {
        by: 'office',
        id: 'o1',
        name: 'Leith, "East"',
        rules: [
          { rule: 'R3', due: 12, met: 9, metLate: 1, missed: 1, pending: 1, onTimePercent: 100 },
        ],
      },
      {
        by: 'office',
        id: 'o2',
        name: '=HYPERLINK("x")',
        rules: [],
      },
    ],
  };

  it('writes one CRLF line per row, quoting commas and quotes, percentages to one decimal', () => {
    expect(reportCsv(report)).toBe(
      [
        'from,to,today,group_by,group_id,group_name,rule,due,met,met_late,missed,pending,on_time_percent,suppressed',
        '2027-01-01,2027-01-31,2027-02-01,all,,,R3,12,9,1,1,1,81.8,no',
        '2027-01-01,2027-01-31,2027-02-01,office,o1,"Leith, ""East""",R3,12,9,1,1,1,100.0,no',
        '',
      ].join('\r\n'),
    );
  });

  it('leaves suppressed figures empty and never lets a name run as a formula', () => {
    const csv = reportCsv(
      anonymiseReport(
        { ...report, groups: [{ ...report.groups[1]!, rules: report.rules }] },
        { minCell: 13 },
      ),
    );
    expect(csv.split('\r\n')[1]).toBe('2027-01-01,2027-01-31,2027-02-01,all,,,R3,,,,,,,yes');
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  });
});
