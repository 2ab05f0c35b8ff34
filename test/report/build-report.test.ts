import { describe, expect, it } from 'vitest';
import { calendarsFrom } from '../../src-shared/domain/calendar/shipped-calendars';
import { computeObligations } from '../../src-shared/domain/charter/compute-obligations';
import { parseObligationsInput } from '../../src-shared/domain/charter/obligations-input';
import type { Obligation, ObligationStatus } from '../../src-shared/domain/charter/obligation';
import type { ObligationRule } from '../../src-shared/domain/charter/profile';
import { OBLIGATION_RULES } from '../../src-shared/domain/charter/profile';
import {
  buildReport,
  byParticipant,
  engineObligationsByParticipant,
  ReportInputError,
} from '../../src-shared/domain/report';
import { generateCaseload } from '../domain/charter/generate-caseload';
import { countByHand } from './count-by-hand';

const calendars = calendarsFrom();

function obligation(
  participantId: string,
  rule: ObligationRule,
  due: string,
  status: ObligationStatus,
): Obligation {
  return { participantId, rule, due, status };
}

/** n obligations of one rule and status, each for its own participant. */
function many(n: number, rule: ObligationRule, due: string, status: ObligationStatus, tag: string) {
  return Array.from({ length: n }, (_, i) => obligation(`${tag}${i}`, rule, due, status));
}

