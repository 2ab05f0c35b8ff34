import type { ObligationStatus } from '@shared/domain/charter/obligation';

/** An obligation's status in the words the report's figures use. */
export const STATUS_WORDS: Record<ObligationStatus, string> = {
  met: 'kept on time',
  'met-late': 'kept late',
  missed: 'missed',
  pending: 'still open',
};
