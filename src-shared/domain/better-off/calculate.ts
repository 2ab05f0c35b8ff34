/** Method §5: the two monthly budgets, out of work and in work, and the difference. */
import { parseBetterOffInput, type Household } from './input';
import { payFor, type PayBreakdown } from './pay';
import { ratesForTaxYear, type Rates } from './rates';
import {
  householdFacts,
  universalCredit,
  type HouseholdFacts,
  type UcBreakdown,
} from './universal-credit';
import { formatPounds, roundPence, toPounds } from './money';

/** The documented output (better-off-format.md): pounds a month, to the penny. */
export interface BetterOffOutput {
  outOfWork: {
    universalCredit: number;
    childBenefit: number;
    takeHomePay: number;
    benefitCapReduction: number;
    childcareCosts: number;
    income: number;
  };
  inWork: {
    grossPay: number;
    incomeTax: number;
    nationalInsurance: number;
    pension: number;
    takeHomePay: number;
    universalCredit: number;
    childBenefit: number;
    benefitCapReduction: number;
    childcareCosts: number;
    travelToWork: number;
    income: number;
  };
  betterOffMonthly: number;
  warnings: string[];
}

/** Every intermediate figure (pence), for the working, the chart and a saved record. */
export interface BetterOffBreakdown {
  taxYear: string;
  ratesVersion: string;
  household: Household;
  facts: HouseholdFacts;
  outOfWork: { uc: UcBreakdown; childcareCosts: number; income: number };
  inWork: {
    pay: PayBreakdown;
    uc: UcBreakdown;
    childcareCosts: number;
    travelToWork: number;
    income: number;
  };
  betterOff: number;
  warnings: string[];
}

export interface BetterOffResult {
  output: BetterOffOutput;
  breakdown: BetterOffBreakdown;
}

function minimumWageFor(age: number, rates: Rates): { pence: number; band: string } {
  const m = rates.minimumWage;
  if (age >= 21)
    return { pence: m.age21OrOver, band: 'the National Living Wage for someone aged 21 or over' };
  if (age >= 18) return { pence: m.age18To20, band: 'the minimum wage for someone aged 18 to 20' };
  return { pence: m.age16To17, band: 'the minimum wage for someone aged 16 or 17' };
}

function warningsFor(
  h: Household,
  facts: HouseholdFacts,
  rates: Rates,
  pay: PayBreakdown,
  inUc: UcBreakdown,
): string[] {
  const w: string[] = [];
  const worker = h.adults[h.job.adult]!;
  const hourly =
    pay.hourlyWage ??
    (h.job.annualSalary !== undefined && h.job.hoursPerWeek
      ? h.job.annualSalary / 52 / h.job.hoursPerWeek
      : null);
  if (hourly !== null) {
    const min = minimumWageFor(worker.age, rates);
    if (roundPence(hourly * 100) < min.pence)
      w.push(
        `The wage of ${formatPounds(roundPence(hourly * 100))} an hour is below ${min.band} (${formatPounds(min.pence)} from April ${rates.startsOn.slice(0, 4)}); only an apprentice in their first year may be paid ${formatPounds(rates.minimumWage.apprentice)}.`,
      );
  }
  if (inUc.capitalOverLimit)
    w.push(
      `Savings over ${formatPounds(rates.capital.upperLimit)} mean no Universal Credit in or out of work.`,
    );
  if (inUc.elements.childcareCapped)
    w.push(
      `Childcare of ${formatPounds(roundPence(h.childcareMonthly.inWork * 100))} a month is over the cap: Universal Credit pays at most ${formatPounds(inUc.elements.childcare)} (85% up to the cap for ${facts.childcareChildren >= 2 ? 'two or more children' : 'one child'}).`,
    );
  if (h.childcareMonthly.inWork > 0 && !inUc.elements.childcareWorkConditionMet)
    w.push(
      'No childcare element in work: in a couple both partners must be in paid work, unless the other has limited capability for work or is a carer.',
    );
  if (h.childcareMonthly.inWork > 0 && facts.childcareChildren === 0)
    w.push('No childcare element: none of the children is under 16.');
  if (h.childcareMonthly.outOfWork > 0)
    w.push('Universal Credit pays nothing towards childcare while nobody in the household works.');
  if (facts.overStatePensionAge)
    w.push(
      `Someone is over State Pension age (${rates.statePensionAge}): Pension Credit, not Universal Credit, may apply, so these figures may not hold.`,
    );
  if (facts.childAges.some((a) => a >= 16))
    w.push('Children aged 16 to 19 are counted as in approved education or training.');
  if (h.country === 'scotland' && facts.childAges.some((a) => a < 16))
    w.push(
      `Scottish Child Payment (${formatPounds(rates.scottishChildPaymentWeekly)} a week for each child under 16 while Universal Credit is paid) is not included.`,
    );
  if (pay.pension.notEnrolled === 'age' && h.job.pension !== 'none')
    w.push(
      `No workplace pension is taken: automatic enrolment starts at ${rates.pension.minimumAge} and stops at State Pension age (they may still opt in).`,
    );
  if (pay.annualGross - pay.pension.grossContribution * 12 > 6_000_000 && h.children.length > 0)
    w.push(
      'Income over £60,000 a year brings the High Income Child Benefit Charge, which is not included.',
    );
  return w;
}

