import { describe, expect, it } from 'vitest';
import {
  CLAIM_STATUSES,
  CLAIM_TRANSITIONS,
  formatPence,
  parsePounds,
  transitionClaim,
  type ClaimState,
} from '../../src-shared/domain/travel-claims';

const bus: ClaimState = { status: 'claimed', mode: 'bus', receiptSeen: true };

describe('travel claim states', () => {
  it('goes claimed → approved → paid', () => {
    const approved = transitionClaim(bus, { to: 'approved' });
    expect(approved).toEqual({ ok: true, state: { ...bus, status: 'approved' } });
    if (!approved.ok) return;
    expect(transitionClaim(approved.state, { to: 'paid' })).toEqual({
      ok: true,
      state: { ...bus, status: 'paid' },
    });
  });

  it('cannot skip approval, and paid and rejected are final', () => {
    expect(transitionClaim(bus, { to: 'paid' })).toMatchObject({ ok: false, field: 'status' });
    for (const from of ['paid', 'rejected'] as const)
      for (const to of CLAIM_STATUSES)
        expect(transitionClaim({ ...bus, status: from }, { to, reason: 'x' })).toMatchObject({
          ok: false,
          field: 'status',
        });
    expect(CLAIM_TRANSITIONS.claimed).not.toContain('claimed');
  });

  it('needs the ticket seen to approve a bus fare, but not car mileage', () => {
    const unseen = { ...bus, receiptSeen: false };
    expect(transitionClaim(unseen, { to: 'approved' })).toEqual({
      ok: false,
      field: 'receiptSeen',
      problem: 'See the bus ticket or receipt before approving the claim',
    });
    expect(transitionClaim(unseen, { to: 'approved', receiptSeen: true })).toMatchObject({
      ok: true,
      state: { status: 'approved', receiptSeen: true },
    });
    expect(
      transitionClaim({ status: 'claimed', mode: 'car', receiptSeen: false }, { to: 'approved' }),
    ).toMatchObject({ ok: true });
  });

  it('needs a reason to reject, from claimed or approved', () => {
    expect(transitionClaim(bus, { to: 'rejected', reason: '  ' })).toMatchObject({
      ok: false,
      field: 'reason',
    });
    expect(
      transitionClaim({ ...bus, status: 'approved' }, { to: 'rejected', reason: 'Duplicate' }),
    ).toMatchObject({ ok: true, state: { status: 'rejected' } });
  });

  it('formats and reads amounts in pence', () => {
    expect(formatPence(1240)).toBe('£12.40');
    expect(formatPence(5)).toBe('£0.05');
    expect(parsePounds('12.4')).toBe(1240);
    expect(parsePounds('£3.05')).toBe(305);
    expect(parsePounds('7')).toBe(700);
    expect(parsePounds('12.345')).toBeNull();
    expect(parsePounds('twelve')).toBeNull();
  });
});
