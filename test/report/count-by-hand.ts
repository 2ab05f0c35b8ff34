/**
 * An independent count for the tests: filter the engine's obligations by period and rule and
 * count statuses one by one, with the percentage from exact fractions (not the report's code).
 */
import type { Obligation } from '../../src-shared/domain/charter/obligation';
import { OBLIGATION_RULES } from '../../src-shared/domain/charter/profile';

export function countByHand(obligations: Obligation[], period: { from: string; to: string }) {
  const inside = obligations.filter((o) => o.due >= period.from && o.due <= period.to);
  return OBLIGATION_RULES.flatMap((rule) => {
    const mine = inside.filter((o) => o.rule === rule);
    if (mine.length === 0) return [];
    const n = (status: string) => mine.filter((o) => o.status === status).length;
    const [met, metLate, missed, pending] = [n('met'), n('met-late'), n('missed'), n('pending')];
    const decided = met + metLate + missed;
    let onTimePercent: number | null = null;
    if (decided > 0) {
      // Smallest t with t + ½ > 1000·met/decided, i.e. round half up, in integers.
      let t = 0;
      while (2 * 1000 * met >= (2 * t + 1) * decided) t++;
      onTimePercent = t / 10;
    }
    return [{ rule, due: mine.length, met, metLate, missed, pending, onTimePercent }];
  });
}
