/**
 * One participant's charter obligations, from the records as they now are: the plan screen
 * shows the next review (R7) and the meeting logger the missed-meeting follow-ups (R8) from the
 * same engine the caseload uses, so the screens and the reports cannot disagree.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { loadFacts } from './obligation-facts';
import { calendarsFrom } from '@shared/domain/calendar/shipped-calendars';
import { participantObligations } from '@shared/domain/charter/compute-obligations';
import type { Obligation } from '@shared/domain/charter/obligation';
import { parseObligationsInput } from '@shared/domain/charter/obligations-input';
import { shippedProfile } from '@shared/domain/charter/shipped-profiles';
import type { CharterProfile } from '@shared/domain/charter/profile';
import { notFound } from '../../errors';

/** The participant's profile, falling back to their programme's when the id is not shipped. */
export function profileFor(charterProfile: string, programme: string): CharterProfile {
  return (
    shippedProfile(charterProfile) ??
    shippedProfile(programme === 'no-one-left-behind' ? 'no-one-left-behind' : 'work-programme')!
  );
}

export async function obligationsFor(
  db: Kysely<Database>,
  participantId: string,
  today: string,
): Promise<Obligation[]> {
  const p = await db
    .selectFrom('participants')
    .select(['charter_profile', 'programme'])
    .where('id', '=', participantId)
    .executeTakeFirst();
  if (!p) throw notFound('That participant');
  const [facts] = await loadFacts(db, [participantId]);
  const profile = profileFor(p.charter_profile, p.programme);
  const input = parseObligationsInput({
    today,
    profile: profile.id,
    participants: [facts],
  });
  return participantObligations(input.participants[0]!, profile, null, today, calendarsFrom());
}
