/**
 * One participant's charter obligations, from the records as they now are: the plan screen
 * shows the next review (R7), the meeting logger the missed-meeting follow-ups (R8) and a letter
 * the induction window (R3) from the same engine and the same profile resolver the caseload
 * uses, so the screens, the letters and the reports cannot disagree.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { loadFacts, type ParticipantFacts } from './obligation-facts';
import { governingProfileOf, type ResolvedProfile } from './charter-profiles';
import { calendarsFrom } from '@shared/domain/calendar/shipped-calendars';
import { participantObligations } from '@shared/domain/charter/compute-obligations';
import type { Obligation } from '@shared/domain/charter/obligation';
import { parseObligationsInput } from '@shared/domain/charter/obligations-input';

export interface ParticipantCharter {
  profile: ResolvedProfile;
  facts: ParticipantFacts;
  obligations: Obligation[];
}

/** The governing profile, the facts read from the records and the obligations on `today`. */
export async function participantCharter(
  db: Kysely<Database>,
  participantId: string,
  today: string,
): Promise<ParticipantCharter> {
  const profile = await governingProfileOf(db, participantId, today);
  const [facts] = await loadFacts(db, [participantId]);
  const input = parseObligationsInput({
    today,
    profile: profile.profile,
    participants: [facts],
  });
  return {
    profile,
    facts: facts!,
    obligations: participantObligations(
      input.participants[0]!,
      profile.profile,
      null,
      today,
      calendarsFrom(),
    ),
  };
}

export async function obligationsFor(
  db: Kysely<Database>,
  participantId: string,
  today: string,
): Promise<Obligation[]> {
  return (await participantCharter(db, participantId, today)).obligations;
}