describe('buildReport', () => {
  it("prints the format's example exactly, key order included", () => {
    const obligations = [
      ...many(31, 'R3', '2026-10-05', 'met', 'a'),
      ...many(5, 'R3', '2026-11-05', 'met-late', 'b'),
      ...many(2, 'R3', '2026-11-20', 'missed', 'c'),
      ...many(2, 'R3', '2026-12-31', 'pending', 'd'),
    ];
    const report = buildReport(byParticipant(obligations), null, {
      from: '2026-10-01',
      to: '2026-12-31',
      today: '2026-11-30',
    });
    expect(JSON.stringify(report)).toBe(
      JSON.stringify({
        from: '2026-10-01',
        to: '2026-12-31',
        today: '2026-11-30',
        rules: [
          {
            rule: 'R3',
            due: 40,
            met: 31,
            metLate: 5,
            missed: 2,
            pending: 2,
            onTimePercent: 81.6,
          },
        ],
        groups: [],
      }),
    );
  });

  it('counts an obligation due on the first or last day of the period and nothing outside it', () => {
    const obligations = [
      obligation('P1', 'R1', '2027-01-31', 'met'),
      obligation('P1', 'R2', '2027-02-01', 'met'),
      obligation('P1', 'R3', '2027-02-28', 'missed'),
      obligation('P1', 'R5', '2027-03-01', 'met'),
    ];
    const report = buildReport(byParticipant(obligations), null, {
      from: '2027-02-01',
      to: '2027-02-28',
      today: '2027-03-10',
    });
    expect(report.rules.map((r) => r.rule)).toEqual(['R2', 'R3']);
  });

  it('takes 29 February in a leap year as the month end', () => {
    const obligations = [
      obligation('P1', 'R6', '2028-02-29', 'met'),
      obligation('P2', 'R6', '2028-03-01', 'met'),
    ];
    const feb = buildReport(byParticipant(obligations), null, {
      from: '2028-02-01',
      to: '2028-02-29',
      today: '2028-03-10',
    });
    expect(feb.rules).toEqual([
      { rule: 'R6', due: 1, met: 1, metLate: 0, missed: 0, pending: 0, onTimePercent: 100 },
    ]);
  });

  it('lists rules in rule order (R2 before R11), only those with something due', () => {
    const obligations = [
      obligation('P1', 'R11', '2027-01-10', 'pending'),
      obligation('P1', 'R2', '2027-01-11', 'met-late'),
      obligation('P2', 'R14', '2027-01-05', 'missed'),
    ];
    const report = buildReport(byParticipant(obligations), null, {
      from: '2027-01-01',
      to: '2027-01-31',
      today: '2027-01-08',
    });
    expect(report.rules.map((r) => r.rule)).toEqual(['R2', 'R11', 'R14']);
    expect(report.rules[1]).toEqual({
      rule: 'R11',
      due: 1,
      met: 0,
      metLate: 0,
      missed: 0,
      pending: 1,
      onTimePercent: null,
    });
  });

  it('equals, rule by rule, the counts of the engine’s obligations over a seeded caseload', () => {
    const today = '2027-06-15';
    const engine = computeObligations(
      parseObligationsInput(generateCaseload(400, today, 7)),
      calendars,
    ).obligations;
    for (const period of [
      { from: '2027-01-01', to: '2027-03-31' },
      { from: '2026-06-01', to: '2027-06-30' },
      { from: '2027-06-15', to: '2027-06-15' },
    ]) {
      const report = buildReport(byParticipant(engine), null, { ...period, today });
      const expected = countByHand(engine, period);
      expect(report.rules).toEqual(expected);
      expect(report.rules.length).toBeGreaterThan(0);
    }
  });

  it('gives each group its own participants’ figures, in name order, the totals untouched', () => {
    const today = '2027-06-15';
    const input = parseObligationsInput(generateCaseload(200, today, 3));
    const byPerson = engineObligationsByParticipant(
      input.participants.map((facts) => ({ facts, profile: input.profile })),
      today,
      calendars,
    );
    const offices = ['Leith', 'Cardiff', 'Belfast'];
    // Every fifth participant is in no office: counted in the totals, in no group.
    const officeOf = (id: string) => {
      const n = Number(id.replace(/\D/g, ''));
      return n % 5 === 0 ? null : { id: `office-${n % 3}`, name: offices[n % 3]! };
    };
    const period = { from: '2026-07-01', to: '2027-06-30' };
    const report = buildReport(byPerson, officeOf, { ...period, today, by: 'office' });
    const all = [...byPerson.values()].flat();
    expect(report.rules).toEqual(countByHand(all, period));
    expect(report.groups.map((g) => g.name)).toEqual(['Belfast', 'Cardiff', 'Leith']);
    for (const group of report.groups) {
      expect(group.by).toBe('office');
      const mine = all.filter((o) => officeOf(o.participantId)?.id === group.id);
      expect(group.rules).toEqual(countByHand(mine, period));
    }
    for (const total of report.rules) {
      const grouped = report.groups
        .flatMap((g) => g.rules)
        .filter((r) => r.rule === total.rule)
        .reduce((s, r) => s + r.due, 0);
      const ungrouped = all.filter(
        (o) =>
          o.rule === total.rule &&
          officeOf(o.participantId) === null &&
          o.due >= period.from &&
          o.due <= period.to,
      ).length;
      expect(grouped + ungrouped).toBe(total.due);
    }
  });

  it('is the same whatever order the participants come in', () => {
    const today = '2027-06-15';
    const engine = computeObligations(
      parseObligationsInput(generateCaseload(100, today, 11)),
      calendars,
    ).obligations;
    const entries = [...byParticipant(engine)];
    const options = { from: '2027-01-01', to: '2027-06-30', today };
    expect(buildReport(entries.reverse(), null, options)).toEqual(
      buildReport(byParticipant(engine), null, options),
    );
  });

  it.each([
    [{ from: '2027-02-30', to: '2027-03-01', today: '2027-03-01' }, 'from: expected a real date'],
    [{ from: '2027-02-01', to: '2027-13-01', today: '2027-03-01' }, 'to: expected a real date'],
    [{ from: '2027-02-01', to: '2027-03-01', today: 'today' }, 'today: expected a real date'],
    [
      { from: '2027-03-02', to: '2027-03-01', today: '2027-03-01' },
      'from: must be on or before to',
    ],
  ])('refuses %j with a clear message', (options, message) => {
    expect(() => buildReport([], null, options)).toThrow(ReportInputError);
    expect(() => buildReport([], null, options)).toThrow(message);
  });

  it('refuses a grouping without groupOf, and an obligation filed under someone else', () => {
    const period = { from: '2027-01-01', to: '2027-01-31', today: '2027-01-31' };
    expect(() => buildReport([], null, { ...period, by: 'office' })).toThrow('groupOf');
    expect(() =>
      buildReport([['P1', [obligation('P2', 'R1', '2027-01-02', 'met')]]], null, period),
    ).toThrow('another participant');
  });

  it('knows every rule the engine produces', () => {
    const obligations = OBLIGATION_RULES.map((rule, i) =>
      obligation(`P${i}`, rule, '2027-01-02', 'met'),
    );
    const report = buildReport(byParticipant(obligations), null, {
      from: '2027-01-01',
      to: '2027-01-31',
      today: '2027-01-31',
    });
    expect(report.rules.map((r) => r.rule)).toEqual(OBLIGATION_RULES);
  });
});
