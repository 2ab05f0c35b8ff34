/**
 * Charter rule R3: the induction meeting is within N days (default 14) of the initial contact.
 * "N days" are calendar days, and a deadline on a non-working day moves back to the previous
 * working day so the promise is kept (charter.md, day arithmetic).
 */
export type IsWorkingDay = (civilDate: string) => boolean;

function addDays(civil: string, days: number): string {
  const [y, m, d] = civil.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Monday to Friday: the fallback when no bank-holiday calendar is supplied. */
export const weekdaysOnly: IsWorkingDay = (civil) => {
  const [y, m, d] = civil.split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return day !== 0 && day !== 6;
};

export function r3Deadline(
  initialContact: string,
  days: number,
  isWorkingDay: IsWorkingDay,
): string {
  let due = addDays(initialContact, days);
  while (!isWorkingDay(due)) due = addDays(due, -1);
  return due;
}

export type WindowCheck =
  { ok: true; deadline: string } | { ok: false; deadline: string | null; problem: string };

/** Whether an induction on `inductionDate` keeps R3; the problem is written for the adviser. */
export function checkInductionWindow(
  inductionDate: string,
  initialContact: string | null,
  days: number,
  isWorkingDay: IsWorkingDay,
): WindowCheck {
  if (!initialContact)
    return {
      ok: false,
      deadline: null,
      problem:
        'No initial contact is recorded, so the charter’s induction window cannot be checked',
    };
  const deadline = r3Deadline(initialContact, days, isWorkingDay);
  if (inductionDate < initialContact)
    return {
      ok: false,
      deadline,
      problem: `The induction date is before the initial contact (${initialContact})`,
    };
  if (inductionDate > deadline)
    return {
      ok: false,
      deadline,
      problem: `The induction date is after ${deadline}, the last day the charter allows (${days} days from the initial contact on ${initialContact})`,
    };
  return { ok: true, deadline };
}
