/**
 * What a recorded adjustment ("Prefers afternoon appointments (school run)", "Step-free access
 * needed") means for the diary. Advisers write adjustments in their own words long before anyone
 * fills in the constraints form, so the finder reads the plain phrases it can be sure of and
 * adds them to the saved constraints; it never removes anything the adviser saved.
 */
import type { ParticipantConstraints, TimeOfDay } from './model';

export interface AdjustmentFacts {
  timeOfDay?: TimeOfDay;
  needsStepFree?: boolean;
  needsHearingLoop?: boolean;
}

export function constraintsFromAdjustments(text: string | null | undefined): AdjustmentFacts {
  const t = (text ?? '').toLowerCase();
  const out: AdjustmentFacts = {};
  const afternoon = /\bafternoons?\b/.test(t);
  const morning = /\bmornings?\b/.test(t);
  // "mornings or afternoons" says nothing about the time of day.
  if (afternoon !== morning) out.timeOfDay = afternoon ? 'afternoons' : 'mornings';
  if (/step[- ]?free|wheelchair|no stairs/.test(t)) out.needsStepFree = true;
  if (/hearing[- ]loop/.test(t)) out.needsHearingLoop = true;
  return out;
}

/** The saved constraints, with what the adjustments add where the form says nothing. */
export function withAdjustments<C extends ParticipantConstraints>(
  saved: C,
  adjustments: string | null | undefined,
): C {
  const a = constraintsFromAdjustments(adjustments);
  return {
    ...saved,
    timeOfDay:
      saved.timeOfDay && saved.timeOfDay !== 'any' ? saved.timeOfDay : (a.timeOfDay ?? 'any'),
    needsStepFree: saved.needsStepFree || a.needsStepFree === true,
    needsHearingLoop: saved.needsHearingLoop || a.needsHearingLoop === true,
  };
}
