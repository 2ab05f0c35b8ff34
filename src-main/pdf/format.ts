/**
 * Dates, times and money as letters print them, in English or Welsh. Hand-written rather than
 * Intl: Electron builds may ship reduced ICU data without Welsh, and a reprint must never change.
 */
import type { TemplateLanguage } from '@shared/schemas/documents';

const MONTHS = {
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  // Welsh month names (for review by a Welsh speaker with the rest of the Welsh wording).
  cy: [
    'Ionawr',
    'Chwefror',
    'Mawrth',
    'Ebrill',
    'Mai',
    'Mehefin',
    'Gorffennaf',
    'Awst',
    'Medi',
    'Hydref',
    'Tachwedd',
    'Rhagfyr',
  ],
} as const;

const WEEKDAYS = {
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  cy: [
    'Dydd Sul',
    'Dydd Llun',
    'Dydd Mawrth',
    'Dydd Mercher',
    'Dydd Iau',
    'Dydd Gwener',
    'Dydd Sadwrn',
  ],
} as const;

function parts(civil: string): [number, number, number] {
  const [y, m, d] = civil.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

/** 'Tuesday 1 December 2026' / 'Dydd Mawrth 1 Rhagfyr 2026'. */
export function longDate(civil: string, lang: TemplateLanguage): string {
  const [y, m, d] = parts(civil);
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return `${WEEKDAYS[lang][weekday]} ${d} ${MONTHS[lang][m - 1]} ${y}`;
}

/** '1 December 2026' / '1 Rhagfyr 2026'. */
export function shortDate(civil: string, lang: TemplateLanguage): string {
  const [y, m, d] = parts(civil);
  return `${d} ${MONTHS[lang][m - 1]} ${y}`;
}

/** 'December 2026' / 'Rhagfyr 2026' for a month 'YYYY-MM'. */
export function monthYear(month: string, lang: TemplateLanguage): string {
  const [y, m] = parts(`${month}-01`);
  return `${MONTHS[lang][m - 1]} ${y}`;
}

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
