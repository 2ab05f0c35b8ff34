/**
 * The diary over IPC: offices and rooms, the adviser's working pattern and leave, participants'
 * constraints, the slot finder, the three-month meeting plan, booking and moving, and the .ics
 * export. Every input is a strict object: unknown keys are refused, not ignored.
 */
import { z } from 'zod';
import { channel, returns } from '../define';
import {
  APPOINTMENT_CHANNELS,
  appointmentProblems,
  appointmentMoveSchema,
  bookingSchema,
  localDateTime,
  officeCloseSchema,
  officeSchema,
  type Appointment,
  type Office,
} from '../../schemas/diary';
import {
  findSlotsSchema,
  icsRangeSchema,
  leaveSchema,
  participantConstraintsSchema,
  proposePlanSchema,
  roomSaveSchema,
  workingPatternSchema,
  type Room,
  type SavedConstraints,
  type SavedLeave,
  type SavedWorkingPattern,
} from '../../schemas/diary-settings';
import { civilDate } from '../../schemas/participant';
import { DESKTOP_ACTIONS, type DesktopOutcome } from './desktop';
import type { MeetingPlan, SlotResult } from '../../domain/diary';

const uuid = (what: string) => z.string().uuid(`Not ${what} id`);
const nothing = z.object({}).strict();

export const acceptPlanSchema = z
  .object({
    participantId: uuid('a participant'),
    meetings: z
      .array(
        z
          .object({
            start: localDateTime,
            end: localDateTime,
            officeId: uuid('an office').optional(),
            room: z.string().trim().max(60).optional(),
            channel: z.enum(APPOINTMENT_CHANNELS),
          })
          .strict()
          .superRefine(appointmentProblems),
      )
      .min(1, 'Choose at least one meeting to book')
      .max(24),
  })
  .strict();
export type AcceptPlan = z.output<typeof acceptPlanSchema>;

export const appointmentsQuerySchema = z.union([
  z.object({ participantId: uuid('a participant') }).strict(),
  z
    .object({ from: civilDate, to: civilDate })
    .strict()
    .refine((r) => r.from <= r.to, {
      path: ['to'],
      message: 'The range must end on or after it starts',
    }),
]);
export type AppointmentsQuery = z.output<typeof appointmentsQuerySchema>;

export const diaryChannels = {
  'diary:offices': channel(nothing, returns<Office[]>()),
  'diary:saveOffice': channel(
    z.object({ id: uuid('an office').optional(), office: officeSchema }).strict(),
    returns<Office>(),
  ),
  /** Close a venue for good from a date, or reopen it (closedOn null). */
  'diary:closeOffice': channel(
    officeCloseSchema,
    returns<Office & { appointmentsAffected: number }>(),
  ),
  'diary:rooms': channel(
    z.object({ officeId: uuid('an office').optional() }).strict(),
    returns<Room[]>(),
  ),
  'diary:saveRoom': channel(roomSaveSchema, returns<Room>()),
  'diary:patterns': channel(nothing, returns<SavedWorkingPattern[]>()),
  'diary:savePattern': channel(workingPatternSchema, returns<SavedWorkingPattern>()),
  'diary:leave': channel(nothing, returns<SavedLeave[]>()),
  'diary:addLeave': channel(leaveSchema, returns<SavedLeave & { appointmentsAffected: number }>()),
  'diary:removeLeave': channel(z.object({ id: uuid('a leave') }).strict(), returns<null>()),
  'diary:constraints': channel(
    z.object({ participantId: uuid('a participant') }).strict(),
    returns<SavedConstraints>(),
  ),
  'diary:saveConstraints': channel(participantConstraintsSchema, returns<SavedConstraints>()),
  'diary:findSlots': channel(findSlotsSchema, returns<SlotResult>()),
  'diary:proposePlan': channel(proposePlanSchema, returns<MeetingPlan & { perMonth: number }>()),
  'diary:acceptPlan': channel(acceptPlanSchema, returns<Appointment[]>()),
  'diary:book': channel(bookingSchema, returns<Appointment>()),
  'diary:move': channel(appointmentMoveSchema, returns<Appointment>()),
  'diary:appointments': channel(appointmentsQuerySchema, returns<Appointment[]>()),
  'diary:exportIcs': channel(
    icsRangeSchema,
    returns<{ fileName: string; content: string; count: number }>(),
  ),
  /** The printable day sheet of the adviser's booked appointments: print, open or save. */
  'diary:daySheetPdf': channel(
    z
      .object({
        date: civilDate,
        action: z.enum(DESKTOP_ACTIONS, { message: 'Choose print, open or save' }),
      })
      .strict(),
    returns<DesktopOutcome & { count: number }>(),
  ),
  /** The outreach run sheet for one venue on one day, to take where there is no network. */
  'diary:runSheetPdf': channel(
    z
      .object({
        date: civilDate,
        officeId: uuid('an office'),
        action: z.enum(DESKTOP_ACTIONS, { message: 'Choose print, open or save' }),
      })
      .strict(),
    returns<DesktopOutcome & { count: number }>(),
  ),
};
