/**
 * Retention and erasure, for managers: the records past their retention period, anonymise or
 * delete them in bulk, legal holds, and erasure on request (UK GDPR Art. 17) where the law
 * allows it, with a manager's recorded override where it does not.
 */
import { z } from 'zod';
import { channel, returns } from '../define';
import { civilDate } from '../../schemas/participant';

export interface RetentionItem {
  participantId: string;
  name: string;
  referralId: string;
  programme: string;
  exitDate: string;
  retentionEndsOn: string;
  /** 'YYYY-MM-DD' it was anonymised, or null. */
  anonymisedOn: string | null;
}

export interface LegalHoldView {
  id: string;
  participantId: string;
  participantName: string;
  reason: string;
  placedBy: string;
  /** ISO instant. */
  placedAt: string;
}

/** Whether an erasure request can be met now; if not, why (and whether a manager may override). */
export interface ErasureCheck {
  allowed: boolean;
  overridable: boolean;
  reasons: string[];
}

export interface ParticipantRetention {
  participantId: string;
  exitDate: string | null;
  retentionEndsOn: string | null;
  retentionSource: string;
  pastRetention: boolean;
  anonymisedOn: string | null;
  hold: LegalHoldView | null;
  erasure: ErasureCheck;
}

export const RETENTION_ACTIONS = ['anonymise', 'delete'] as const;
export type RetentionAction = (typeof RETENTION_ACTIONS)[number];

/** UK GDPR Art. 17(1): the grounds on which a person may ask for erasure. */
export const ERASURE_GROUNDS = [
  'no-longer-necessary',
  'consent-withdrawn',
  'objection',
  'unlawfully-processed',
  'legal-obligation',
] as const;
export type ErasureGround = (typeof ERASURE_GROUNDS)[number];

const participantId = z.string().uuid('Not a participant id');
const reason = (what: string) =>
  z.string().trim().min(1, `Enter ${what}`).max(500, `Keep ${what} to 500 characters`);

const erasureRequestSchema = z
  .object({
    participantId,
    requestedOn: civilDate,
    ground: z.enum(ERASURE_GROUNDS, { message: 'Choose the ground the person gave' }),
    /** A manager's reason for erasing although the law would let the records be kept. */
    overrideReason: reason('the reason for overriding').optional(),
  })
  .strict();
export type ErasureRequest = z.output<typeof erasureRequestSchema>;

export const retentionChannels = {
  /** Exited participants past their retention period, not under a legal hold. */
  'retention:list': channel(z.object({}).strict(), returns<RetentionItem[]>()),
  /** Legal holds in force. */
  'retention:holds': channel(z.object({}).strict(), returns<LegalHoldView[]>()),
  /** One participant's retention, hold and whether erasure on request could be met now. */
  'retention:participant': channel(
    z.object({ participantId }).strict(),
    returns<ParticipantRetention>(),
  ),
  'retention:placeHold': channel(
    z.object({ participantId, reason: reason('the reason for the hold') }).strict(),
    returns<LegalHoldView>(),
  ),
  'retention:liftHold': channel(
    z
      .object({
        holdId: z.string().uuid('Not a legal hold id'),
        reason: reason('the reason for lifting the hold'),
      })
      .strict(),
    returns<{ lifted: true }>(),
  ),
  /** Anonymise or delete the chosen records, all or none. */
  'retention:apply': channel(
    z
      .object({
        action: z.enum(RETENTION_ACTIONS, { message: 'Choose anonymise or delete' }),
        participantIds: z
          .array(participantId)
          .min(1, 'Choose at least one record')
          .max(5000, 'Choose at most 5,000 records at a time'),
      })
      .strict(),
    returns<{ count: number }>(),
  ),
  'retention:eraseOnRequest': channel(erasureRequestSchema, returns<{ count: number }>()),
};
