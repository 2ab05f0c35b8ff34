/** Builders for test households in the JSON form of better-off-format.md. */
import type { BetterOffInput } from '@shared/domain/better-off';

export type Overrides = Partial<Omit<BetterOffInput, 'job'>> & {
  job?: Partial<BetterOffInput['job']>;
};

/** Single, 30, England, no children, no rent, 30 hours at £12.21 with relief at source. */
export function household(o: Overrides = {}): BetterOffInput {
  const { job, ...rest } = o;
  return {
    taxYear: '2025-26',
    country: 'england',
    london: false,
    adults: [{ age: 30 }],
    children: [],
    housing: { tenure: 'none', rentMonthly: 0 },
    savings: 0,
    otherIncomeMonthly: 0,
    childcareMonthly: { outOfWork: 0, inWork: 0 },
    travelToWorkMonthly: 0,
    ...rest,
    job: {
      adult: 0,
      hoursPerWeek: 30,
      hourlyWage: 12.21,
      pension: 'relief-at-source',
      ...job,
    } as BetterOffInput['job'],
  };
}
