/** Words the adviser reads for the meeting logger's values. */
import type { ContactOutcome, LoggedOutcome } from '@shared/schemas/meeting';
import type { TravelMode, ClaimStatus } from '@shared/domain/travel-claims';
import type { LifeEventKind } from '@shared/schemas/timeline-events';

export const OUTCOME_LABELS: Record<LoggedOutcome, string> = {
  attended: 'Attended',
  dna: 'Did not attend',
  'cancelled-by-participant': 'Cancelled by the participant',
  'cancelled-by-provider': 'Cancelled by us',
};

export { CHANNEL_LABELS } from '@shared/wording/labels';

export const CONTACT_OUTCOME_LABELS: Record<ContactOutcome, string> = {
  spoke: 'Spoke to them',
  'left-message': 'Left a message',
  'no-answer': 'No answer',
  'message-sent': 'Message sent',
  'letter-sent': 'Letter sent',
};

export const MODE_LABELS: Record<TravelMode, string> = {
  bus: 'Bus',
  train: 'Train',
  tram: 'Tram',
  taxi: 'Taxi',
  car: 'Car (mileage)',
  bicycle: 'Bicycle',
  other: 'Other',
};

export const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = {
  claimed: 'Claimed',
  approved: 'Approved',
  paid: 'Paid',
  rejected: 'Rejected',
};

export const LIFE_EVENT_LABELS: Record<LifeEventKind, string> = {
  'job-start': 'Started a job',
  'job-end': 'Left a job',
  'hours-change': 'Working hours changed',
  'change-of-circumstances': 'Change of circumstances',
  'moved-house': 'Moved house',
};

export const FOLLOW_UP_LABELS = {
  pending: 'Follow-up needed',
  missed: 'Follow-up overdue',
  met: 'Followed up',
  'met-late': 'Followed up late',
} as const;
