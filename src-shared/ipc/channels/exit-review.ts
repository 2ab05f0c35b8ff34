/**
 * The R13 exit review as a record, and its hand-back summary for Jobcentre Plus
 * (src-main/services/status-work/).
 */
import { z } from 'zod';
import { channel, returns } from '../define';
import type { Participant } from '../../schemas/participant';
import { exitReviewSchema, type ExitReview } from '../../schemas/status-work';
import { DESKTOP_ACTIONS, type DesktopOutcome } from './desktop';

const participantId = z.string().uuid('Not a participant id');

export const exitReviewChannels = {
  'exitReview:list': channel(z.object({ participantId }).strict(), returns<ExitReview[]>()),
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
