/**
 * A large caseload of referrals (no diary history), for the tests and benchmarks that need
 * volume in the caseload table and search: the full demo seeder books every appointment through
 * the slot finder and takes minutes for 10,000 people. Same services, same write path; a
 * deterministic share of people move on to allocated, contacted, started or exited, so status
 * filters have something to find.
 */
import type { Services } from '../../src-main/app/services';
import { demoReferral, rng } from '../../src-main/demo/demo-caseload';
import type { ParticipantStatus } from '../../src-shared/schemas/participant';

const WALK: ParticipantStatus[] = ['allocated', 'contacted', 'induction-booked', 'started'];

const addDays = (iso: string, days: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

export async function seedReferrals(
  services: Services,
  n: number,
  today: string,
  seed = 20261123,
): Promise<void> {
  const random = rng(seed);
  for (let start = 0; start < n; start += 500) {
    await services.wp.transaction(async (w) => {
      for (let i = start; i < Math.min(start + 500, n); i++) {
        const { referral } = demoReferral(i + 1, random, today);
        const id = await services.participants.createIn(w, referral, 'import');
        const steps = i % (WALK.length + 2); // 0..5: 5 means walked all the way, then exited
        let date = referral.referralDate;
        for (const status of WALK.slice(0, Math.min(steps, WALK.length))) {
          const next = addDays(date, 3);
          if (next > today) break;
          await services.participants.changeStatusIn(w, { id, status, date: next });
          date = next;
        }
        if (steps === WALK.length + 1 && addDays(date, 3) <= today) {
          await services.participants.changeStatusIn(w, {
            id,
            status: 'exited',
            date: addDays(date, 3),
            exitReason: 'withdrew',
          });
        }
      }
    });
  }
}
