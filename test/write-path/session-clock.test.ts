/**
 * The session's clock is seeded from the journal when it first stamps, not at unlock: after a
 * restart with the wall clock behind the last stamp, the next change still sorts after every
 * change already journalled.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PASSPHRASE, tempCaseload, type TempCaseload } from '../support/temp-caseload';
import { seedReferrals } from '../support/bulk-referrals';
import { demoReferral, rng } from '../../src-main/demo/demo-caseload';

let c: TempCaseload | undefined;
afterEach(async () => {
  await c?.close();
  c = undefined;
});

const stamps = (t: TempCaseload) =>
  (
    t.session
      .require()
      .opened.raw.prepare('SELECT hlc FROM change_journal ORDER BY rowid')
      .all() as {
      hlc: string;
    }[]
  ).map((r) => r.hlc);

describe('the session clock after unlock', () => {
  it('stamps the first change after the latest journalled one, though the wall clock went back', async () => {
    let wall = Date.parse('2026-11-23T10:00:00Z');
    c = await tempCaseload({ now: () => new Date(wall) });
    await seedReferrals(c.services, 3, '2026-11-20');
    const before = stamps(c);
    await c.session.lock();

    wall = Date.parse('2026-11-22T09:00:00Z'); // a day earlier
    await c.session.unlock(PASSPHRASE);
    // Unlocking writes an audit entry only: no stamp, so no change yet.
    expect(stamps(c)).toEqual(before);
    await c.session
      .require()
      .services.participants.create(demoReferral(99, rng(7), '2026-11-20').referral);

    const after = stamps(c).slice(before.length);
    expect(after.length).toBeGreaterThan(0);
    const latest = [...before].sort().at(-1)!;
    for (const stamp of after) expect(stamp > latest).toBe(true);
  });
});
