import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ObligationRule } from '../../src-shared/domain/charter/profile';
import {
  anonymiseReport,
  opaqueAdviserId,
  ReportInputError,
  type Report,
  type RuleFigures,
} from '../../src-shared/domain/report';
import { sha256Hex } from '../../src-shared/domain/report/sha256';
import { unknownCells } from './recover';

/** A row with `due` obligations: all met except one missed, so every count is visible. */
function row(rule: ObligationRule, due: number): RuleFigures {
  const missed = due > 0 ? 1 : 0;
  const met = due - missed;
  const decided = met + missed;
  return {
    rule,
    due,
    met,
    metLate: 0,
    missed,
    pending: 0,
    onTimePercent: decided ? Math.floor((2000 * met + decided) / (2 * decided)) / 10 : null,
  };
}

/** A report by adviser whose R3 rows have these dues; `extra` are in no group. */
function reportWith(dues: number[], extra = 0, by: 'adviser' | 'office' = 'adviser'): Report {
  const total = dues.reduce((s, d) => s + d, 0) + extra;
  return {
    from: '2027-01-01',
    to: '2027-01-31',
    today: '2027-02-01',
    rules: [row('R3', total)],
    groups: dues.map((due, i) => ({
      by,
      id: `${by}-${i}`,
      name: `${by === 'adviser' ? 'Adviser' : 'Office'} ${String.fromCharCode(65 + i)}`,
      rules: [row('R3', due)],
    })),
  };
}

const suppressedDues = (report: ReturnType<typeof anonymiseReport>) =>
  report.groups.map((g) => (g.rules[0] && 'suppressed' in g.rules[0] ? 'x' : g.rules[0]!.due));

describe('anonymised export', () => {
  it('suppresses a row with due 9 and publishes one with due 10 (K = 10 by default)', () => {
    const out = anonymiseReport(reportWith([9, 10, 10, 30], 0, 'office'));
    expect(suppressedDues(out)).toEqual(['x', 'x', 10, 30]);
    expect(out.groups[0]!.rules[0]).toEqual({
      rule: 'R3',
      due: null,
      met: null,
      metLate: null,
      missed: null,
      pending: null,
      onTimePercent: null,
      suppressed: true,
    });
  });

  it('suppresses the next smallest row too when exactly one is small, so subtraction fails', () => {
    const out = anonymiseReport(reportWith([40, 3, 25, 12], 0, 'office'));
    expect(suppressedDues(out)).toEqual([40, 'x', 25, 'x']);
    expect(out.rules[0]).toMatchObject({ due: 80 }); // totals computed before suppression
    expect(unknownCells(out, reportWith([40, 3, 25, 12], 0, 'office'))).toBe(2);
  });

  it('needs no second suppression when two rows are already small', () => {
    const out = anonymiseReport(reportWith([40, 3, 25, 5], 0, 'office'));
    expect(suppressedDues(out)).toEqual([40, 'x', 25, 'x']);
  });

  it('breaks a tie for next smallest by group id, the same every time', () => {
    const out = anonymiseReport(reportWith([12, 2, 12], 0, 'office'));
    expect(suppressedDues(out)).toEqual(['x', 'x', 12]);
  });

  it('treats participants in no group as a hidden cell: a small remainder is protected', () => {
    // Total 75 = 40 + 30 + 5 in no group: 75 − 40 − 30 would give the 5 back.
    const out = anonymiseReport(reportWith([40, 30], 5, 'office'));
    expect(suppressedDues(out)).toEqual([40, 'x']);
    // A large remainder already hides a single small row.
    const large = anonymiseReport(reportWith([40, 4], 20, 'office'));
    expect(suppressedDues(large)).toEqual([40, 'x']);
  });

  it('suppresses the whole-scope row itself when it is below K, and so every row', () => {
    const out = anonymiseReport(reportWith([4, 3], 0, 'office'));
    expect(out.rules[0]).toMatchObject({ suppressed: true, due: null });
    expect(suppressedDues(out)).toEqual(['x', 'x']);
  });

  it('takes another K and refuses one that is not a whole number of at least 1', () => {
    expect(
      suppressedDues(anonymiseReport(reportWith([4, 30, 30], 0, 'office'), { minCell: 3 })),
    ).toEqual([4, 30, 30]);
    expect(
      suppressedDues(anonymiseReport(reportWith([4, 30, 30, 31], 0, 'office'), { minCell: 31 })),
    ).toEqual(['x', 'x', 'x', 31]);
    for (const bad of [0, -1, 2.5, Number.NaN])
      expect(() => anonymiseReport(reportWith([4]), { minCell: bad })).toThrow(ReportInputError);
  });

  it('removes advisers’ names and gives each an opaque id, stable for the same salt', () => {
    const report = reportWith([20, 30]);
    const out = anonymiseReport(report, { salt: 'org' });
    const json = JSON.stringify(out);
    expect(json).not.toContain('Adviser A');
    expect(json).not.toContain('adviser-0"');
    for (const g of out.groups) {
      expect(g).not.toHaveProperty('name');
      expect(g.id).toMatch(/^adviser-[0-9a-f]{16}$/);
    }
    expect(anonymiseReport(report, { salt: 'org' })).toEqual(out);
    expect(new Set(out.groups.map((g) => g.id))).toEqual(
      new Set([opaqueAdviserId('adviser-0', 'org'), opaqueAdviserId('adviser-1', 'org')]),
    );
    expect(opaqueAdviserId('adviser-0', 'other')).not.toBe(opaqueAdviserId('adviser-0', 'org'));
    // Ordered by opaque id, not by the (removed) name.
    const ids = out.groups.map((g) => g.id);
    expect(ids).toEqual([...ids].sort());
  });

  it('keeps the names and ids of offices, providers and subcontractors', () => {
    const out = anonymiseReport(reportWith([20, 30], 0, 'office'));
    expect(out.groups.map((g) => [g.id, g.name])).toEqual([
      ['office-0', 'Office A'],
      ['office-1', 'Office B'],
    ]);
  });

  it('does not change the report it was given', () => {
    const report = reportWith([3, 40]);
    const before = structuredClone(report);
    anonymiseReport(report);
    expect(report).toEqual(before);
  });

  it('hashes with SHA-256 exactly as node:crypto does', () => {
    for (const text of ['', 'abc', 'é'.repeat(100), 'x'.repeat(55), 'y'.repeat(56), 'z'.repeat(64)])
      expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });
});
