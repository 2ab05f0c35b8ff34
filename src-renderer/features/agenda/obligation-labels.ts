/** Words and tag colours for obligation statuses and agenda urgency. */
import type { ObligationStatus } from '@shared/domain/charter/obligation';
import type { Urgency } from '@shared/ipc/channels/agenda';
import type { ShownObligation } from '@shared/ipc/channels/obligations';

export const STATUS_WORDS: Record<ObligationStatus, string> = {
  pending: 'Pending',
  met: 'Met',
  'met-late': 'Met late',
  missed: 'Missed',
};

export const STATUS_TAG: Record<ObligationStatus, string> = {
  pending: 'blue',
  met: 'green',
  'met-late': 'orange',
  missed: 'red',
};

export const URGENCY_WORDS: Record<Urgency, string> = {
  overdue: 'Overdue',
  'at-risk': 'At risk',
  due: 'Due',
};

export const URGENCY_TAG: Record<Urgency, string> = {
  overdue: 'red',
  'at-risk': 'orange',
  due: 'blue',
};

/** 'R6 (March 2027): 1 of 2 meetings held' style detail, where the rule has one. */
export function obligationDetail(o: ShownObligation): string | null {
  if (o.required !== undefined) return `${o.held ?? 0} of ${o.required} meetings held`;
  return null;
}
