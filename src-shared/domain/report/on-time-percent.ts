/**
 * The on-time percentage: 100 x met / (met + metLate + missed), rounded half up to one decimal
 * place, null when nothing has yet been decided. Computed in whole tenths with integers only, so
 * 81.25 rounds to 81.3 and never to 81.2 through a binary fraction.
 */
export function onTimePercent(met: number, metLate: number, missed: number): number | null {
  const decided = met + metLate + missed;
  if (decided === 0) return null;
  // round(1000 x met / decided) half up = floor((2000 x met + decided) / (2 x decided))
  const tenths = Math.floor((2000 * met + decided) / (2 * decided));
  return tenths / 10;
}
