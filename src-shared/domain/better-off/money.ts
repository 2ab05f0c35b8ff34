/**
 * Money is held in whole pence. Rates are decimals, so a product can land on a fraction of a
 * penny; UC Regs reg 6(1) drops under half a penny and rounds a half or more up.
 */

/** Half up to a whole penny. The nudge absorbs binary error (1,067.30 × 5% is 53.36499… as a double). */
export function roundPence(pence: number): number {
  const whole = Math.floor(Math.abs(pence) + 0.5 + 1e-6);
  return pence < 0 ? -whole + 0 : whole;
}

export const toPence = (pounds: number): number => roundPence(pounds * 100);
export const toPounds = (pence: number): number => pence / 100;

/** £1,234.50 — how the working shows money. */
export function formatPounds(pence: number): string {
  const sign = pence < 0 ? '−' : '';
  const abs = Math.abs(pence);
  const pounds = Math.floor(abs / 100).toLocaleString('en-GB');
  return `${sign}£${pounds}.${String(abs % 100).padStart(2, '0')}`;
}
