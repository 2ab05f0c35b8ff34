/**
 * The participant's plan: an autosaved draft, agreed versions that never change (the service
 * refuses, and a trigger in the database aborts any UPDATE or DELETE), reviews that start a new
 * draft from the last version, support referrals (R10) and occupational-health decisions (R9).
 * Agreeing writes the 'ppep-agreed' timeline event R5 and R7 are computed from.
 */
import { v7 as uuidv7 } from 'uuid';
import type { Selectable } from 'kysely';
import type { SupportReferralTable } from '../../db/schema';
import {
  deleteDraft,
  findDraft,
  findReferral,
  findVersion,
  healthDecisionsOf,
  healthNeedNoted,
  insertHealthDecision,
  insertVersion,
  latestVersion,
  readPlanContent,
  referralsOf,
  requireParticipant,
  toDraft,
  toHealthDecision,
  toReferral,
  toVersion,
  versionsOf,
  writeDraft,
  writeReferral,
} from '../../db/repositories/plans';
import { AppError, notFound } from '../../errors';
import type { Writer, WritePath } from '../../write-path/write-path';
import { addTimelineEvent } from '../caseload/participants';
import { participantCharter } from '../obligations/participant-obligations';
import { governingProfileOf } from '../obligations/charter-profiles';
import { londonDate } from '@shared/domain/identity/civil-date';
import { AGREEMENT_METHOD_PHRASES, SUPPORT_SERVICE_LABELS } from '@shared/wording/labels';
import { diffPlans, type PlanChange } from '@shared/domain/plan-diff';
import {
  EMPTY_PLAN,
  agreementProblems,
  tidyPlan,
  type healthDecisionSchema,
  type supportReferralSchema,
  type Agreement,
  type HealthDecision,
  type PlanContent,
  type PlanDraft,
  type PlanVersion,
  type PlanView,
  type SupportReferral,
} from '@shared/schemas/plan';
import type { z } from 'zod';

const staleDraft = () =>
  new AppError(
    'conflict',
    'The plan was saved from another window since you opened it. Reload to see the latest draft.',
  );

export interface PlanVersionWithChanges extends PlanVersion {
  previousNumber: number | null;
  /** What changed since the version before (empty for the first plan). */
  changes: PlanChange[];
}

export class PlanService {
  constructor(private readonly wp: WritePath) {}

  private today(): string {
    return londonDate(this.wp.now());
  }

  async view(participantId: string): Promise<PlanView> {
    const db = this.wp.db;
    const charter = await participantCharter(db, participantId, this.today());
    const { profile } = charter.profile;
    const { obligations } = charter;
    const [draft, versions, referrals, health] = await Promise.all([
      findDraft(db, participantId),
      versionsOf(db, participantId),
      referralsOf(db, participantId),
      healthDecisionsOf(db, participantId),
    ]);
    await this.wp.auditRead('plan', participantId);
    const latest = versions.at(-1);
    const nextReview =
      obligations
        .filter((o) => o.rule === 'R7' && (o.status === 'pending' || o.status === 'missed'))
        .map((o) => o.due)
        .sort()[0] ?? null;
    return {
      participantId,
      planName: profile.planName,
      planNameLong: profile.planNameLong,
      draft: draft ? toDraft(draft) : null,
      versions: versions.map((v) => {
        const { id, number, agreedOn, method, adviserName, recordedAt } = toVersion(v);
        return { id, number, agreedOn, method, adviserName, recordedAt };
      }),
      latest: latest ? toVersion(latest) : null,
      nextReview,
      referrals: referrals.map(toReferral),
      healthDecisions: health.map(toHealthDecision),
    };
  }

  /**
   * Autosave: writes the whole draft (`content` passed `planContentSchema` at the boundary).
   * `expectedRevision` null means "there is no draft yet".
   */
  saveDraft(
    participantId: string,
    content: PlanContent,
    expectedRevision: number | null,
  ): Promise<PlanDraft> {
    return this.wp.transaction(async (w) => {
      await requireParticipant(w.trx, participantId);
      const before = await findDraft(w.trx, participantId);
      if ((before?.revision ?? null) !== expectedRevision) throw staleDraft();
      const row = {
        participant_id: participantId,
        content: JSON.stringify(content),
        revision: (before?.revision ?? 0) + 1,
        base_version_id: before
          ? before.base_version_id
          : ((await latestVersion(w.trx, participantId))?.id ?? null),
        saved_at: w.now.toISOString(),
        saved_by: w.actor.name,
      };
      await writeDraft(w.trx, row, before !== undefined);
      await w.record({
        entityType: 'plan_draft',
        entityId: participantId,
        op: before ? 'update' : 'insert',
        payload: row,
        action: 'plan.draft.save',
        detail: { participantId, revision: row.revision },
      });
      return {
        content: JSON.parse(row.content) as PlanContent,
        revision: row.revision,
        savedAt: row.saved_at,
        savedBy: row.saved_by,
        baseVersionId: row.base_version_id,
      };
    });
  }

