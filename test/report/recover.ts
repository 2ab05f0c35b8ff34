/**
 * What a reader of an anonymised export can work out by subtraction, for the tests: for each
 * rule, the published whole-scope total less every published group row is the sum of the hidden
 * cells (suppressed rows, plus participants in no group when there are any). With exactly one
 * hidden cell that sum IS the cell. The original report says which cells really exist.
 */
import {
  opaqueAdviserId,
  type AnonymisedReport,
  type Report,
} from '../../src-shared/domain/report';

export interface Attack {
  rule: string;
  /** Hidden cells: suppressed group rows, plus the remainder in no group when it is not 0. */
  hidden: number;
  /** A hidden small cell (below K) that subtraction gives back exactly. */
  recovered: number | null;
}

export function attack(anonymised: AnonymisedReport, original: Report, minCell: number): Attack[] {
  return original.rules.map((total, t) => {
    const publishedTotal = anonymised.rules[t]!;
    const rows = original.groups.flatMap((g) => {
      const i = g.rules.findIndex((r) => r.rule === total.rule);
      // Advisers' groups are re-ordered by their opaque ids (default salt in these tests).
      const id = g.by === 'adviser' ? opaqueAdviserId(g.id) : g.id;
      const shown = anonymised.groups.find((a) => a.id === id)!;
      return i < 0 ? [] : [{ truth: g.rules[i]!, shown: shown.rules[i]! }];
    });
    const remainder = total.due - rows.reduce((s, r) => s + r.truth.due, 0);
    const hiddenRows = rows.filter((r) => 'suppressed' in r.shown);
    const hidden = hiddenRows.length + (remainder > 0 ? 1 : 0);
    let recovered: number | null = null;
    if (publishedTotal.due !== null && hidden === 1) {
      const value = publishedTotal.due - rows.reduce((s, r) => s + (r.shown.due ?? 0), 0);
      if (value < minCell) recovered = value;
    }
    return { rule: total.rule, hidden, recovered };
  });
}

/** Hidden cells for the first rule. */
export const unknownCells = (anonymised: AnonymisedReport, original: Report) =>
  attack(anonymised, original, Infinity)[0]!.hidden;
