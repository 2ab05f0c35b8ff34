/**
 * A large caseload of referrals only (no diary history), for the tests and benchmarks that need
 * volume in the caseload table and search: the full demo seeder books every appointment through
 * the slot finder and takes minutes for 10,000 people. Same services, same write path.
 */
import type { Services } from '../../src-main/app/services';
import { demoReferral, rng } from '../../src-main/services/demo-caseload';

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
        await services.participants.createIn(
          w,
          demoReferral(i + 1, random, today).referral,
          'import',
        );
      }
    });
  }
}
