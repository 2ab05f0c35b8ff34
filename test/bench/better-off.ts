/** P7: 10,000 better-off scenarios (varied households, already validated) in one go. */
import {
  calculateBetterOff,
  parseBetterOffInput,
  ratesForTaxYear,
  type Household,
} from '../../src-shared/domain/better-off';
import { time, type Benchmark } from './harness';

const N = 10_000;

/** Deterministic variety: tenure, children, couples, pensions, Scotland, London, both years. */
function scenarios(): Household[] {
  const tenures = [
    { tenure: 'private', rentMonthly: 950, lhaMonthly: 700 },
    { tenure: 'social', rentMonthly: 520, spareBedrooms: 1 },
    { tenure: 'none', rentMonthly: 0 },
  ];
  const pensions = ['relief-at-source', 'net-pay', 'none'];
  const countries = ['england', 'scotland', 'wales', 'northern-ireland'];
  return Array.from({ length: N }, (_, i) =>
    parseBetterOffInput({
      taxYear: i % 2 ? '2026-27' : '2025-26',
      country: countries[i % 4],
      london: i % 7 === 0,
      adults:
        i % 3 === 0
          ? [{ age: 24 + (i % 30) }, { age: 30, carer: i % 11 === 0 }]
          : [{ age: 20 + (i % 40), lcwra: i % 13 === 0 }],
      children: Array.from({ length: i % 4 }, (_, c) => ({
        birthDate: `${2012 + c * 3}-0${1 + (i % 9)}-15`,
        disability: c === 2 && i % 5 === 0 ? 'lower' : 'none',
      })),
      housing: tenures[i % 3],
      savings: (i * 37) % 17_000,
      childcareMonthly: { outOfWork: 0, inWork: (i % 4) * 300 },
      job: {
        adult: 0,
        hoursPerWeek: (i % 46) + 0.5,
        hourlyWage: 12.21 + (i % 50) / 10,
        pension: pensions[i % 3],
      },
    }),
  );
}

const p7: Benchmark = {
  id: 'P7',
  name: 'better-off calculator, 10,000 scenarios (validated input to output)',
  async measure() {
    const households = scenarios();
    const t = await time(
      () => {
        for (const h of households) calculateBetterOff(h, ratesForTaxYear(h.taxYear));
      },
      15,
      3,
    );
    return { id: 'P7', name: this.name, n: N, medianMs: t.medianMs, p95Ms: t.p95Ms, floorMs: 200 };
  },
};

export const betterOffBenchmarks: Benchmark[] = [p7];
