/**
 * The report's words, shared by the screen, the printed report and the CSV's readers' guide: one
 * table, so "kept late" means the same everywhere. Plain English: no status codes shown.
 */
import { onTimePercent } from './on-time-percent';
import type { Figure, RuleFigures } from './report';

export const FIGURE_WORDS: Readonly<Record<Figure, string>> = {
  due: 'Due',
  met: 'Kept on time',
  metLate: 'Kept late',
  missed: 'Missed',
  pending: 'Still open',
};

/** 81.6 → '81.6%'; null → the words for "no figure yet". */
export const percentWords = (p: number | null) =>
  p === null ? 'no figure yet' : `${p.toFixed(1)}%`;

/** All rules together: the same on-time formula over the summed counts. */
export function overall(rows: readonly RuleFigures[]): Omit<RuleFigures, 'rule'> {
  const sum = (f: keyof Omit<RuleFigures, 'rule' | 'onTimePercent'>) =>
    rows.reduce((s, r) => s + r[f], 0);
  const [met, metLate, missed] = [sum('met'), sum('metLate'), sum('missed')];
  return {
    due: sum('due'),
    met,
    metLate,
    missed,
    pending: sum('pending'),
    onTimePercent: onTimePercent(met, metLate, missed),
  };
}

const plural = (n: number, one: string, many: string) =>
  `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/**
 * A few sentences saying what the figures mean. `periodWords` is how the period reads
 * ("in November 2026"); `titleOf` gives each rule's plain name from the charter profile.
 */
export function summarySentences(
  rows: readonly RuleFigures[],
  periodWords: string,
  titleOf: (rule: RuleFigures['rule']) => string,
): string[] {
  const all = overall(rows);
  if (all.due === 0) return [`No charter promises fell due ${periodWords}.`];
  const out = [
    `${plural(all.due, 'charter promise', 'charter promises')} fell due ${periodWords}. ` +
      `${plural(all.met, 'was', 'were')} kept on time, ${all.metLate.toLocaleString('en-GB')} kept late, ` +
      `${all.missed.toLocaleString('en-GB')} missed and ${all.pending.toLocaleString('en-GB')} still open.`,
  ];
  if (all.onTimePercent !== null)
    out.push(
      `Of the promises already decided, ${percentWords(all.onTimePercent)} were kept on time.`,
    );
  const decided = rows.filter((r) => r.onTimePercent !== null);
  if (decided.length > 1) {
    const worst = decided.reduce((a, b) => (b.onTimePercent! < a.onTimePercent! ? b : a));
    const best = decided.reduce((a, b) => (b.onTimePercent! > a.onTimePercent! ? b : a));
    if (worst.onTimePercent !== best.onTimePercent)
      out.push(
        `The promise kept on time most often was "${titleOf(best.rule)}" (${percentWords(best.onTimePercent)}); ` +
          `the least often was "${titleOf(worst.rule)}" (${percentWords(worst.onTimePercent)}).`,
      );
  }
  return out;
}
