/** One participant's record: create, read, update, status and timeline. */
import { z } from 'zod';
import { channel, returns } from '../define';
import {
  referralSchema,
  statusChangeSchema,
  type Participant,
  type TimelineEvent,
} from '../../schemas/participant';

const id = z.object({ id: z.string().uuid('Not a participant id') }).strict();

export const participantChannels = {
  'participant:create': channel(referralSchema, returns<{ id: string }>()),
  'participant:get': channel(id, returns<Participant>()),
  'participant:update': channel(
    z
      .object({
        id: z.string().uuid(),
        expectedVersion: z.number().int().min(1),
        referral: referralSchema,
      })
      .strict(),
    returns<Participant>(),
  ),
  'participant:setStatus': channel(statusChangeSchema, returns<Participant>()),
  'participant:timeline': channel(id, returns<TimelineEvent[]>()),
};
