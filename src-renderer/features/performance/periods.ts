/** The periods the adviser can choose: each of the last 12 months, and the last 3 or 12 months. */
import { monthPeriod, monthsEnding } from '@shared/domain/report/months';
import { formatDate } from '../../labels';

export interface PeriodChoice {
  value: string;
  label: string;
  from: string;
  to: string;
  /** Set when the period is one calendar month (it can be printed). */
  month: string | null;
}

/** 'November 2026' from the shared date wording. */
export const monthWords = (month: string) => formatDate(`${month}-01`).replace(/^1 /, '');

export function periodChoices(today: string): PeriodChoice[] {
  const months = monthsEnding(today.slice(0, 7), 12).reverse();
  const span = (n: number, label: string): PeriodChoice => ({
    value: `last-${n}`,
    label,
    from: monthPeriod(months[n - 1]!).from,
    to: monthPeriod(months[0]!).to,
    month: null,
  });
  return [
    ...months.map((m, i) => ({
      value: m,
      label: i === 0 ? `${monthWords(m)} (this month)` : monthWords(m),
      ...monthPeriod(m),
      month: m,
    })),
    span(3, 'The last 3 months'),
    span(12, 'The last 12 months'),
  ];
}
