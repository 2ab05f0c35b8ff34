/**
 * Travel claims (charter R12): reasonable costs to and from meetings. A claim is made, then
 * approved and paid, or rejected with a reason. Paid and rejected are final: money that has left
 * cannot be "unpaid" here, and a rejected claim is corrected by making a new one.
 */
export const TRAVEL_MODES = ['bus', 'train', 'tram', 'taxi', 'car', 'bicycle', 'other'] as const;
export const CLAIM_STATUSES = ['claimed', 'approved', 'paid', 'rejected'] as const;

export type TravelMode = (typeof TRAVEL_MODES)[number];
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export const CLAIM_TRANSITIONS: Record<ClaimStatus, readonly ClaimStatus[]> = {
  claimed: ['approved', 'rejected'],
  approved: ['paid', 'rejected'],
  paid: [],
  rejected: [],
};

/** Modes that come with a ticket or receipt; a car (mileage) or a bicycle has none to see. */
export const RECEIPT_MODES: readonly TravelMode[] = ['bus', 'train', 'tram', 'taxi', 'other'];

export interface ClaimState {
  status: ClaimStatus;
  mode: TravelMode;
  receiptSeen: boolean;
}

export interface ClaimChange {
  to: ClaimStatus;
  /** Set when the receipt is seen at the moment of approval. */
  receiptSeen?: boolean;
  reason?: string;
}

export type ClaimTransition =
  { ok: true; state: ClaimState } | { ok: false; field: string; problem: string };

/** The claim after `change`, or why the change is refused. Pure. */
export function transitionClaim(claim: ClaimState, change: ClaimChange): ClaimTransition {
  if (!CLAIM_TRANSITIONS[claim.status].includes(change.to))
    return {
      ok: false,
      field: 'status',
      problem: `A claim that is ${claim.status} cannot become ${change.to}`,
    };
  const receiptSeen = claim.receiptSeen || change.receiptSeen === true;
  if (change.to === 'approved' && RECEIPT_MODES.includes(claim.mode) && !receiptSeen)
    return {
      ok: false,
      field: 'receiptSeen',
      problem: `See the ${claim.mode} ticket or receipt before approving the claim`,
    };
  if (change.to === 'rejected' && !change.reason?.trim())
    return { ok: false, field: 'reason', problem: 'Give the reason the claim is rejected' };
  return { ok: true, state: { ...claim, status: change.to, receiptSeen } };
}

/** '£12.40' from 1240 pence. */
export function formatPence(pence: number): string {
  return `£${(pence / 100).toFixed(2)}`;
}

/** Pence from what an adviser types ('12.4', '£12.40', '12'), or null if it is not an amount. */
export function parsePounds(text: string): number | null {
  const m = /^£?\s*(\d{1,6})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
}
