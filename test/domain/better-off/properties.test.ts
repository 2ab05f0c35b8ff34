/**
 * Properties over generated households. Two real discontinuities are allowed for: the benefit
 * cap's earnings exemption (stepping over the threshold lifts the cap), and the automatic-enrolment
 * trigger (at £833 a month the pension contribution starts at once), so wage steps that cross
 * either are left out of the continuity check.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  betterOff,
  calculateBetterOff,
  parseBetterOffInput,
  ratesForTaxYear,
} from '@shared/domain/better-off';

const adult = fc.record({
  age: fc.integer({ min: 16, max: 70 }),
  lcwra: fc.boolean(),
  lcwraFromBefore2026: fc.boolean(),
  carer: fc.boolean(),
});
const child = fc.record({
  birthDate: fc
    .date({ min: new Date('2006-01-01'), max: new Date('2025-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  disability: fc.constantFrom('none', 'lower', 'higher'),
});
const housing = fc.oneof(
  fc.record({
    tenure: fc.constant('private'),
    rentMonthly: fc.integer({ min: 0, max: 250_000 }).map((p) => p / 100),
    lhaMonthly: fc.integer({ min: 0, max: 200_000 }).map((p) => p / 100),
  }),
  fc.record({
    tenure: fc.constant('social'),
    rentMonthly: fc.integer({ min: 0, max: 150_000 }).map((p) => p / 100),
    spareBedrooms: fc.integer({ min: 0, max: 3 }),
  }),
  fc.record({ tenure: fc.constantFrom('owner', 'none'), rentMonthly: fc.constant(0) }),
);
const household = fc
  .record({
    taxYear: fc.constantFrom('2025-26', '2026-27'),
    country: fc.constantFrom('england', 'wales', 'scotland', 'northern-ireland'),
    london: fc.boolean(),
    adults: fc.array(adult, { minLength: 1, maxLength: 2 }),
    children: fc.array(child, { maxLength: 5 }),
    housing,
    savings: fc.integer({ min: 0, max: 20_000 }),
    otherIncomeMonthly: fc.integer({ min: 0, max: 500 }),
    childcareMonthly: fc.record({
      outOfWork: fc.constant(0),
      inWork: fc.integer({ min: 0, max: 2500 }),
    }),
    travelToWorkMonthly: fc.integer({ min: 0, max: 200 }),
    hours: fc.integer({ min: 0, max: 900 }).map((q) => q / 20),
    wage: fc.integer({ min: 700, max: 4000 }).map((p) => p / 100),
    pension: fc.constantFrom('relief-at-source', 'net-pay', 'none'),
    jobAdult: fc.nat(),
  })
  .map(({ hours, wage, pension, jobAdult, ...h }) => ({
    ...h,
    job: { adult: jobAdult % h.adults.length, hoursPerWeek: hours, hourlyWage: wage, pension },
  }));

describe('better-off properties', () => {
  it('more hours never lower gross pay', () => {
    fc.assert(
      fc.property(household, fc.integer({ min: 1, max: 200 }), (h, extra) => {
        const more = { ...h, job: { ...h.job, hoursPerWeek: h.job.hoursPerWeek + extra / 20 } };
        expect(betterOff(more).output.inWork.grossPay).toBeGreaterThanOrEqual(
          betterOff(h).output.inWork.grossPay,
        );
      }),
      { numRuns: 300 },
    );
  });

  it('Universal Credit is never negative, in or out of work, and cap reductions never exceed it', () => {
    fc.assert(
      fc.property(household, (h) => {
        const { output } = betterOff(h);
        expect(output.outOfWork.universalCredit).toBeGreaterThanOrEqual(0);
        expect(output.inWork.universalCredit).toBeGreaterThanOrEqual(0);
        expect(output.inWork.benefitCapReduction).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 500 },
    );
  });

  it('in-work income is continuous in the wage: a penny more an hour moves it by no more than the extra pay, give or take a penny or two of rounding', () => {
    fc.assert(
      fc.property(household, (raw) => {
        const h = parseBetterOffInput(raw);
        const rates = ratesForTaxYear(h.taxYear);
        const a = calculateBetterOff(h, rates).breakdown;
        const b = calculateBetterOff(
          { ...h, job: { ...h.job, hourlyWage: (h.job.hourlyWage ?? 0) + 0.01 } },
          rates,
        ).breakdown;
        const threshold = rates.benefitCap.earningsExemption;
        const trigger = rates.pension.triggerMonthly;
        const crossesCap =
          a.inWork.uc.earnedIncome < threshold !== b.inWork.uc.earnedIncome < threshold;
        const crossesTrigger = a.inWork.pay.grossPay < trigger !== b.inWork.pay.grossPay < trigger;
        fc.pre(!crossesCap && !crossesTrigger);
        const extraPay = b.inWork.pay.grossPay - a.inWork.pay.grossPay;
        const change = b.inWork.income - a.inWork.income;
        // Pence: every step rounds to the penny, so allow 3p each way.
        expect(change).toBeGreaterThanOrEqual(-3);
        expect(change).toBeLessThanOrEqual(extraPay + 3);
      }),
      { numRuns: 1000 },
    );
  });
});
