/**
 * The background warm-up after unlock (ObligationService.warmAll): it works out what is due for
 * the whole caseload a slice at a time, skips what is already worked out, stops when told the
 * caseload was locked, and gives the same answers as working it out on demand.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { contactAttemptSchema } from '../../src-shared/schemas/meeting';
import { seedReferrals } from '../support/bulk-referrals';
import { tempCaseload, type TempCaseload } from '../support/temp-caseload';

let c: TempCaseload;
afterEach(async () => c?.close());

const N = 130;
const SLICE = 50;

describe('warming what is due for the whole caseload', () => {
  it('works out everyone once, then only who changed, and matches an on-demand answer', async () => {
    c = await tempCaseload({ now: () => new Date('2026-11-24T10:00:00Z') });
    const s = c.services;
    await seedReferrals(s, N, '2026-11-20');
    s.wp.changedOutsideJournal(); // start from an empty cache, whatever ran before

    expect(await s.obligations.warmAll(() => true, SLICE)).toBe(N);
    expect(await s.obligations.warmAll(() => true, SLICE)).toBe(0);
    const warmed = (await s.obligations.dueSummaries()).due;

    const someone = [...warmed.keys()][7]!;
    await s.contacts.record(
      contactAttemptSchema.parse({
        participantId: someone,
        contactKind: 'initial',
        channel: 'phone',
        outcome: 'spoke',
        date: '2026-11-24',
      }),
    );
    expect(await s.obligations.warmAll(() => true, SLICE)).toBe(1);

    // The same answers as a cold, on-demand computation.
    const afterChange = (await s.obligations.dueSummaries()).due;
    s.wp.changedOutsideJournal();
    const cold = (await s.obligations.dueSummaries()).due;
    expect(afterChange.size).toBe(N);
    expect(afterChange).toEqual(cold); // Maps compare by key, not order
  });

  it('stops between slices once the caseload is locked', async () => {
    c = await tempCaseload({ now: () => new Date('2026-11-24T10:00:00Z') });
    const s = c.services;
    await seedReferrals(s, N, '2026-11-20');
    s.wp.changedOutsideJournal();
    let open = 2; // open for the first slice's two checks, then "locked"
    expect(await s.obligations.warmAll(() => open-- > 0, SLICE)).toBe(SLICE);
  });
});
