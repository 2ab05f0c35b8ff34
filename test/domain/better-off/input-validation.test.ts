import { describe, expect, it } from 'vitest';
import {
  BetterOffInputError,
  betterOff,
  parseBetterOffInput,
  RatesUnavailableError,
} from '@shared/domain/better-off';
import { household } from './households';

function issuesOf(raw: unknown) {
  try {
    parseBetterOffInput(raw);
  } catch (error) {
    if (error instanceof BetterOffInputError) return error.issues;
    throw error;
  }
  throw new Error('expected the input to be refused');
}

describe('better-off input', () => {
  it('accepts the format document example as it is, including fields it does not use', () => {
    const example = {
      taxYear: '2025-26',
      country: 'england',
      london: false,
      adults: [{ age: 30, lcwra: false, lcwraFromBefore2026: true, carer: false }],
      children: [{ birthDate: '2016-06-01', disability: 'none' }],
      housing: { tenure: 'private', rentMonthly: 900, lhaMonthly: 410.45 },
      savings: 0,
      otherIncomeMonthly: 0,
      childcareMonthly: { outOfWork: 0, inWork: 400 },
      travelToWorkMonthly: 0,
      job: { adult: 0, hoursPerWeek: 30, hourlyWage: 12.21, pension: 'relief-at-source' },
      notes: 'ignored',
    };
    expect(betterOff(example).output.inWork.grossPay).toBe(1587.3);
  });

  it('treats absent optional fields as zero, none or false', () => {
    const minimal = {
      taxYear: '2025-26',
      country: 'wales',
      adults: [{ age: 40 }],
      job: { adult: 0, hoursPerWeek: 16, hourlyWage: 12.21 },
    };
    const h = parseBetterOffInput(minimal);
    expect(h.children).toEqual([]);
    expect(h.housing.tenure).toBe('none');
    expect(h.job.pension).toBe('relief-at-source');
    expect(h.adults[0]!.lcwra).toBe(false);
  });

  it.each([
    [{ job: { hoursPerWeek: -1 } }, 'job.hoursPerWeek', /negative/],
    [{ country: 'atlantis' }, 'country', /england, wales, scotland or northern-ireland/],
    [{ job: { adult: 1 } }, 'job.adult', /one adult/],
    [
      { children: [{ birthDate: '2026-04-06' }] },
      'children.0.birthDate',
      /after the 2025-26 tax year/,
    ],
    [{ children: [{ birthDate: '2020-02-30' }] }, 'children.0.birthDate', /real date/],
    [{ savings: -5 }, 'savings', /negative/],
    [{ adults: [{ age: 12 }] }, 'adults.0.age', /16 or over/],
    [{ adults: [] }, 'adults', /one adult or two/],
    [
      { housing: { tenure: 'private', rentMonthly: 700 } },
      'housing.lhaMonthly',
      /Local Housing Allowance/,
    ],
    [{ taxYear: '2025-27' }, 'taxYear', /runs into the next year/],
    [{ job: { hourlyWage: undefined } }, 'job.hourlyWage', /hourly wage/],
    [{ job: { annualSalary: 20_000 } }, 'job.annualSalary', /not both/],
  ])('refuses %j naming %s', (overrides, field, message) => {
    const issues = issuesOf(household(overrides as Parameters<typeof household>[0]));
    const issue = issues.find((i) => i.field === field);
    expect(issue, JSON.stringify(issues)).toBeDefined();
    expect(issue!.message).toMatch(message);
  });

  it('refuses a tax year with no rates, naming taxYear, and never falls back', () => {
    let caught: unknown;
    try {
      betterOff(household({ taxYear: '2027-28' }));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RatesUnavailableError);
    expect((caught as RatesUnavailableError).field).toBe('taxYear');
    expect((caught as Error).message).toContain('2027-28');
  });
});
