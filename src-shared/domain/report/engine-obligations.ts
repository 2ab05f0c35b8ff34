/**
 * Each participant's obligations from their facts, through the engine's own function (the one
 * the device's ObligationService and `cli obligations` use), ready for buildReport. For callers
 * that hold participant facts rather than a device caseload: the central service.
 */
import type { CalendarSet } from '../calendar/working-day-calendar';
import type { Nation } from '../calendar/nations';
import { participantObligations } from '../charter/compute-obligations';
import type { Obligation } from '../charter/obligation';
import type { ParticipantFactsInput } from '../charter/obligations-input';
import type { CharterProfile } from '../charter/profile';

export interface ParticipantInScope {
  /** Facts in the engine's input form (already checked with parseObligationsInput). */
  facts: ParticipantFactsInput;
  profile: CharterProfile;
  /** The office's nation when the facts do not name one. */
  nation?: Nation | null;
}

export function engineObligationsByParticipant(
  participants: Iterable<ParticipantInScope>,
  today: string,
  calendars: CalendarSet,
): Map<string, Obligation[]> {
  const out = new Map<string, Obligation[]>();
  for (const p of participants)
    out.set(
      p.facts.id,
      participantObligations(p.facts, p.profile, p.nation ?? null, today, calendars),
    );
  return out;
}
