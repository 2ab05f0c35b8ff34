/**
 * Status corrections, the R6 in-person exemption and the R13 exit review with its hand-back
 * summary for Jobcentre Plus (src-main/services/status-work/).
 */
import { z } from 'zod';
import { channel, returns } from '../define';
import type { Participant } from '../../schemas/participant';
import {
  exitReviewSchema,
  inPersonExemptionSchema,
  statusCorrectionSchema,
  type ExitReview,
  type InPersonExemption,
} from '../../schemas/status-work';
import { DESKTOP_ACTIONS, type DesktopOutcome } from './desktop';

const participantId = z.string().uuid('Not a participant id');
const ofParticipant = z.object({ participantId }).strict();

export const statusWorkChannels = {
  'status:correct': channel(statusCorrectionSchema, returns<Participant>()),
  'exemption:list': channel(ofParticipant, returns<InPersonExemption[]>()),
  'exemption:record': channel(inPersonExemptionSchema, returns<InPersonExemption>()),
  'exitReview:list': channel(ofParticipant, returns<ExitReview[]>()),
  'exitReview:record': channel(
    exitReviewSchema,
    returns<{ review: ExitReview; participant: Participant }>(),
  ),
  'exitReview:handBack': channel(
    z
      .object({
        participantId,
        reviewId: z.string().uuid('Not an exit review id'),
        action: z.enum(DESKTOP_ACTIONS, { message: 'Choose print, open or save' }),
      })
      .strict(),
    returns<DesktopOutcome>(),
  ),
};
