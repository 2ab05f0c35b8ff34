/** Method §2–3: pay to monthly, pension, income tax, employee NI, take-home and UC earned income. */
import type { Country, PensionScheme } from './input';
import type { Rates, TaxBand } from './rates';
import { roundPence } from './money';

export interface JobTerms {
  hoursPerWeek?: number;
  hourlyWage?: number;
  annualSalary?: number;
  pension: PensionScheme;
}

/** Every figure in pence; monthly unless named annual or weekly. */
export interface PayBreakdown {
  basis: 'hourly' | 'salary';
  hoursPerWeek: number | null;
  hourlyWage: number | null;
  weeklyGross: number | null;
  annualGross: number;
  grossPay: number;
  pension: {
    scheme: PensionScheme;
    /** Why no contribution is taken, when none is. */
    notEnrolled: 'opted-out' | 'age' | 'below-trigger' | null;
    qualifyingEarnings: number;
    /** The employee's full 5%: what UC deducts (reg 55(5)). */
    grossContribution: number;
    /** What leaves the pay packet: 4% under relief at source, 5% under net pay. */
    fromPay: number;
  };
  tax: {
    bands: 'rest-of-uk' | 'scotland';
    personalAllowanceAnnual: number;
    netPayReliefAnnual: number;
    taxableAnnual: number;
    perBand: { rate: number; amountAnnual: number; taxAnnual: number }[];
    annual: number;
    monthly: number;
  };
  ni: {
    overStatePensionAge: boolean;
    mainAnnual: number;
    additionalAnnual: number;
    annual: number;
    monthly: number;
  };
  takeHomePay: number;
  ucEarnedIncome: number;
}

function grossFigures(job: JobTerms) {
  if (job.annualSalary !== undefined) {
    const annualGross = roundPence(job.annualSalary * 100);
    return {
      basis: 'salary' as const,
      weeklyGross: null,
      annualGross,
      grossPay: roundPence(annualGross / 12),
    };
  }
  const hours = job.hoursPerWeek ?? 0;
  const wage = job.hourlyWage ?? 0;
  // The week's pay is paid in whole pence; the month is its 52/12 average (method §2).
  const weeklyGross = roundPence(hours * wage * 100);
  return {
    basis: 'hourly' as const,
    weeklyGross,
    annualGross: weeklyGross * 52,
    grossPay: roundPence((weeklyGross * 52) / 12),
  };
}

function taxOnBands(taxable: number, bands: TaxBand[]) {
  const perBand: PayBreakdown['tax']['perBand'] = [];
  let floor = 0;
  let total = 0;
  for (const band of bands) {
    if (taxable <= floor) break;
    const top = band.upToPence === null ? taxable : Math.min(taxable, band.upToPence);
    const amount = top - floor;
    const tax = amount * band.rate;
    perBand.push({ rate: band.rate, amountAnnual: amount, taxAnnual: roundPence(tax) });
    total += tax;
    if (band.upToPence === null) break;
    floor = band.upToPence;
  }
  return { perBand, annual: roundPence(total) };
}

export function payFor(job: JobTerms, age: number, country: Country, rates: Rates): PayBreakdown {
  const g = grossFigures(job);
  const p = rates.pension;
  const overSpa = age >= rates.statePensionAge;

  const notEnrolled =
    job.pension === 'none'
      ? 'opted-out'
      : age < p.minimumAge || overSpa
        ? 'age'
        : g.grossPay < p.triggerMonthly
          ? 'below-trigger'
          : null;
  const qualifyingEarnings =
    notEnrolled === null
      ? Math.max(0, Math.min(g.grossPay, p.qualifyingUpperMonthly) - p.qualifyingLowerMonthly)
      : 0;
  const grossContribution = roundPence(qualifyingEarnings * p.employeeRate);
  const fromPay =
    job.pension === 'relief-at-source'
      ? roundPence(qualifyingEarnings * p.reliefAtSourceFromPayRate)
      : grossContribution;

  // Income tax on the year's pay, divided by 12 (method §3.2).
  const t = rates.incomeTax;
  const netPayReliefAnnual = job.pension === 'net-pay' ? grossContribution * 12 : 0;
  const adjustedNetIncome = g.annualGross - grossContribution * 12;
  const overTaper = Math.max(0, adjustedNetIncome - t.taperThresholdAnnual);
  // £1 of allowance lost for every £2 over; the allowance left is rounded up to a whole pound.
  const personalAllowanceAnnual = Math.max(
    0,
    t.personalAllowanceAnnual - Math.floor(overTaper / 200) * 100,
  );
  const taxableAnnual = Math.max(0, g.annualGross - netPayReliefAnnual - personalAllowanceAnnual);
  const bands = country === 'scotland' ? t.scotland : t.restOfUk;
  const taxed = taxOnBands(taxableAnnual, bands);

  // Employee NI: annualised and divided by 12, as the format's worked example does.
  const n = rates.nationalInsurance;
  const mainAnnual = overSpa
    ? 0
    : Math.max(0, Math.min(g.annualGross, n.upperEarningsLimitAnnual) - n.primaryThresholdAnnual) *
      n.mainRate;
  const additionalAnnual = overSpa
    ? 0
    : Math.max(0, g.annualGross - n.upperEarningsLimitAnnual) * n.additionalRate;
  const niAnnual = roundPence(mainAnnual + additionalAnnual);

  const taxMonthly = roundPence(taxed.annual / 12);
  const niMonthly = roundPence(niAnnual / 12);
  return {
    basis: g.basis,
    hoursPerWeek: job.hoursPerWeek ?? null,
    hourlyWage: job.hourlyWage ?? null,
    weeklyGross: g.weeklyGross,
    annualGross: g.annualGross,
    grossPay: g.grossPay,
    pension: { scheme: job.pension, notEnrolled, qualifyingEarnings, grossContribution, fromPay },
    tax: {
      bands: country === 'scotland' ? 'scotland' : 'rest-of-uk',
      personalAllowanceAnnual,
      netPayReliefAnnual,
      taxableAnnual,
      perBand: taxed.perBand,
      annual: taxed.annual,
      monthly: taxMonthly,
    },
    ni: {
      overStatePensionAge: overSpa,
      mainAnnual: roundPence(mainAnnual),
      additionalAnnual: roundPence(additionalAnnual),
      annual: niAnnual,
      monthly: niMonthly,
    },
    takeHomePay: g.grossPay - taxMonthly - niMonthly - fromPay,
    ucEarnedIncome: Math.max(0, g.grossPay - taxMonthly - niMonthly - grossContribution),
  };
}
