/**
 * The diary's settings and questions as zod schemas, shared by the screens and IPC: rooms,
 * working patterns, leave, participant constraints, slot searches and meeting plans.
 */
import { z } from 'zod';
import { civilDate } from './participant';
import { isCivilDate, toDayNumber } from '../domain/calendar/civil-date';
import { TIMES_OF_DAY } from '../domain/diary/model';
import {
  APPOINTMENT_CHANNELS,
  APPOINTMENT_KINDS,
  localDateTime,
  openingHoursSchema,
  wallTime,
  WEEKDAYS,
} from './diary';

const id = (what: string) => z.string().uuid(`Not ${what} id`);

export const EQUIPMENT = [
  'hearing-loop',
  'screen',
  'height-adjustable-desk',
  'quiet-room',
] as const;

export const roomSaveSchema = z
  .object({
    id: id('a room').optional(),
    officeId: id('an office'),
    name: z.string().trim().min(1, 'Enter the room name').max(60, 'Keep the name to 60 characters'),
    capacity: z
      .number({ error: 'Enter how many people the room seats' })
      .int('Enter a whole number')
      .min(1, 'A room seats at least 1 person')
      .max(200, 'A room seats at most 200 people'),
    stepFree: z.boolean(),
    equipment: z.array(z.enum(EQUIPMENT)).max(EQUIPMENT.length).default([]),
  })
  .strict();
export type RoomSave = z.output<typeof roomSaveSchema>;
export interface Room {
  id: string;
  officeId: string;
  name: string;
  capacity: number;
  stepFree: boolean;
  equipment: (typeof EQUIPMENT)[number][];
  version: number;
}

export const workingPatternSchema = z
  .object({
    id: id('a pattern').optional(),
    effectiveFrom: civilDate,
    effectiveTo: civilDate.nullable().default(null),
    sessions: openingHoursSchema,
  })
  .strict()
  .refine((p) => p.effectiveTo === null || p.effectiveFrom <= p.effectiveTo, {
    path: ['effectiveTo'],
    message: 'The pattern must end on or after it starts',
  });
export type WorkingPatternSave = z.output<typeof workingPatternSchema>;
export interface SavedWorkingPattern {
  id: string;
  adviserId: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  sessions: z.output<typeof openingHoursSchema>;
  version: number;
}

export const MAX_LEAVE_DAYS = 366;

export const leaveSchema = z
  .object({
    from: civilDate,
    to: civilDate,
    startTime: wallTime.nullable().default(null),
    endTime: wallTime.nullable().default(null),
    reason: z.string().trim().max(120, 'Keep the reason to 120 characters').default('Leave'),
  })
  .strict()
  .superRefine((l, ctx) => {
    if (l.to < l.from)
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: 'Leave must end on or after it starts',
      });
    else if (
      isCivilDate(l.from) &&
      isCivilDate(l.to) &&
      toDayNumber(l.to) - toDayNumber(l.from) + 1 > MAX_LEAVE_DAYS
    )
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: 'Record leave of at most a year at a time',
      });
    else if (l.from === l.to && l.startTime && l.endTime && l.endTime <= l.startTime)
      ctx.addIssue({
        code: 'custom',
        path: ['endTime'],
        message: 'Leave must end after it starts',
      });
  });
export type LeaveSave = z.output<typeof leaveSchema>;
export interface SavedLeave extends LeaveSave {
  id: string;
  adviserId: string;
}

export const unavailableTimeSchema = z
  .object({
    days: z.array(z.enum(WEEKDAYS)).min(1, 'Choose at least one day').max(7),
    from: wallTime,
    to: wallTime,
    reason: z.string().trim().max(80, 'Keep the reason to 80 characters').default(''),
  })
  .strict()
  .refine((u) => u.from < u.to, { path: ['to'], message: 'The time must end after it starts' });

export { TIMES_OF_DAY };

export const participantConstraintsSchema = z
  .object({
    participantId: id('a participant'),
    unavailable: z.array(unavailableTimeSchema).max(20).default([]),
    preferredChannel: z.enum(APPOINTMENT_CHANNELS).default('in-person'),
    needsStepFree: z.boolean().default(false),
    needsHearingLoop: z.boolean().default(false),
    /** The days they can come; none ticked means any day. */
    attendDays: z.array(z.enum(WEEKDAYS)).max(7).default([]),
    timeOfDay: z.enum(TIMES_OF_DAY).default('any'),
  })
  .strict();
export type ParticipantConstraintsSave = z.output<typeof participantConstraintsSchema>;
export interface SavedConstraints extends ParticipantConstraintsSave {
  version: number;
}

/** The longest date range the adviser may search at once. */
export const MAX_SEARCH_DAYS = 92;

export const findSlotsSchema = z
  .object({
    participantId: id('a participant'),
    kind: z.enum(APPOINTMENT_KINDS),
    channel: z.enum(APPOINTMENT_CHANNELS).optional(),
    /** Defaults to now; a time already past is moved up to now. */
    earliest: localDateTime.optional(),
    /** The adviser's date range: from (default today) to (default six weeks past the due date). */
    from: civilDate.optional(),
    to: civilDate.optional(),
    timeOfDay: z.enum(TIMES_OF_DAY).default('any'),
    dueBy: civilDate.optional(),
    count: z.number().int().min(1).max(20).default(5),
    officeId: id('an office').optional(),
    /** One offer a day before two on any day; the screens ask for this. */
    spread: z.boolean().default(true),
  })
  .strict()
  .superRefine((q, ctx) => {
    if (!q.from || !q.to || !isCivilDate(q.from) || !isCivilDate(q.to)) return;
    if (q.to < q.from)
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: 'The last day must be on or after the first',
      });
    else if (toDayNumber(q.to) - toDayNumber(q.from) + 1 > MAX_SEARCH_DAYS)
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `Search at most ${MAX_SEARCH_DAYS} days at a time`,
      });
  });
export type FindSlots = z.output<typeof findSlotsSchema>;

export const proposePlanSchema = z
  .object({
    participantId: id('a participant'),
    earliest: localDateTime.optional(),
    months: z.number().int().min(1).max(6).default(3),
    channel: z.enum(APPOINTMENT_CHANNELS).optional(),
    officeId: id('an office').optional(),
  })
  .strict();
export type ProposePlan = z.output<typeof proposePlanSchema>;

export const icsRangeSchema = z
  .object({ from: civilDate, to: civilDate })
  .strict()
  .refine((r) => r.from <= r.to, {
    path: ['to'],
    message: 'The range must end on or after it starts',
  });
export type IcsRange = z.output<typeof icsRangeSchema>;
