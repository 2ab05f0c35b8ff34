/** A small diary for the slot-finder tests: one adviser, offices in each nation, rooms. */
import { calendarsFrom } from '../../../src-shared/domain/calendar/shipped-calendars';
import {
  NO_CONSTRAINTS,
  type BusyAppointment,
  type DiaryContext,
  type DiaryOffice,
  type ParticipantConstraints,
  type WorkingPattern,
  type AdviserLeave,
} from '../../../src-shared/domain/diary';

export const calendars = calendarsFrom();
export const ADVISER = 'adviser-1';
export const PARTICIPANT = 'participant-1';

const weekdays = (from: string, to: string) => ({
  mon: [[from, to]] as [string, string][],
  tue: [[from, to]] as [string, string][],
  wed: [[from, to]] as [string, string][],
  thu: [[from, to]] as [string, string][],
  fri: [[from, to]] as [string, string][],
});

export function office(over: Partial<DiaryOffice> = {}): DiaryOffice {
  return {
    id: 'office-sheffield',
    name: 'Sheffield',
    kind: 'office',
    nation: 'england-and-wales',
    stepFree: true,
    openingHours: weekdays('09:00', '17:00'),
    closures: [],
    rooms: [
      { id: 'r1', name: 'Room 1', capacity: 4, stepFree: false, equipment: [] },
      { id: 'r2', name: 'Room 2', capacity: 6, stepFree: true, equipment: ['hearing-loop'] },
    ],
    ...over,
  };
}

export const FULL_TIME: WorkingPattern = {
  effectiveFrom: '2020-01-01',
  effectiveTo: null,
  sessions: weekdays('09:00', '17:00'),
};

export function context(
  over: {
    offices?: DiaryOffice[];
    patterns?: WorkingPattern[];
    leave?: AdviserLeave[];
    constraints?: Partial<ParticipantConstraints>;
    appointments?: BusyAppointment[];
  } = {},
): DiaryContext {
  return {
    calendars,
    offices: over.offices ?? [office()],
    adviser: { id: ADVISER, patterns: over.patterns ?? [FULL_TIME], leave: over.leave ?? [] },
    participant: { id: PARTICIPANT, constraints: { ...NO_CONSTRAINTS, ...over.constraints } },
    appointments: over.appointments ?? [],
  };
}

let n = 0;
export function busy(
  start: string,
  end: string,
  over: Partial<BusyAppointment> = {},
): BusyAppointment {
  return {
    id: `a${++n}`,
    adviserId: ADVISER,
    participantId: 'someone-else',
    officeId: 'office-sheffield',
    room: null,
    start,
    end,
    ...over,
  };
}

export const SCHOOL_RUN = [
  {
    days: ['mon', 'tue', 'wed', 'thu', 'fri'] as const,
    from: '08:30',
    to: '09:15',
    reason: 'school run',
  },
  {
    days: ['mon', 'tue', 'wed', 'thu', 'fri'] as const,
    from: '15:00',
    to: '15:30',
    reason: 'school run',
  },
];
