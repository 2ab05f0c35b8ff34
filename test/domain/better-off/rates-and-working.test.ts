import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  betterOff,
  explainBetterOff,
  incomeCurve,
  parseBetterOffInput,
  ratesForTaxYear,
  ratesFromFile,
  TAX_YEARS_WITH_RATES,
} from '@shared/domain/better-off';
import { household } from './households';

const DIR = resolve(import.meta.dirname, '../../../resources/better-off');
const file = (year: string) => JSON.parse(readFileSync(resolve(DIR, `rates-${year}.json`), 'utf8'));

describe('rates files', () => {
  it.each(TAX_YEARS_WITH_RATES)(
    '%s: every value has a source, and the version is the hash of the values',
    (year) => {
      const f = file(year);
      for (const [key, entry] of Object.entries(f.rates as Record<string, { source: string }>))
        expect(entry.source, key).toMatch(/\w/);
      // A changed rate without a new version would make saved calculations irreproducible.
      const hash = createHash('sha256').update(JSON.stringify(f.rates)).digest('hex').slice(0, 12);
      expect(f.version).toBe(`${year}+${hash}`);
      expect(ratesForTaxYear(year).version).toBe(f.version);
    },
  );

  it('refuses a rates file with a value missing', () => {
    const f = file('2025-26');
    delete f.rates['taperRate'];
    expect(() => ratesFromFile(f)).toThrow(/taperRate/);
  });

  it('records the rates version with each calculation', () => {
    expect(betterOff(household()).breakdown.ratesVersion).toBe(file('2025-26').version);
  });
});

describe('working and chart', () => {
  it('explains each output figure, with the same amounts as the output', () => {
    const { output, breakdown } = betterOff(
      household({
        children: [{ birthDate: '2019-01-01' }],
        housing: { tenure: 'private', rentMonthly: 900, lhaMonthly: 410.45 },
      }),
    );
    const why = explainBetterOff(breakdown);
    const byFigure = new Map([...why.outOfWork, ...why.inWork].map((l) => [l.figure, l]));
    expect(byFigure.get('inWork.incomeTax')!.amount).toBe(output.inWork.incomeTax);
    expect(byFigure.get('inWork.incomeTax')!.steps.join(' ')).toContain(
      '20% of £6,477.60 = £1,295.52',
    );
    expect(byFigure.get('inWork.universalCredit')!.amount).toBe(output.inWork.universalCredit);
    expect(byFigure.get('inWork.universalCredit')!.steps.join(' ')).toContain(
      'Work allowance: £411.00',
    );
    expect(byFigure.get('outOfWork.income')!.amount).toBe(output.outOfWork.income);
    expect(why.betterOff.amount).toBe(output.betterOffMonthly);
    expect(why.notIncluded.join(' ')).toContain('Council Tax Reduction');
  });

  it('draws income against hours 0 to 45 and marks where the work allowance ends', () => {
    const h = parseBetterOffInput(
      household({
        children: [{ birthDate: '2019-01-01' }],
        housing: { tenure: 'social', rentMonthly: 500 },
      }),
    );
    const curve = incomeCurve(h, ratesForTaxYear('2025-26'));
    expect(curve.points).toHaveLength(91);
    expect(curve.points[0]!.hours).toBe(0);
    expect(curve.points.at(-1)!.hours).toBe(45);
    expect(curve.points[0]!.betterOffMonthly).toBe(0);
    // Work allowance 411 with housing: 411 / (12.21 × 52 / 12) = 7.77 hours, so 8 hours is the first point over.
    expect(curve.workAllowanceEndsAtHours).toBe(8);
    for (let i = 1; i < curve.points.length; i++)
      expect(curve.points[i]!.grossPay).toBeGreaterThan(curve.points[i - 1]!.grossPay);
  });
});
