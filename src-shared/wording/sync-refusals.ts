/**
 * Why the service refused a change (a quarantined change's code) and what the adviser can do,
 * in plain English. One table for every screen that shows a refused change.
 */
export interface RefusalWords {
  reason: string;
  action: string;
}

const KEPT = 'The change is kept on this computer.';

export const REFUSAL_WORDS: Readonly<Record<string, RefusalWords>> = {
  out_of_scope: {
    reason: 'The service says this participant is no longer on your caseload.',
    action: `${KEPT} Ask your manager who the participant is allocated to. If they should still be yours, your manager can allocate them back to you, then make the change again.`,
  },
  not_found: {
    reason: 'The record was deleted on the service before this change reached it.',
    action: `${KEPT} If the change is still needed, record it again.`,
  },
  invalid: {
    reason: 'The service could not accept the change as it was recorded.',
    action: `${KEPT} Check the details and make the change again. If it is refused again, tell your manager.`,
  },
  unknown_entity: {
    reason: 'The service does not yet accept this kind of record.',
    action: `${KEPT} Tell your manager: it can be sent once the service is updated.`,
  },
  forbidden: {
    reason: 'Your account may not make this change on the service.',
    action: `${KEPT} Ask your manager.`,
  },
};

export const refusalWords = (code: string): RefusalWords =>
  REFUSAL_WORDS[code] ?? {
    reason: 'The service did not accept this change.',
    action: `${KEPT} Tell your manager.`,
  };

/**
 * Why a participant who has left this caseload is still on this computer (pull.ts holds them for
 * the adviser's refused or unsent changes), and what ends it. Keyed by the service's removal
 * reason.
 */
const HELD_WORDS: Readonly<Record<string, string>> = {
  reallocated:
    'This participant has been allocated to another adviser, so the service no longer sends their records here. They are kept on this computer only because of your changes the service refused, so that nothing you recorded is lost. Copy anything you still need to the participant’s new adviser or your manager, then discard the refused changes and the participant will be removed from this computer.',
};

export const heldWords = (reason: string): string =>
  HELD_WORDS[reason] ??
  'This participant is no longer on your caseload. They are kept on this computer only because of your changes the service refused. Once you have dealt with them, discard the refused changes and the participant will be removed from this computer.';