  /** A review starts a draft from the last agreed version (or returns the draft already open). */
  startReview(participantId: string): Promise<PlanDraft> {
    return this.wp.transaction(async (w) => {
      await requireParticipant(w.trx, participantId);
      const open = await findDraft(w.trx, participantId);
      if (open) return toDraft(open);
      const latest = await latestVersion(w.trx, participantId);
      const row = {
        participant_id: participantId,
        content: latest?.content ?? JSON.stringify(EMPTY_PLAN),
        revision: 1,
        base_version_id: latest?.id ?? null,
        saved_at: w.now.toISOString(),
        saved_by: w.actor.name,
      };
      await writeDraft(w.trx, row, false);
      await w.record({
        entityType: 'plan_draft',
        entityId: participantId,
        op: 'insert',
        payload: row,
        action: latest ? 'plan.review.start' : 'plan.draft.start',
        detail: { participantId, baseVersionId: row.base_version_id },
      });
      return {
        content: JSON.parse(row.content) as PlanContent,
        revision: 1,
        savedAt: row.saved_at,
        savedBy: row.saved_by,
        baseVersionId: row.base_version_id,
      };
    });
  }

  discardDraft(participantId: string, expectedRevision: number): Promise<void> {
    return this.wp.transaction(async (w) => {
      const before = await findDraft(w.trx, participantId);
      if (!before) throw notFound('That draft');
      if (before.revision !== expectedRevision) throw staleDraft();
      await deleteDraft(w.trx, participantId);
      await w.record({
        entityType: 'plan_draft',
        entityId: participantId,
        op: 'delete',
        payload: { participant_id: participantId },
        action: 'plan.draft.discard',
        detail: { participantId },
      });
    });
  }

  /** The draft becomes the next agreed version; the draft is gone and the version is final. */
  agree(
    participantId: string,
    expectedRevision: number,
    agreement: Agreement,
  ): Promise<PlanVersion> {
    return this.wp.transaction(async (w) => {
      const p = await requireParticipant(w.trx, participantId);
      const draft = await findDraft(w.trx, participantId);
      if (!draft) throw new AppError('not-found', 'There is no draft plan to agree');
      if (draft.revision !== expectedRevision) throw staleDraft();
      const today = londonDate(w.now);
      if (agreement.agreedOn > today)
        throw new AppError(
          'invalid-input',
          'The agreement date cannot be in the future',
          'agreedOn',
        );
      if (agreement.agreedOn < p.referral_date)
        throw new AppError(
          'invalid-input',
          'The agreement date cannot be before the referral date',
          'agreedOn',
        );
      const content = tidyPlan(readPlanContent(draft.content));
      const problem = agreementProblems(content)[0];
      if (problem) throw new AppError('invalid-input', problem.message, problem.field);
      const previous = await latestVersion(w.trx, participantId);
      if (previous && agreement.agreedOn < previous.agreed_on)
        throw new AppError(
          'invalid-input',
          'A review cannot be agreed before the version it reviews',
          'agreedOn',
        );
      const row = {
        id: uuidv7(),
        participant_id: participantId,
        number: (previous?.number ?? 0) + 1,
        content: JSON.stringify(content),
        agreed_on: agreement.agreedOn,
        method: agreement.method,
        adviser_id: w.actor.id,
        adviser_name: w.actor.name,
        previous_version_id: previous?.id ?? null,
        recorded_at: w.now.toISOString(),
      };
      await insertVersion(w.trx, row);
      await deleteDraft(w.trx, participantId);
      await w.record({
        entityType: 'plan_version',
        entityId: row.id,
        op: 'insert',
        payload: row,
        action: 'plan.agree',
        detail: { participantId, number: row.number },
      });
      const planName = (await governingProfileOf(w.trx, participantId, agreement.agreedOn)).profile
        .planName;
      await addTimelineEvent(w, {
        participantId,
        kind: 'ppep-agreed',
        date: agreement.agreedOn,
        summary: `${planName} ${previous ? `review (version ${row.number})` : 'version 1'} agreed ${AGREEMENT_METHOD_PHRASES[agreement.method]} with ${w.actor.name}`,
        data: { versionId: row.id, number: row.number, method: agreement.method },
      });
      if (content.barriers.some((b) => b.healthRelated))
        await this.noteHealthNeed(w, participantId, agreement.agreedOn);
      return toVersion(row);
    });
  }

