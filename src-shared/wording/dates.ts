/**
 * The one place dates are put into words, for both processes: screens, letters, the diary's
 * reasons and calendar exports. Hand-written rather than Intl for the words: Electron builds may
 * ship reduced ICU data without Welsh, and a reprinted letter must never change. Instants are
 * read as Europe/London wall-clock time, whatever time zone the computer is set to.
 */

export type DateLanguage = 'en' | 'cy';

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

/** Sunday first, as Date.getUTCDay counts. */
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
  const [y, m, d] = civil.slice(0, 10).split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

/** 'December' from 12 (1-based). */
export const monthName = (month: number, lang: DateLanguage = 'en'): string =>
  MONTHS[lang][month - 1] ?? '';

/** 'Tuesday' from 2 (0 is Sunday). */
export const weekdayName = (weekday: number, lang: DateLanguage = 'en'): string =>
  WEEKDAYS[lang][weekday] ?? '';

/** '1 December 2026' / '1 Rhagfyr 2026' from '2026-12-01' (anything after the date is ignored). */
export function dayMonthYear(civil: string, lang: DateLanguage = 'en'): string {
  const [y, m, d] = parts(civil);
  return `${d} ${monthName(m, lang)} ${y}`;
}

/** 'Tuesday 1 December 2026' / 'Dydd Mawrth 1 Rhagfyr 2026'. */
export function weekdayDayMonthYear(civil: string, lang: DateLanguage = 'en'): string {
  const [y, m, d] = parts(civil);
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return `${weekdayName(weekday, lang)} ${dayMonthYear(civil, lang)}`;
}

/** '1 Dec 2026', for table cells. */
export function shortDayMonthYear(civil: string): string {
  const [y, m, d] = parts(civil);
  return `${d} ${monthName(m).slice(0, 3)} ${y}`;
}

/** 'February 2028' from '2028-02'. */
export function monthYear(ym: string, lang: DateLanguage = 'en'): string {
  return `${monthName(Number(ym.slice(5, 7)), lang)} ${ym.slice(0, 4)}`;
}

const LONDON_WALL_CLOCK = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The Europe/London wall clock at an instant, 'YYYY-MM-DDTHH:MM'. */
export function londonWallClock(instant: Date): string {
  const p = Object.fromEntries(
    LONDON_WALL_CLOCK.formatToParts(instant).map((part) => [part.type, part.value]),
  );
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** An ISO instant → '7 March 2026 at 14:05', London time. */
export function instantInWords(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const wall = londonWallClock(d);
  return `${dayMonthYear(wall)} at ${wall.slice(11, 16)}`;
}

/** An ISO instant → '7 Mar 2026', London time. */
export function instantShort(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return shortDayMonthYear(londonWallClock(d));
}
