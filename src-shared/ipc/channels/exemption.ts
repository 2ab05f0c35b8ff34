/** The R6 in-person exemption: its reason and dates (src-main/services/status-work/). */
import { z } from 'zod';
import { channel, returns } from '../define';
import { inPersonExemptionSchema, type InPersonExemption } from '../../schemas/status-work';

const ofParticipant = z.object({ participantId: z.string().uuid('Not a participant id') }).strict();

export const exemptionChannels = {
  'exemption:list': channel(ofParticipant, returns<InPersonExemption[]>()),
  'exemption:record': channel(inPersonExemptionSchema, returns<InPersonExemption>()),
};