  /** A health-related need starts the R9 clock once: the first 'health-need' event dates it. */
  private async noteHealthNeed(w: Writer, participantId: string, date: string): Promise<void> {
    if (await healthNeedNoted(w.trx, participantId)) return;
    await addTimelineEvent(w, {
      participantId,
      kind: 'health-need',
      date,
      summary:
        'Health-related need recorded in the plan: an occupational health referral decision is needed',
      data: { ohReferral: null, decidedNoReferral: null },
    });
  }

  async version(versionId: string): Promise<PlanVersionWithChanges> {
    const row = await findVersion(this.wp.db, versionId);
    if (!row) throw notFound('That plan version');
    const version = toVersion(row);
    const previous = version.previousVersionId
      ? await findVersion(this.wp.db, version.previousVersionId)
      : undefined;
    await this.wp.auditRead('plan', version.participantId, { versionId });
    return {
      ...version,
      previousNumber: previous?.number ?? null,
      changes: previous ? diffPlans(toVersion(previous).content, version.content) : [],
    };
  }

  async saveReferral(
    participantId: string,
    r: z.output<typeof supportReferralSchema>,
    existing?: { id: string; expectedVersion: number },
  ): Promise<SupportReferral> {
    return this.wp.transaction(async (w) => {
      await requireParticipant(w.trx, participantId);
      const at = w.now.toISOString();
      let row: Selectable<SupportReferralTable>;
      if (existing) {
        const before = await findReferral(w.trx, existing.id, participantId);
        if (!before) throw notFound('That referral');
        if (before.version !== existing.expectedVersion)
          throw new AppError(
            'conflict',
            'The referral was changed elsewhere. Reload it and try again.',
          );
        row = {
          ...before,
          service: r.service,
          detail: r.detail,
          status: r.status,
          outcome: r.outcome,
          referred_on: r.referredOn,
          version: before.version + 1,
          updated_at: at,
        };
        await writeReferral(w.trx, row, true);
      } else {
        row = {
          id: uuidv7(),
          participant_id: participantId,
          service: r.service,
          detail: r.detail,
          status: r.status,
          outcome: r.outcome,
          referred_on: r.referredOn,
          version: 1,
          created_at: at,
          updated_at: at,
        };
        await writeReferral(w.trx, row, false);
      }
      await w.record({
        entityType: 'support_referral',
        entityId: row.id,
        op: existing ? 'update' : 'insert',
        payload: row,
        action: existing ? 'support-referral.update' : 'support-referral.create',
        detail: { participantId, service: r.service, status: r.status },
      });
      await addTimelineEvent(w, {
        participantId,
        kind: 'support-referral',
        date: r.referredOn ?? londonDate(w.now),
        summary: `${SUPPORT_SERVICE_LABELS[r.service]}: ${r.status.replace('-', ' ')}${r.outcome ? `. Outcome: ${r.outcome}` : ''}`,
        data: { referralId: row.id, service: r.service, status: r.status },
      });
      return toReferral(row);
    });
  }

  /** R9: the adviser's decision on an occupational-health referral for a health-related need. */
  async recordHealthDecision(
    participantId: string,
    d: z.output<typeof healthDecisionSchema>,
  ): Promise<HealthDecision> {
    return this.wp.transaction(async (w) => {
      const p = await requireParticipant(w.trx, participantId);
      if (d.needNotedOn < p.referral_date)
        throw new AppError(
          'invalid-input',
          'The need cannot be noted before the referral',
          'needNotedOn',
        );
      if (d.decidedOn > londonDate(w.now))
        throw new AppError(
          'invalid-input',
          'The decision date cannot be in the future',
          'decidedOn',
        );
      const row = {
        id: uuidv7(),
        participant_id: participantId,
        need_noted_on: d.needNotedOn,
        decision: d.decision,
        decided_on: d.decidedOn,
        reason: d.reason,
        recorded_at: w.now.toISOString(),
        recorded_by: w.actor.name,
      };
      await insertHealthDecision(w.trx, row);
      await w.record({
        entityType: 'health_decision',
        entityId: row.id,
        op: 'insert',
        payload: row,
        action: 'health-decision.record',
        detail: { participantId, decision: d.decision },
      });
      await addTimelineEvent(w, {
        participantId,
        kind: 'health-need',
        date: d.needNotedOn,
        summary:
          d.decision === 'refer'
            ? `Referred for an occupational health assessment on ${d.decidedOn}`
            : `Decided on ${d.decidedOn} that an occupational health referral is not needed`,
        data: {
          ohReferral: d.decision === 'refer' ? d.decidedOn : null,
          decidedNoReferral: d.decision === 'no-referral' ? d.decidedOn : null,
          decisionId: row.id,
        },
      });
      return toHealthDecision(row);
    });
  }
}
