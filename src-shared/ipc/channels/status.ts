/** Correcting a participant's status by hand, with a reason (src-main/services/status-work/). */
import { channel, returns } from '../define';
import type { Participant } from '../../schemas/participant';
import { statusCorrectionSchema } from '../../schemas/status-work';

export const statusChannels = {
  'status:correct': channel(statusCorrectionSchema, returns<Participant>()),
};
