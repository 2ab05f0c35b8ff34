/**
 * Plan versions, drafts and support referrals ↔ domain objects. Functions take the db (or a
 * transaction) first.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Database, PlanVersionTable, SupportReferralTable } from '../schema';
import { notFound } from '../../errors';
import {
  planContentSchema,
  type AgreementMethod,
  type PlanContent,
  type PlanVersion,
  type SupportReferral,
} from '@shared/schemas/plan';

/**
 * A stored plan's content. Parsed, not cast: a plan saved by an older version gets the fields
 * added since with their defaults.
 */
export const readPlanContent = (json: string): PlanContent =>
  planContentSchema.parse(JSON.parse(json));

export function toVersion(r: Selectable<PlanVersionTable>): PlanVersion {
  return {
    id: r.id,
    participantId: r.participant_id,
    number: r.number,
    agreedOn: r.agreed_on,
    method: r.method as AgreementMethod,
    adviserName: r.adviser_name,
    recordedAt: r.recorded_at,
    previousVersionId: r.previous_version_id,
    content: readPlanContent(r.content),
  };
}

export function toReferral(r: Selectable<SupportReferralTable>): SupportReferral {
  return {
    id: r.id,
    participantId: r.participant_id,
    service: r.service as SupportReferral['service'],
    detail: r.detail,
    status: r.status as SupportReferral['status'],
    outcome: r.outcome,
    referredOn: r.referred_on,
    version: r.version,
    updatedAt: r.updated_at,
  };
}

/** The participant facts a plan needs; a missing participant is "not found". */
export async function requireParticipant(db: Kysely<Database>, id: string) {
  const row = await db
    .selectFrom('participants')
    .select(['id', 'referral_date', 'charter_profile', 'programme', 'status'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('That participant');
  return row;
}
