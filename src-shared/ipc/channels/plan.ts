/**
 * The plan over IPC. There is deliberately no channel that takes a plan version's id and
 * changes anything: an agreed version can only be read; a review starts a new draft.
 */
import { z } from 'zod';
import { channel, returns } from '../define';
import {
  agreementSchema,
  healthDecisionSchema,
  planContentSchema,
  supportReferralSchema,
  type HealthDecision,
  type PlanDraft,
  type PlanVersion,
  type PlanView,
  type SupportReferral,
} from '../../schemas/plan';
import type { PlanChange } from '../../domain/plan-diff';

const participantId = z.string().uuid('Not a participant id');
const revision = z.number().int().min(1);

export interface PlanVersionDetail extends PlanVersion {
  previousNumber: number | null;
  changes: PlanChange[];
}

export const planChannels = {
  'plan:get': channel(z.object({ participantId }).strict(), returns<PlanView>()),
  'plan:saveDraft': channel(
    z
      .object({ participantId, expectedRevision: revision.nullable(), content: planContentSchema })
      .strict(),
    returns<PlanDraft>(),
  ),
  'plan:startReview': channel(z.object({ participantId }).strict(), returns<PlanDraft>()),
  'plan:discardDraft': channel(
    z.object({ participantId, expectedRevision: revision }).strict(),
    returns<null>(),
  ),
  'plan:agree': channel(
    z.object({ participantId, expectedRevision: revision, agreement: agreementSchema }).strict(),
    returns<PlanVersion>(),
  ),
  'plan:version': channel(
    z.object({ versionId: z.string().uuid('Not a plan version id') }).strict(),
    returns<PlanVersionDetail>(),
  ),
  'plan:saveReferral': channel(
    z
      .object({
        participantId,
        existing: z
          .object({ id: z.string().uuid('Not a referral id'), expectedVersion: revision })
          .strict()
          .optional(),
        referral: supportReferralSchema,
      })
      .strict(),
    returns<SupportReferral>(),
  ),
  'plan:healthDecision': channel(
    z.object({ participantId, decision: healthDecisionSchema }).strict(),
    returns<HealthDecision>(),
  ),
};