export function calculateBetterOff(h: Household, rates: Rates): BetterOffResult {
  if (h.taxYear !== rates.taxYear)
    throw new Error(
      `taxYear: the input is for ${h.taxYear} but the rates are for ${rates.taxYear}`,
    );
  const facts = householdFacts(h, rates);
  const worker = h.adults[h.job.adult]!;
  const pay = payFor(h.job, worker.age, h.country, rates);

  const noWork = h.adults.map(() => false);
  const outUc = universalCredit(h, facts, rates, {
    earnedIncome: 0,
    working: noWork,
    childcareCost: 0,
  });
  const inUc = universalCredit(h, facts, rates, {
    earnedIncome: pay.ucEarnedIncome,
    working: h.adults.map((_, i) => i === h.job.adult && pay.grossPay > 0),
    childcareCost: roundPence(h.childcareMonthly.inWork * 100),
  });

  const cb = facts.childBenefit.monthly;
  const outChildcare = roundPence(h.childcareMonthly.outOfWork * 100);
  const inChildcare = roundPence(h.childcareMonthly.inWork * 100);
  const travel = roundPence(h.travelToWorkMonthly * 100);
  const outIncome = outUc.universalCredit + cb - outChildcare;
  const inIncome = pay.takeHomePay + inUc.universalCredit + cb - inChildcare - travel;
  const warnings = warningsFor(h, facts, rates, pay, inUc);

  return {
    output: {
      outOfWork: {
        universalCredit: toPounds(outUc.universalCredit),
        childBenefit: toPounds(cb),
        takeHomePay: 0,
        benefitCapReduction: toPounds(outUc.cap.reduction),
        childcareCosts: toPounds(outChildcare),
        income: toPounds(outIncome),
      },
      inWork: {
        grossPay: toPounds(pay.grossPay),
        incomeTax: toPounds(pay.tax.monthly),
        nationalInsurance: toPounds(pay.ni.monthly),
        pension: toPounds(pay.pension.fromPay),
        takeHomePay: toPounds(pay.takeHomePay),
        universalCredit: toPounds(inUc.universalCredit),
        childBenefit: toPounds(cb),
        benefitCapReduction: toPounds(inUc.cap.reduction),
        childcareCosts: toPounds(inChildcare),
        travelToWork: toPounds(travel),
        income: toPounds(inIncome),
      },
      betterOffMonthly: toPounds(inIncome - outIncome),
      warnings,
    },
    breakdown: {
      taxYear: h.taxYear,
      ratesVersion: rates.version,
      household: h,
      facts,
      outOfWork: { uc: outUc, childcareCosts: outChildcare, income: outIncome },
      inWork: {
        pay,
        uc: inUc,
        childcareCosts: inChildcare,
        travelToWork: travel,
        income: inIncome,
      },
      betterOff: inIncome - outIncome,
      warnings,
    },
  };
}

/** Validates raw JSON, finds the year's rates (refusing a year without them) and calculates. */
export function betterOff(raw: unknown): BetterOffResult {
  const h = parseBetterOffInput(raw);
  return calculateBetterOff(h, ratesForTaxYear(h.taxYear));
}
