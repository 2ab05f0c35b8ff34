/**
 * Whether a letter's induction date keeps charter rule R3. The deadline is not worked out here:
 * it is the due date of the engine's R3 obligation for this participant
 * (src-shared/domain/charter/intake-rules.ts), under the profile that governs them, so a letter
 * and the agenda cannot disagree about it.
 */
import { dayMonthYear } from '@shared/wording/dates';
import type { ParticipantCharter } from '../obligations/participant-obligations';

export type WindowCheck =
  { ok: true; deadline: string } | { ok: false; deadline: string | null; problem: string };

/** The problem is written for the adviser; it names dates, never the participant. */
export function checkInductionWindow(
  inductionDate: string,
  charter: Pick<ParticipantCharter, 'facts' | 'obligations' | 'profile'>,
): WindowCheck {
  const initialContact = charter.facts.initialContact?.date ?? null;
  const r3 = charter.obligations.find((o) => o.rule === 'R3');
  if (!initialContact || !r3)
    return {
      ok: false,
      deadline: null,
      problem:
        'No initial contact is recorded, so the charter’s induction window cannot be checked',
    };
  const deadline = r3.due;
  if (inductionDate < initialContact)
    return {
      ok: false,
      deadline,
      problem: `The induction date is before the initial contact (${dayMonthYear(initialContact)})`,
    };
  if (inductionDate > deadline)
    return {
      ok: false,
      deadline,
      problem: `The induction date is after ${dayMonthYear(deadline)}, the last day the charter allows (${charter.profile.profile.rules.R3.days} days from the initial contact on ${dayMonthYear(initialContact)})`,
    };
  return { ok: true, deadline };
}
