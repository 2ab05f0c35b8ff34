/** Calendar months as report periods: the first to the last day, month ends by the calendar. */
import { daysInMonth, isCivilDate } from '../calendar/civil-date';
import { ReportInputError } from './report';

const pad2 = (n: number) => String(n).padStart(2, '0');

export function isMonth(value: string): boolean {
  return /^\d{4}-\d{2}$/.test(value) && isCivilDate(`${value}-01`);
}

/** The period covering one calendar month 'YYYY-MM'. */
export function monthPeriod(month: string): { from: string; to: string } {
  if (!isMonth(month)) throw new ReportInputError('month: expected a month as YYYY-MM');
  const [year, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return { from: `${month}-01`, to: `${month}-${pad2(daysInMonth(year, m))}` };
}

/** `count` months ending with `last`, oldest first. */
export function monthsEnding(last: string, count: number): string[] {
  if (!isMonth(last)) throw new ReportInputError('month: expected a month as YYYY-MM');
  const index = Number(last.slice(0, 4)) * 12 + Number(last.slice(5, 7)) - 1;
  const out: string[] = [];
  for (let i = index - count + 1; i <= index; i++)
    out.push(`${String(Math.floor(i / 12)).padStart(4, '0')}-${pad2((i % 12) + 1)}`);
  return out;
}
