/**
 * What the slot finder and the booking checks know about a diary: plain data, no database.
 * Times are Europe/London wall-clock strings ('HH:MM', 'YYYY-MM-DDTHH:MM'); dates 'YYYY-MM-DD'.
 */
import type { CalendarSet } from '../calendar/working-day-calendar';
import type { Nation } from '../calendar/nations';
import type { WeekdayKey } from './wall-clock';
import type { GeoPoint } from './postcode-districts';

export const APPOINTMENT_DURATIONS = {
  induction: 60,
  regular: 30,
  'ppep-review': 45,
  'exit-review': 45,
  'in-work': 30,
} as const;
export type SlotKind = keyof typeof APPOINTMENT_DURATIONS;
export type SlotChannel = 'in-person' | 'phone' | 'video' | 'email';

/** Sessions per weekday, each ['HH:MM', 'HH:MM'] with the end after the start. */
export type WeeklySessions = Partial<Record<WeekdayKey, readonly (readonly [string, string])[]>>;

export interface DiaryRoom {
  id: string;
  name: string;
  capacity: number;
  stepFree: boolean;
  /** e.g. 'hearing-loop', 'screen', 'height-adjustable-desk'. */
  equipment: readonly string[];
}

export interface DiaryOffice {
  id: string;
  name: string;
  kind: 'office' | 'outreach';
  nation: Nation;
  /** Step-free entrance: a step-free room behind steps is no use. */
  stepFree: boolean;
  /** A hearing loop at the venue itself (for a venue with no rooms listed). */
  hearingLoop?: boolean;
  /** An office's opening hours, or an outreach venue's session times. */
  openingHours: WeeklySessions;
  closures: readonly { from: string; to: string; reason: string }[];
  rooms: readonly DiaryRoom[];
  /** Its postcode district's centre; null when the postcode is not in the shipped table. */
  location?: GeoPoint | null;
}

export interface WorkingPattern {
  effectiveFrom: string;
  /** Last day the pattern applies; null while it is current. */
  effectiveTo: string | null;
  sessions: WeeklySessions;
}

/** Leave from `from` to `to` inclusive; a time narrows the first or last day (part days). */
export interface AdviserLeave {
  from: string;
  to: string;
  startTime: string | null;
  endTime: string | null;
}

export interface AdviserDiary {
  id: string;
  /** No pattern recorded means the adviser works whenever the office is open. */
  patterns: readonly WorkingPattern[];
  leave: readonly AdviserLeave[];
}

export interface UnavailableTime {
  days: readonly WeekdayKey[];
  from: string;
  to: string;
  reason: string;
  /** The sentence to give when this is why nothing fits (for times derived from other facts). */
  words?: string;
}

export const TIMES_OF_DAY = ['any', 'mornings', 'afternoons'] as const;
export type TimeOfDay = (typeof TIMES_OF_DAY)[number];
/** Mornings end and afternoons begin at noon. */
export const NOON = 12 * 60;

export interface ParticipantConstraints {
  unavailable: readonly UnavailableTime[];
  preferredChannel: SlotChannel;
  needsStepFree: boolean;
  needsHearingLoop: boolean;
  /** The days they can come; empty or absent means any day. */
  attendDays?: readonly WeekdayKey[];
  /** 'afternoons' means nothing that starts before noon; 'mornings' nothing that ends after. */
  timeOfDay?: TimeOfDay;
}

export const NO_CONSTRAINTS: ParticipantConstraints = {
  unavailable: [],
  preferredChannel: 'in-person',
  needsStepFree: false,
  needsHearingLoop: false,
};

/** A live (booked or attended) appointment: it takes the adviser, participant and room. */
export interface BusyAppointment {
  id: string;
  adviserId: string;
  participantId: string;
  officeId: string | null;
  room: string | null;
  start: string;
  end: string;
  kind?: string;
}

export interface DiaryContext {
  calendars: CalendarSet;
  offices: readonly DiaryOffice[];
  adviser: AdviserDiary;
  /** `location`: the centre of their home postcode's district, when it is known. */
  participant: { id: string; constraints: ParticipantConstraints; location?: GeoPoint | null };
  appointments: readonly BusyAppointment[];
}
