/**
 * What a letter may claim, and what the adviser should hear before it goes out. A letter says
 * "we have planned your meeting around" a need only when the booking is seen to meet it: an
 * "afternoons only" need against the booked start, a step-free or hearing-loop need against the
 * venue's recorded facts. A need Waymark cannot check is printed without that claim. The
 * phrases are read by the diary's own reader (src-shared/domain/diary/adjustments.ts), so the
 * slot finder and the letter understand an adjustment the same way.
 */
import { constraintsFromAdjustments } from '@shared/domain/diary/adjustments';
import { NOON } from '@shared/domain/diary/model';
import { daysBetween } from '@shared/domain/calendar/civil-date';
import { weekdayDayMonthYear } from '@shared/wording/dates';
import type { LetterWarning } from '@shared/ipc/channels/documents';
import { adjustmentLines } from '../../pdf/documents/induction-letter';

/**
 * Days a posted letter needs before the meeting: second-class post takes two to three working
 * days. A profile may set its own in its letter wording (`letters.noticeDays`, a whole number).
 */
export const DEFAULT_NOTICE_DAYS = 3;

export interface BookingFacts {
  /** Europe/London wall clock 'YYYY-MM-DDTHH:MM'. */
  start: string;
  end: string;
  venue: { stepFree: boolean; hearingLoop: boolean };
}

export interface AdjustmentCheck {
  /** Needs the booking is seen to meet: the letter says the meeting was planned around them. */
  met: string[];
  /** Every other need, printed without that claim. */
  other: string[];
  warnings: LetterWarning[];
}

const minutesOf = (wallClock: string) => {
  const [h, m] = wallClock.slice(11, 16).split(':').map(Number) as [number, number];
  return h * 60 + m;
};

/** Why the booking does not meet one recorded need, or null when it does. */
function unmetBecause(line: string, b: BookingFacts): string | null | undefined {
  const facts = constraintsFromAdjustments(line);
  if (Object.keys(facts).length === 0) return undefined;
  if (facts.timeOfDay === 'afternoons' && minutesOf(b.start) < NOON)
    return 'the meeting is booked for the morning';
  if (facts.timeOfDay === 'mornings' && minutesOf(b.end) > NOON)
    return 'the meeting runs into the afternoon';
  if (facts.needsStepFree && !b.venue.stepFree)
    return 'the venue is not recorded as having step-free access';
  if (facts.needsHearingLoop && !b.venue.hearingLoop)
    return 'the venue is not recorded as having a hearing loop';
  return null;
}

export function checkAdjustments(text: string, booking: BookingFacts): AdjustmentCheck {
  const out: AdjustmentCheck = { met: [], other: [], warnings: [] };
  for (const line of adjustmentLines(text)) {
    const problem = unmetBecause(line, booking);
    if (problem === null) out.met.push(line);
    else out.other.push(line);
    if (problem)
      out.warnings.push({
        kind: 'adjustment-not-met',
        message: `The booking does not meet “${line}”: ${problem}. The letter will not say it was arranged. Rebook, or talk to them before you send it.`,
      });
  }
  return out;
}

/** The notice a profile asks for, if its letter wording sets a sensible one. */
export function noticeDaysOf(letters: Record<string, string> | undefined): number {
  const set = letters?.noticeDays;
  const n = set !== undefined && /^\d{1,2}$/.test(set.trim()) ? Number(set) : NaN;
  return Number.isInteger(n) && n >= 1 ? n : DEFAULT_NOTICE_DAYS;
}

/**
 * A letter dated `letterDate` for a meeting on `meetingDate` is short notice when the meeting is
 * tomorrow or sooner, or fewer than `noticeDays` days away.
 */
export function checkNotice(
  letterDate: string,
  meetingDate: string,
  noticeDays: number,
): LetterWarning | null {
  const days = daysBetween(letterDate, meetingDate);
  if (days >= Math.max(2, noticeDays)) return null;
  const when =
    days < 0
      ? `was on ${weekdayDayMonthYear(meetingDate)}, before this letter’s date`
      : days === 0
        ? 'is today'
        : days === 1
          ? 'is tomorrow'
          : `is on ${weekdayDayMonthYear(meetingDate)}, ${days} days from now`;
  return {
    kind: 'short-notice',
    message: `The meeting ${when}. A posted letter may not arrive in time (allow ${noticeDays} days): phone them as well, or hand the letter over.`,
  };
}
