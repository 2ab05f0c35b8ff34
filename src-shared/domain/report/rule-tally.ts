/**
 * Counting obligations into a report row. The only place an obligation's status is mapped to a
 * figure, so the report, the trend and the drill-down count the same way.
 */
import type { Obligation, ObligationStatus } from '../charter/obligation';
import { OBLIGATION_RULES, type ObligationRule } from '../charter/profile';
import { onTimePercent } from './on-time-percent';
import type { Figure, RuleFigures } from './report';

/** Which figure (besides `due`) an obligation of each status counts towards. */
export const FIGURE_OF_STATUS: Readonly<Record<ObligationStatus, Exclude<Figure, 'due'>>> = {
  met: 'met',
  'met-late': 'metLate',
  missed: 'missed',
  pending: 'pending',
};

/** Does an obligation count towards this figure of its rule's row? */
export const countsTowards = (o: Pick<Obligation, 'status'>, figure: Figure) =>
  figure === 'due' || FIGURE_OF_STATUS[o.status] === figure;

const RULE_INDEX = new Map<ObligationRule, number>(OBLIGATION_RULES.map((r, i) => [r, i]));
const STATUS_SLOT: Record<ObligationStatus, number> = {
  met: 0,
  'met-late': 1,
  missed: 2,
  pending: 3,
};

/** Counts per rule; rows come out in rule order, only for rules that counted something. */
export class RuleTally {
  /** Four status counts per rule, in OBLIGATION_RULES order. */
  private readonly counts = new Int32Array(OBLIGATION_RULES.length * 4);

  /** Counts one obligation, or `n` of the same rule and status (pre-counted by a database). */
  add(o: Pick<Obligation, 'rule' | 'status'>, n = 1): void {
    const rule = RULE_INDEX.get(o.rule);
    if (rule === undefined) throw new Error(`Unknown rule ${String(o.rule)} in an obligation`);
    const slot = STATUS_SLOT[o.status];
    if (slot === undefined) throw new Error(`Unknown status ${String(o.status)} in an obligation`);
    if (!Number.isSafeInteger(n) || n < 0) throw new Error('An obligation count must be whole');
    this.counts[rule * 4 + slot]! += n;
  }

  rows(): RuleFigures[] {
    const out: RuleFigures[] = [];
    OBLIGATION_RULES.forEach((rule, i) => {
      const c = this.counts;
      const [met, metLate, missed, pending] = [
        c[i * 4]!,
        c[i * 4 + 1]!,
        c[i * 4 + 2]!,
        c[i * 4 + 3]!,
      ];
      const due = met + metLate + missed + pending;
      if (due > 0)
        out.push({
          rule,
          due,
          met,
          metLate,
          missed,
          pending,
          onTimePercent: onTimePercent(met, metLate, missed),
        });
    });
    return out;
  }
}
