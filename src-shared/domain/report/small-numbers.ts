/**
 * Small-number suppression, the one rule for every published count (report-format.md): a row
 * counting fewer than K is hidden, and where the total less the published rows would leave
 * exactly one unknown, the next smallest row is hidden too, so no hidden cell comes back by
 * subtraction. The report's anonymised export and the survey results both use it.
 */
export interface CountedRow {
  key: string;
  /** Ties between equally small rows are broken by id, so the choice is stable. */
  id: string;
  count: number;
}

/** The key the whole-scope row gets in the answer. */
export const TOTAL_KEY = 'total';

/**
 * Which of the rows (and the total, as TOTAL_KEY) to hide. The unknowns a reader faces are the
 * hidden rows plus the remainder (the total less every row) when it is not 0.
 */
export function hiddenAmong(
  total: number,
  rows: readonly CountedRow[],
  minCell: number,
): Set<string> {
  const hidden = new Set<string>();
  if (total < minCell) {
    hidden.add(TOTAL_KEY);
    for (const row of rows) hidden.add(row.key);
    return hidden;
  }
  for (const row of rows) if (row.count < minCell) hidden.add(row.key);
  const remainder = total - rows.reduce((sum, r) => sum + r.count, 0);
  const smallHidden = rows.some((r) => hidden.has(r.key)) || (remainder > 0 && remainder < minCell);
  if (!smallHidden) return hidden;
  let unknowns = rows.filter((r) => hidden.has(r.key)).length + (remainder > 0 ? 1 : 0);
  const published = rows
    .filter((r) => !hidden.has(r.key))
    .sort((a, b) => a.count - b.count || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  while (unknowns === 1) {
    const next = published.shift();
    hidden.add(next ? next.key : TOTAL_KEY);
    if (!next) break;
    unknowns++;
  }
  return hidden;
}
