/** Offices, outreach venues and appointments. Times are Europe/London wall-clock strings. */
import { z } from 'zod';
import { isCivilDate, toDayNumber } from '../domain/calendar/civil-date';
import { civilDate, NATIONS, postcode, ukPhone } from './participant';

export const APPOINTMENT_KINDS = [
  'induction',
  'regular',
  'ppep-review',
  'exit-review',
  'in-work',
] as const;
export const APPOINTMENT_CHANNELS = ['in-person', 'phone', 'video', 'email'] as const;
export const APPOINTMENT_OUTCOMES = [
  'booked',
  'attended',
  'dna',
  'cancelled-by-participant',
  'cancelled-by-provider',
] as const;
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export type AppointmentKind = (typeof APPOINTMENT_KINDS)[number];
export type AppointmentChannel = (typeof APPOINTMENT_CHANNELS)[number];
export type AppointmentOutcome = (typeof APPOINTMENT_OUTCOMES)[number];

/** 'HH:MM', 24-hour. */
export const wallTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a time as HH:MM (24-hour)');
/** 'YYYY-MM-DDTHH:MM' with no offset: the Europe/London wall clock, so DST never moves it. */
export const localDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/, 'Enter a date and time as YYYY-MM-DDTHH:MM')
  .refine((v) => isCivilDate(v.slice(0, 10)), 'That date does not exist');

const session = z
  .tuple([wallTime, wallTime])
  .refine(([a, b]) => a < b, 'A session must end after it starts');
/** Several sessions a day (a lunch break, an evening surgery), never overlapping. */
const daySessions = z
  .array(session)
  .max(6, 'Keep to 6 sessions a day')
  .refine(
    (list) =>
      [...list]
        .sort((a, b) => (a[0] < b[0] ? -1 : 1))
        .every((x, i, all) => i === 0 || all[i - 1]![1] <= x[0]),
    'Sessions on the same day must not overlap',
  );
export const openingHoursSchema = z.partialRecord(z.enum(WEEKDAYS), daySessions).default({});
export type OpeningHours = z.infer<typeof openingHoursSchema>;

/** Longest closure one entry may cover: a year. Longer means the venue has closed for good. */
export const MAX_CLOSURE_DAYS = 366;

export const closureSchema = z
  .object({
    from: civilDate,
    to: civilDate,
    reason: z
      .string()
      .trim()
      .min(1, 'Say why it is closed, for example staff training')
      .max(120, 'Keep the reason to 120 characters'),
  })
  .superRefine((c, ctx) => {
    if (!isCivilDate(c.from) || !isCivilDate(c.to)) return;
    // Anything outside these years is a typing slip, not an office closure.
    for (const key of ['from', 'to'] as const)
      if (c[key] < '2000-01-01' || c[key] > '2199-12-31')
        ctx.addIssue({ code: 'custom', path: [key], message: 'Enter a date from 2000 to 2199' });
    if (c.from > c.to)
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: 'A closure must end on or after it starts',
      });
    else if (toDayNumber(c.to) - toDayNumber(c.from) + 1 > MAX_CLOSURE_DAYS)
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: 'A closure can last at most a year: close the venue instead',
      });
  });
export type Closure = z.infer<typeof closureSchema>;

export const officeSchema = z
  .object({
    kind: z.enum(['office', 'outreach']).default('office'),
    name: z.string().trim().min(1, 'Enter the office name').max(120),
    nation: z.enum(NATIONS),
    address: z.object({
      line1: z.string().trim().min(1, 'Enter the first line of the address').max(120),
      line2: z.string().trim().max(120).optional(),
      town: z.string().trim().min(1, 'Enter the town').max(80),
      postcode,
    }),
    phone: ukPhone,
    email: z.email('Enter an email address like name@example.com'),
    publicTransport: z.string().trim().max(1000).default(''),
    parking: z.string().trim().max(500).default(''),
    stepFree: z.boolean(),
    hearingLoop: z.boolean().default(false),
    directions: z.string().trim().max(1000, 'Keep the directions to 1,000 characters').default(''),
    accessNotes: z.string().trim().max(1000).default(''),
    supportOffered: z.string().trim().max(2000).default(''),
    openingHours: openingHoursSchema,
    closures: z.array(closureSchema).max(200).default([]),
  })
  .strict();
export type OfficeInput = z.input<typeof officeSchema>;
export type OfficeDetails = z.output<typeof officeSchema>;
export interface Office extends OfficeDetails {
  id: string;
  version: number;
  /** 'YYYY-MM-DD' it closed for good; null while open. Closed venues are never offered. */
  closedOn: string | null;
}

/** Close a venue for good from a date, or reopen it (closedOn null). */
export const officeCloseSchema = z
  .object({
    id: z.string().uuid('Not an office id'),
    version: z.number().int().min(1),
    closedOn: civilDate.nullable(),
  })
  .strict();
export type OfficeClose = z.output<typeof officeCloseSchema>;

/**
 * The rules every appointment's times and place follow, one booking or a whole accepted plan:
 * the router checks them, so the diary service never re-parses.
 */
export function appointmentProblems(
  b: { start: string; end: string; channel: string; officeId?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  appointmentTimeProblems(b, ctx);
  if (b.channel === 'in-person' && !b.officeId)
    ctx.addIssue({
      code: 'custom',
      path: ['officeId'],
      message: 'Choose where an in-person appointment takes place',
    });
}

/** An appointment ends after it starts, on the same day (a booking, a plan's meeting, a move). */
export function appointmentTimeProblems(
  b: { start: string; end: string },
  ctx: z.RefinementCtx,
): void {
  if (b.end <= b.start)
    ctx.addIssue({
      code: 'custom',
      path: ['end'],
      message: 'The appointment must end after it starts',
    });
  if (b.end.slice(0, 10) !== b.start.slice(0, 10))
    ctx.addIssue({
      code: 'custom',
      path: ['end'],
      message: 'An appointment must start and end on the same day',
    });
}

export const bookingSchema = z
  .object({
    participantId: z.string().uuid(),
    officeId: z.string().uuid().optional(),
    room: z.string().trim().max(60).optional(),
    start: localDateTime,
    end: localDateTime,
    kind: z.enum(APPOINTMENT_KINDS),
    channel: z.enum(APPOINTMENT_CHANNELS),
  })
  .strict()
  .superRefine(appointmentProblems);
export type Booking = z.infer<typeof bookingSchema>;

/** Moving a booked appointment to a new start and end (the week calendar's "Move"). */
export const appointmentMoveSchema = z
  .object({
    id: z.string().uuid('Not an appointment id'),
    version: z.number().int().min(1),
    start: localDateTime,
    end: localDateTime,
  })
  .strict()
  .superRefine(appointmentTimeProblems);
export type AppointmentMove = z.output<typeof appointmentMoveSchema>;

export interface Appointment extends Booking {
  id: string;
  adviserId: string;
  outcome: AppointmentOutcome;
  priorNotice: boolean | null;
  version: number;
}
