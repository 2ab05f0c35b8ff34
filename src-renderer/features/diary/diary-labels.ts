import type { AppointmentKind } from '@shared/schemas/diary';
import { APPOINTMENT_KINDS } from '@shared/schemas/diary';
import { appointmentKindWithLength } from '@shared/wording/labels';
import { monthYear, weekdayDayMonthYear } from '@shared/wording/dates';

export const KIND_LABELS = Object.fromEntries(
  APPOINTMENT_KINDS.map((k) => [k, appointmentKindWithLength(k)]),
) as Record<AppointmentKind, string>;

/** 'Monday 23 November 2026 at 10:00' from a wall-clock string, without any time zone maths. */
export function formatSlot(local: string): string {
  return `${weekdayDayMonthYear(local.slice(0, 10))} at ${local.slice(11, 16)}`;
}

/** 'February 2028' from '2028-02'. */
export const formatMonth = (ym: string): string => monthYear(ym);
