/**
 * A three-month plan of regular meetings meeting charter rule R6 (the profile's number of
 * meetings in every calendar month), spread evenly through each month, placed by the same slot
 * finder so it respects everything a single booking does. Meetings already in the diary count
 * towards their month. A month that cannot be filled says why.
 */
import { dayNumberFromParts, daysInMonth, partsFromDayNumber } from '../calendar/civil-date';
import { DiaryIndex } from './availability';
import type { DiaryContext, SlotChannel, SlotKind } from './model';
import { explain, scan, scanOptions, type Slot } from './slot-finder';
import { dayOfMinute, MINUTES_PER_DAY, toMinute } from './wall-clock';

export interface PlanRequest {
  /** No meeting before this wall-clock time ('YYYY-MM-DDTHH:MM'). */
  earliest: string;
  /** Calendar months to plan, starting with the month of `earliest`; default 3. */
  months?: number;
  /** R6: meetings each calendar month (the charter profile's number). */
  perMonth: number;
  kind?: SlotKind;
  channel?: SlotChannel;
  durationMinutes?: number;
  stepMinutes?: number;
  officeIds?: readonly string[];
  preferredOfficeId?: string | null;
}

export interface PlanMonth {
  /** 'YYYY-MM'. */
  month: string;
  required: number;
  /** The participant's appointments already in the diary that month. */
  alreadyBooked: number;
  slots: Slot[];
  met: boolean;
  reasons: string[];
}

export interface MeetingPlan {
  months: PlanMonth[];
  /** Every proposed meeting, earliest first. */
  slots: Slot[];
  /** True when every month reaches its number. */
  meetsR6: boolean;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

export function proposeMeetingPlan(ctx: DiaryContext, req: PlanRequest): MeetingPlan {
  const index = new DiaryIndex(ctx);
  const o = scanOptions(index, {
    kind: req.kind ?? 'regular',
    channel: req.channel,
    durationMinutes: req.durationMinutes,
    stepMinutes: req.stepMinutes,
    officeIds: req.officeIds,
    preferredOfficeId: req.preferredOfficeId,
    earliest: req.earliest,
    count: 1,
  });
  const earliest = toMinute(req.earliest);
  const firstDay = dayOfMinute(earliest);
  const { year, month } = partsFromDayNumber(firstDay);
  const months: PlanMonth[] = [];
  for (let i = 0; i < (req.months ?? 3); i++) {
    const y = year + Math.floor((month - 1 + i) / 12);
    const m = ((month - 1 + i) % 12) + 1;
    const monthStart = dayNumberFromParts(y, m, 1);
    const monthEnd = monthStart + daysInMonth(y, m) - 1;
    const key = `${y}-${pad2(m)}`;
    const alreadyBooked = ctx.appointments.filter(
      (a) => a.participantId === ctx.participant.id && a.start.startsWith(key),
    ).length;
    const required = Math.max(0, req.perMonth - alreadyBooked);
    const segStart = Math.max(monthStart, firstDay);
    const length = monthEnd - segStart + 1;
    const slots: Slot[] = [];
    const freeDay = (d: number) => !index.participantHasAppointment(d);
    for (let k = 0; k < required; k++) {
      // Aim for the middle of the k-th equal part of what is left of the month.
      const target = segStart + Math.floor(((2 * k + 1) * length) / (2 * required));
      const fromTarget = Math.max(earliest, target * MINUTES_PER_DAY);
      const found =
        scan(index, o, fromTarget, monthEnd, 1, freeDay)[0] ??
        scan(index, o, Math.max(earliest, segStart * MINUTES_PER_DAY), monthEnd, 1, freeDay)[0];
      if (!found) break;
      slots.push(found);
      index.add({
        id: `plan-${key}-${k}`,
        adviserId: ctx.adviser.id,
        participantId: ctx.participant.id,
        officeId: found.officeId,
        room: found.room,
        start: found.start,
        end: found.end,
      });
    }
    slots.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
    const met = slots.length >= required;
    months.push({
      month: key,
      required,
      alreadyBooked,
      slots,
      met,
      reasons: met
        ? []
        : explain(index, o, Math.max(earliest, segStart * MINUTES_PER_DAY), monthEnd),
    });
  }
  return {
    months,
    slots: months.flatMap((m) => m.slots),
    meetsR6: months.every((m) => m.met),
  };
}
