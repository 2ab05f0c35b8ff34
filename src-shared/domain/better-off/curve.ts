/** Monthly income against hours worked, for the chart (0 to 45 hours by default). */
import type { Household } from './input';
import type { Rates } from './rates';
import { calculateBetterOff } from './calculate';

export interface CurvePoint {
  hours: number;
  grossPay: number;
  takeHomePay: number;
  universalCredit: number;
  /** inWork.income: take-home + UC + Child Benefit − childcare − travel. */
  income: number;
  betterOffMonthly: number;
}

export interface IncomeCurve {
  points: CurvePoint[];
  /** The first hours at which UC earned income is over the work allowance (the taper bites). */
  workAllowanceEndsAtHours: number | null;
  /** The first hours at which in-work Universal Credit falls to nothing. */
  universalCreditEndsAtHours: number | null;
}

export interface CurveOptions {
  fromHours?: number;
  toHours?: number;
  stepHours?: number;
}

/** Uses the job's hourly wage, or its salary turned into an hourly rate at its stated hours. */
export function incomeCurve(h: Household, rates: Rates, options: CurveOptions = {}): IncomeCurve {
  const { fromHours = 0, toHours = 45, stepHours = 0.5 } = options;
  const wage =
    h.job.hourlyWage ??
    (h.job.annualSalary !== undefined && h.job.hoursPerWeek
      ? h.job.annualSalary / 52 / h.job.hoursPerWeek
      : undefined);
  if (wage === undefined)
    throw new Error('job.hoursPerWeek: the chart needs an hourly wage, or a salary with its hours');
  const points: CurvePoint[] = [];
  let workAllowanceEndsAtHours: number | null = null;
  let universalCreditEndsAtHours: number | null = null;
  const steps = Math.round((toHours - fromHours) / stepHours);
  for (let i = 0; i <= steps; i++) {
    const hours = Math.round((fromHours + i * stepHours) * 100) / 100;
    const { output, breakdown } = calculateBetterOff(
      { ...h, job: { ...h.job, hoursPerWeek: hours, hourlyWage: wage, annualSalary: undefined } },
      rates,
    );
    const uc = breakdown.inWork.uc;
    if (
      workAllowanceEndsAtHours === null &&
      uc.earnedIncome > uc.workAllowance &&
      uc.awardBeforeCap > 0
    )
      workAllowanceEndsAtHours = hours;
    if (universalCreditEndsAtHours === null && hours > 0 && uc.universalCredit === 0)
      universalCreditEndsAtHours = hours;
    points.push({
      hours,
      grossPay: output.inWork.grossPay,
      takeHomePay: output.inWork.takeHomePay,
      universalCredit: output.inWork.universalCredit,
      income: output.inWork.income,
      betterOffMonthly: output.betterOffMonthly,
    });
  }
  return { points, workAllowanceEndsAtHours, universalCreditEndsAtHours };
}
