/** Participant rows ↔ domain objects, and the caseload queries. Functions take the db first. */
import type { Kysely, Selectable } from 'kysely';
import type { Database, ParticipantTable } from '../schema';
import type {
  ExitReason,
  Nation,
  Participant,
  ParticipantStatus,
  Programme,
  Referral,
} from '@shared/schemas/participant';

type Row = Selectable<ParticipantTable>;

export function searchText(
  r: Pick<
    Referral,
    'givenName' | 'familyName' | 'preferredName' | 'niNumber' | 'address' | 'referralId'
  >,
): string {
  const pc = r.address.postcode;
  return [
    r.givenName,
    r.familyName,
    r.preferredName ?? '',
    r.niNumber,
    pc.replace(/\s/g, ''),
    pc,
    r.referralId,
  ]
    .join(' ')
    .toLowerCase();
}

export function referralColumns(r: Referral) {
  return {
    referral_id: r.referralId,
    given_name: r.givenName,
    family_name: r.familyName,
    preferred_name: r.preferredName ?? null,
    date_of_birth: r.dateOfBirth,
    ni_number: r.niNumber,
    address_line1: r.address.line1,
    address_line2: r.address.line2 ?? null,
    town: r.address.town,
    county: r.address.county ?? null,
    postcode: r.address.postcode,
    phone: r.phone ?? null,
    email: r.email ?? null,
    referral_date: r.referralDate,
    jobcentre_office: r.jobcentreOffice,
    benefit: r.benefit,
    programme: r.programme,
    charter_profile: r.charterProfile,
    nation: r.nation,
    contact_channel: r.contactChannel,
    language: r.language,
    interpreter_needed: r.interpreterNeeded ? 1 : 0,
    adjustments: r.adjustments,
    accessible_formats: JSON.stringify(r.accessibleFormats),
    search_text: searchText(r),
  };
}

export function toParticipant(row: Row): Participant {
  return {
    id: row.id,
    referralId: row.referral_id,
    givenName: row.given_name,
    familyName: row.family_name,
    preferredName: row.preferred_name ?? undefined,
    dateOfBirth: row.date_of_birth,
    niNumber: row.ni_number,
    address: {
      line1: row.address_line1,
      line2: row.address_line2 ?? undefined,
      town: row.town,
      county: row.county ?? undefined,
      postcode: row.postcode,
    },
    phone: row.phone ?? undefined,
    email: row.email ?? undefined,
    referralDate: row.referral_date,
    jobcentreOffice: row.jobcentre_office,
    benefit: row.benefit as Participant['benefit'],
    programme: row.programme as Programme,
    charterProfile: row.charter_profile,
    nation: row.nation as Nation,
    contactChannel: row.contact_channel as Participant['contactChannel'],
    language: row.language,
    interpreterNeeded: row.interpreter_needed === 1,
    adjustments: row.adjustments,
    accessibleFormats: JSON.parse(row.accessible_formats) as Participant['accessibleFormats'],
    status: row.status as ParticipantStatus,
    exitReason: row.exit_reason as ExitReason | null,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export const findParticipant = (db: Kysely<Database>, id: string) =>
  db.selectFrom('participants').selectAll().where('id', '=', id).executeTakeFirst();

export const findByReferralId = (db: Kysely<Database>, referralId: string) =>
  db
    .selectFrom('participants')
    .select(['id'])
    .where('referral_id', '=', referralId)
    .executeTakeFirst();

/** The start on the programme: the first move to 'started' (status events carry it), or null. */
export async function programmeStartDate(
  db: Kysely<Database>,
  participantId: string,
): Promise<string | null> {
  const started = await db
    .selectFrom('participant_events')
    .select('date')
    .where('participant_id', '=', participantId)
    .where('kind', '=', 'status')
    .where('data', 'like', '%"to":"started"%')
    .orderBy('date')
    .limit(1)
    .executeTakeFirst();
  return started?.date ?? null;
}
