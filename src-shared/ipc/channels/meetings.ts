/** The meeting logger, missed-appointment follow-up, travel claims and life events over IPC. */
import { z } from 'zod';
import { channel, returns } from '../define';
import {
  claimStatusChangeSchema,
  contactAttemptSchema,
  lifeEventSchema,
  logMeetingSchema,
  missedDecisionSchema,
  travelClaimSchema,
  type ContactAttempt,
  type LifeEvent,
  type MeetingsOverview,
  type MissedDecision,
  type TravelClaim,
} from '../../schemas/meeting';
import type { Appointment } from '../../schemas/diary';

const participantId = z.string().uuid('Not a participant id');

export const meetingChannels = {
  'meetings:overview': channel(z.object({ participantId }).strict(), returns<MeetingsOverview>()),
  'meetings:log': channel(
    logMeetingSchema,
    returns<{ appointment: Appointment; next: Appointment | null }>(),
  ),
  'meetings:decide': channel(missedDecisionSchema, returns<MissedDecision>()),
  'meetings:contact': channel(contactAttemptSchema, returns<ContactAttempt>()),
  'meetings:claimTravel': channel(travelClaimSchema, returns<TravelClaim>()),
  'meetings:claimStatus': channel(claimStatusChangeSchema, returns<TravelClaim>()),
  'meetings:lifeEvent': channel(lifeEventSchema, returns<LifeEvent>()),
};
