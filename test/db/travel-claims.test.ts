import { afterEach, describe, expect, it } from 'vitest';
import type { TempCaseload } from '../support/temp-caseload';
import { snapshot } from '../support/snapshot';
import { AppError } from '../../src-main/errors';
import { startedParticipant } from './plan-fixture';
import { boundaryRefusal } from '../support/boundary';
import { claimStatusChangeSchema, logMeetingSchema } from '../../src-shared/schemas/meeting';

let c: TempCaseload;
afterEach(async () => c?.close());

async function attended(participantId: string, outcome: 'attended' | 'dna' = 'attended') {
  const a = await c.services.diary.book({
    participantId,
    start: '2026-11-30T10:00',
    end: '2026-11-30T11:00',
    kind: 'regular',
    channel: 'phone',
  });
  await c.services.meetings.log(
    logMeetingSchema.parse({
      appointmentId: a.id,
      expectedVersion: 1,
      outcome,
      priorNotice: outcome === 'dna' ? true : null,
      channel: 'phone',
    }),
  );
  return a.id;
}

describe('TravelClaimService (R12)', () => {
  it('takes a claim per attended meeting through approved to paid, on the timeline', async () => {
    const s = await startedParticipant();
    c = s.c;
    const appointmentId = await attended(s.id);
    const claim = await c.services.travelClaims.claim({
      appointmentId,
      mode: 'bus',
      amountPence: 480,
      receiptSeen: false,
    });
    expect(claim).toMatchObject({ status: 'claimed', amountPence: 480, version: 1 });
    const refused = await c.services.travelClaims
      .setStatus(
        claimStatusChangeSchema.parse({
          claimId: claim.id,
          expectedVersion: 1,
          status: 'approved',
        }),
      )
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ field: 'receiptSeen' });
    const approved = await c.services.travelClaims.setStatus(
      claimStatusChangeSchema.parse({
        claimId: claim.id,
        expectedVersion: 1,
        status: 'approved',
        receiptSeen: true,
      }),
    );
    const paid = await c.services.travelClaims.setStatus(
      claimStatusChangeSchema.parse({
        claimId: claim.id,
        expectedVersion: approved.version,
        status: 'paid',
      }),
    );
    expect(paid).toMatchObject({ status: 'paid', receiptSeen: true, version: 3 });
    const overview = await c.services.meetings.overview(s.id);
    expect(overview.meetings[0]!.claims).toEqual([paid]);
    const summaries = (await c.services.participants.timeline(s.id))
      .filter((e) => e.kind === 'travel-claim')
      .map((e) => e.summary);
    expect(summaries).toContain('Travel claim of £4.80: paid');
    expect(summaries.some((x) => x.includes('£4.80 (bus)') && x.endsWith(': claimed'))).toBe(true);
  });

  it('refuses a claim for a missed meeting and a move out of a final state, changing nothing', async () => {
    const s = await startedParticipant();
    c = s.c;
    const missed = await attended(s.id, 'dna');
    const before = await snapshot(c.services.wp.db);
    const e = await c.services.travelClaims
      .claim({ appointmentId: missed, mode: 'car', amountPence: 300, receiptSeen: false })
      .catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'refused', field: 'appointmentId' });
    expect(
      boundaryRefusal('meetings:claimTravel', {
        appointmentId: missed,
        mode: 'car',
        amountPence: 0,
        receiptSeen: false,
      }),
    ).toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/more than 0/) });
    expect(await snapshot(c.services.wp.db)).toEqual(before);
  });

  it('rejects with a reason, and a rejected claim stays rejected', async () => {
    const s = await startedParticipant();
    c = s.c;
    const appointmentId = await attended(s.id);
    const claim = await c.services.travelClaims.claim({
      appointmentId,
      mode: 'car',
      amountPence: 900,
      receiptSeen: false,
    });
    const rejected = await c.services.travelClaims.setStatus({
      claimId: claim.id,
      expectedVersion: 1,
      status: 'rejected',
      reason: 'Claimed twice',
    });
    expect(rejected).toMatchObject({ status: 'rejected', reason: 'Claimed twice' });
    await expect(
      c.services.travelClaims.setStatus(
        claimStatusChangeSchema.parse({ claimId: claim.id, expectedVersion: 2, status: 'paid' }),
      ),
    ).rejects.toMatchObject({ code: 'refused', field: 'status' });
  });
});
