/**
 * Plan versions, drafts, support referrals and health decisions ↔ domain objects, and their
 * queries. Functions take the db (or a transaction) first. Agreed versions are only ever
 * inserted: the database refuses an UPDATE or DELETE of one.
 */
import type { Insertable, Kysely, Selectable } from 'kysely';
import type {
  Database,
  HealthDecisionTable,
  PlanDraftTable,
  PlanVersionTable,
  SupportReferralTable,
} from '../schema';
import { notFound } from '../../errors';
import {
  planContentSchema,
  type AgreementMethod,
  type HealthDecision,
  type PlanContent,
  type PlanDraft,
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

export function toDraft(r: Selectable<PlanDraftTable>): PlanDraft {
  return {
    content: readPlanContent(r.content),
    revision: r.revision,
    savedAt: r.saved_at,
    savedBy: r.saved_by,
    baseVersionId: r.base_version_id,
  };
}

export function toHealthDecision(r: Selectable<HealthDecisionTable>): HealthDecision {
  return {
    id: r.id,
    needNotedOn: r.need_noted_on,
    decision: r.decision as HealthDecision['decision'],
    decidedOn: r.decided_on,
    reason: r.reason,
    recordedBy: r.recorded_by,
  };
}

export const findDraft = (db: Kysely<Database>, participantId: string) =>
  db
    .selectFrom('plan_drafts')
    .selectAll()
    .where('participant_id', '=', participantId)
    .executeTakeFirst();

/** Writes the participant's one draft: a new row, or over the one there. */
export async function writeDraft(
  db: Kysely<Database>,
  row: Insertable<PlanDraftTable>,
  exists: boolean,
): Promise<void> {
  if (exists)
    await db
      .updateTable('plan_drafts')
      .set(row)
      .where('participant_id', '=', row.participant_id)
      .execute();
  else await db.insertInto('plan_drafts').values(row).execute();
}

export async function deleteDraft(db: Kysely<Database>, participantId: string): Promise<void> {
  await db.deleteFrom('plan_drafts').where('participant_id', '=', participantId).execute();
}

/** Every agreed version, first to last. */
export const versionsOf = (db: Kysely<Database>, participantId: string) =>
  db
    .selectFrom('plan_versions')
    .selectAll()
    .where('participant_id', '=', participantId)
    .orderBy('number')
    .execute();

export const latestVersion = (db: Kysely<Database>, participantId: string) =>
  db
    .selectFrom('plan_versions')
    .selectAll()
    .where('participant_id', '=', participantId)
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();

export const findVersion = (db: Kysely<Database>, id: string) =>
  db.selectFrom('plan_versions').selectAll().where('id', '=', id).executeTakeFirst();

export async function insertVersion(
  db: Kysely<Database>,
  row: Insertable<PlanVersionTable>,
): Promise<void> {
  await db.insertInto('plan_versions').values(row).execute();
}

export const referralsOf = (db: Kysely<Database>, participantId: string) =>
  db
    .selectFrom('support_referrals')
    .selectAll()
    .where('participant_id', '=', participantId)
    .orderBy('created_at')
    .execute();

export const findReferral = (db: Kysely<Database>, id: string, participantId: string) =>
  db
    .selectFrom('support_referrals')
    .selectAll()
    .where('id', '=', id)
    .where('participant_id', '=', participantId)
    .executeTakeFirst();

export async function writeReferral(
  db: Kysely<Database>,
  row: Selectable<SupportReferralTable>,
  exists: boolean,
): Promise<void> {
  if (exists) await db.updateTable('support_referrals').set(row).where('id', '=', row.id).execute();
  else await db.insertInto('support_referrals').values(row).execute();
}

export const healthDecisionsOf = (db: Kysely<Database>, participantId: string) =>
  db
    .selectFrom('health_decisions')
    .selectAll()
    .where('participant_id', '=', participantId)
    .orderBy('decided_on')
    .execute();

export async function insertHealthDecision(
  db: Kysely<Database>,
  row: Insertable<HealthDecisionTable>,
): Promise<void> {
  await db.insertInto('health_decisions').values(row).execute();
}

/** Whether a health-related need has been noted (the first 'health-need' event starts R9). */
export async function healthNeedNoted(
  db: Kysely<Database>,
  participantId: string,
): Promise<boolean> {
  const known = await db
    .selectFrom('participant_events')
    .select('id')
    .where('participant_id', '=', participantId)
    .where('kind', '=', 'health-need')
    .limit(1)
    .executeTakeFirst();
  return known !== undefined;
}
