/**
 * Times and money as letters print them, in English or Welsh. Hand-written rather than Intl:
 * Electron builds may ship reduced ICU data without Welsh, and a reprint must never change.
 */
import type { TemplateLanguage } from '@shared/schemas/documents';

/** 'Tuesday 1 December 2026' and '1 December 2026', in English or Welsh (one formatter: src-shared/wording/dates.ts). */
export {
  weekdayDayMonthYear as longDate,
  dayMonthYear as shortDate,
  monthYear,
} from '@shared/wording/dates';

/** '10:30am' / '10:30yb' (y bore), '2pm' / '2yp' (y prynhawn): how GOV.UK style writes times. */
export function clockTime(hhmm: string, lang: TemplateLanguage): string {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  if (h === 12 && m === 0) return lang === 'cy' ? 'hanner dydd' : 'midday';
  const hour12 = h % 12 === 0 ? 12 : h % 12;
  const suffix = h < 12 ? (lang === 'cy' ? 'yb' : 'am') : lang === 'cy' ? 'yp' : 'pm';
  return `${hour12}${m === 0 ? '' : `:${String(m).padStart(2, '0')}`}${suffix}`;
}

/** '£1,234.50' (negative as '-£12.00'); the same in both languages. */
export function pounds(amount: number): string {
  const pence = Math.round(Math.abs(amount) * 100);
  const whole = Math.floor(pence / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${amount < 0 && pence > 0 ? '-' : ''}£${whole}.${String(pence % 100).padStart(2, '0')}`;
}
