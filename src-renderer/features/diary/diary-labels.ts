import type { AppointmentKind } from '@shared/schemas/diary';

export const KIND_LABELS: Record<AppointmentKind, string> = {
  induction: 'Induction (60 minutes)',
  regular: 'Regular meeting (30 minutes)',
  'ppep-review': 'Plan review (45 minutes)',
  'exit-review': 'Exit review (45 minutes)',
  'in-work': 'In-work support (30 minutes)',
};

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
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
];

/** 'Monday 23 November 2026 at 10:00' from a wall-clock string, without any time zone maths. */
export function formatSlot(local: string): string {
  const [y, m, d] = local.slice(0, 10).split('-').map(Number) as [number, number, number];
  const weekday = DAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
  return `${weekday} ${d} ${MONTHS[m - 1]} ${y} at ${local.slice(11, 16)}`;
}

/** 'February 2028' from '2028-02'. */
export function formatMonth(ym: string): string {
  return `${MONTHS[Number(ym.slice(5, 7)) - 1]} ${ym.slice(0, 4)}`;
}
