/**
 * Each figure's working in plain English, for the screen's "show working" and the printed
 * statement. Built from the breakdown only when asked, so the calculator stays quick.
 */
import type { BetterOffBreakdown } from './calculate';
import type { UcBreakdown } from './universal-credit';
import { formatPounds as money } from './money';

export interface WorkingLine {
  /** The output field it explains, like "inWork.incomeTax". */
  figure: string;
  label: string;
  amount: number;
  steps: string[];
}

export interface Explanation {
  taxYear: string;
  ratesVersion: string;
  outOfWork: WorkingLine[];
  inWork: WorkingLine[];
  betterOff: WorkingLine;
  notIncluded: string[];
}

const pct = (rate: number) => `${Math.round(rate * 10000) / 100}%`;
const pounds = (pence: number) => pence / 100;

export const NOT_INCLUDED = [
  'Council Tax Reduction, which your council works out.',
  'Free school meals, free prescriptions and other help that goes with Universal Credit.',
  'Months with five weekly paydays (or two four-weekly paydays), when Universal Credit is lower: these figures are a monthly average.',
  'Non-dependant deductions, transitional protection, surplus earnings, sanctions and debt deductions.',
  'The benefit cap grace period of nine months after work ends.',
];

const SA_LABEL: Record<UcBreakdown['elements']['standardAllowanceKind'], string> = {
  singleUnder25: 'single, under 25',
  single25OrOver: 'single, 25 or over',
  coupleBothUnder25: 'couple, both under 25',
  coupleOneOrBoth25OrOver: 'couple, at least one 25 or over',
};

const EXEMPTION: Record<string, string> = {
  earnings: 'earnings are at or over the threshold',
  lcwra: 'the award includes the LCWRA element',
  carer: 'the award includes a carer element',
  'disability-benefits': 'someone gets a disability benefit',
  'disabled-child': 'a child gets a disability benefit',
  'state-pension-age': 'someone is over State Pension age',
};

function ucLines(b: BetterOffBreakdown, uc: UcBreakdown, scenario: string): WorkingLine {
  const e = uc.elements;
  const steps: string[] = [];
  if (uc.capitalOverLimit) {
    steps.push('Savings are over the upper capital limit, so there is no Universal Credit.');
    return { figure: `${scenario}.universalCredit`, label: 'Universal Credit', amount: 0, steps };
  }
  steps.push(
    `Standard allowance (${SA_LABEL[e.standardAllowanceKind]}): ${money(e.standardAllowance)}.`,
  );
  for (const c of e.children) {
    const who = `Child ${c.child + 1}`;
    if (c.reason === 'two-child-limit')
      steps.push(`${who}: no child element (two-child limit; born on or after 6 April 2017).`);
    else
      steps.push(
        `${who}: child element ${money(c.amount)}${c.reason === 'first-before-2017' ? ' (higher rate: eldest child born before 6 April 2017)' : ''}.`,
      );
  }
  for (const d of e.disabledChildren)
    steps.push(
      `Child ${d.child + 1}: disabled child addition, ${d.rate} rate, ${money(d.amount)}.`,
    );
  if (e.lcwra)
    steps.push(`Limited capability for work and work-related activity: ${money(e.lcwra)}.`);
  if (e.lcw) steps.push(`Limited capability for work (from before April 2017): ${money(e.lcw)}.`);
  for (const c of e.carers) steps.push(`Carer element: ${money(c)}.`);
  if (e.childcare)
    steps.push(
      `Childcare costs element: 85% of childcare paid${e.childcareCapped ? ', held at the cap' : ''}, ${money(e.childcare)}.`,
    );
  const housing = b.household.housing;
  if (housing.tenure === 'private')
    steps.push(
      `Housing: rent ${money(Math.round(housing.rentMonthly * 100))}, Local Housing Allowance ${money(Math.round((housing.lhaMonthly ?? 0) * 100))}; the lower is paid, ${money(e.housing)}.`,
    );
  else if (housing.tenure === 'social')
    steps.push(
      `Housing: social rent ${money(Math.round(housing.rentMonthly * 100))}${housing.spareBedrooms ? `, less ${housing.spareBedrooms >= 2 ? '25%' : '14%'} for spare bedrooms` : ''}: ${money(e.housing)}.`,
    );
  else steps.push('Housing: no housing costs element (no rent paid).');
  steps.push(`Maximum amount: ${money(uc.maximumAmount)}.`);
  if (uc.earnedIncome > 0) {
    steps.push(
      uc.workAllowance > 0
        ? `Work allowance: ${money(uc.workAllowance)} of earnings is kept before the taper.`
        : 'No work allowance (no children and no limited capability for work).',
    );
    steps.push(
      `Earnings deduction: ${pct(uc.taperRate)} of (${money(uc.earnedIncome)} − ${money(uc.workAllowance)}) = ${money(uc.earningsDeduction)}.`,
    );
  }
  if (uc.tariffIncome) steps.push(`Assumed income from savings: ${money(uc.tariffIncome)}.`);
  if (uc.otherIncome)
    steps.push(`Other income taken off pound for pound: ${money(uc.otherIncome)}.`);
  steps.push(`Universal Credit before the benefit cap: ${money(uc.awardBeforeCap)}.`);
  if (uc.cap.exemptBecause.length)
    steps.push(
      `Benefit cap: does not apply because ${uc.cap.exemptBecause.map((r) => EXEMPTION[r] ?? r).join(' and ')}.`,
    );
  else if (uc.cap.reduction > 0)
    steps.push(
      `Benefit cap ${money(uc.cap.level)}: Universal Credit plus Child Benefit is ${money(uc.cap.benefitsCounted)}, so ${money(uc.cap.reduction)} is taken off (never from the childcare element).`,
    );
  else steps.push(`Benefit cap ${money(uc.cap.level)}: benefits are under it.`);
  return {
    figure: `${scenario}.universalCredit`,
    label: 'Universal Credit',
    amount: pounds(uc.universalCredit),
    steps,
  };
}

export function explainBetterOff(b: BetterOffBreakdown): Explanation {
  const p = b.inWork.pay;
  const cb = b.facts.childBenefit;
  const cbLine = (scenario: string): WorkingLine => ({
    figure: `${scenario}.childBenefit`,
    label: 'Child Benefit',
    amount: pounds(cb.monthly),
    steps:
      cb.weekly === 0
        ? ['No children, so no Child Benefit.']
        : [
            `${money(cb.weekly)} a week (eldest child at the higher rate) × 52 ÷ 12 = ${money(cb.monthly)}.`,
          ],
  });

  const grossSteps =
    p.basis === 'hourly'
      ? [
          `${p.hoursPerWeek} hours × ${money(Math.round((p.hourlyWage ?? 0) * 100))} = ${money(p.weeklyGross ?? 0)} a week.`,
          `${money(p.weeklyGross ?? 0)} × 52 ÷ 12 = ${money(p.grossPay)} a month.`,
        ]
      : [`${money(p.annualGross)} a year ÷ 12 = ${money(p.grossPay)} a month.`];

  const pe = p.pension;
  const pensionSteps =
    pe.notEnrolled === 'opted-out'
      ? ['Opted out of the workplace pension: nothing is taken.']
      : pe.notEnrolled === 'age'
        ? ['Not automatically enrolled at this age: nothing is taken.']
        : pe.notEnrolled === 'below-trigger'
          ? ['Pay is under the automatic-enrolment trigger: nothing is taken.']
          : [
              `Qualifying earnings: pay between the lower and upper limits, ${money(pe.qualifyingEarnings)}.`,
              pe.scheme === 'relief-at-source'
                ? `Relief at source: 4% comes out of pay, ${money(pe.fromPay)}; HMRC adds the other 1%.`
                : `Net pay arrangement: 5% comes out of pay before tax, ${money(pe.fromPay)}.`,
              `Universal Credit counts the full 5% contribution, ${money(pe.grossContribution)}.`,
            ];

  const t = p.tax;
  const taxSteps = [
    `Pay for the year: ${money(p.annualGross)}${t.netPayReliefAnnual ? `, less pension of ${money(t.netPayReliefAnnual)} paid before tax` : ''}.`,
    `Personal allowance: ${money(t.personalAllowanceAnnual)}; taxable pay ${money(t.taxableAnnual)}.`,
    ...t.perBand.map(
      (band) => `${pct(band.rate)} of ${money(band.amountAnnual)} = ${money(band.taxAnnual)}.`,
    ),
    `${t.bands === 'scotland' ? 'Scottish' : 'UK'} income tax for the year ${money(t.annual)} ÷ 12 = ${money(t.monthly)}.`,
  ];
  const n = p.ni;
  const niSteps = n.overStatePensionAge
    ? ['No National Insurance over State Pension age.']
    : [
        `8% of pay between the primary threshold and the upper earnings limit: ${money(n.mainAnnual)} a year.`,
        ...(n.additionalAnnual
          ? [`2% of pay above the upper earnings limit: ${money(n.additionalAnnual)}.`]
          : []),
        `${money(n.annual)} ÷ 12 = ${money(n.monthly)}.`,
      ];

  const outUc = b.outOfWork.uc;
  const inUc = b.inWork.uc;
  const outOfWork: WorkingLine[] = [
    ucLines(b, outUc, 'outOfWork'),
    cbLine('outOfWork'),
    {
      figure: 'outOfWork.income',
      label: 'Income out of work',
      amount: pounds(b.outOfWork.income),
      steps: [
        `Universal Credit ${money(outUc.universalCredit)} + Child Benefit ${money(cb.monthly)} − childcare ${money(b.outOfWork.childcareCosts)} = ${money(b.outOfWork.income)}.`,
      ],
    },
  ];
  const inWork: WorkingLine[] = [
    {
      figure: 'inWork.grossPay',
      label: 'Pay before deductions',
      amount: pounds(p.grossPay),
      steps: grossSteps,
    },
    { figure: 'inWork.incomeTax', label: 'Income tax', amount: pounds(t.monthly), steps: taxSteps },
    {
      figure: 'inWork.nationalInsurance',
      label: 'National Insurance',
      amount: pounds(n.monthly),
      steps: niSteps,
    },
    {
      figure: 'inWork.pension',
      label: 'Workplace pension',
      amount: pounds(pe.fromPay),
      steps: pensionSteps,
    },
    {
      figure: 'inWork.takeHomePay',
      label: 'Take-home pay',
      amount: pounds(p.takeHomePay),
      steps: [
        `${money(p.grossPay)} − tax ${money(t.monthly)} − National Insurance ${money(n.monthly)} − pension ${money(pe.fromPay)} = ${money(p.takeHomePay)}.`,
        `Universal Credit counts earnings of ${money(p.grossPay)} − ${money(t.monthly)} − ${money(n.monthly)} − ${money(pe.grossContribution)} = ${money(p.ucEarnedIncome)}.`,
      ],
    },
    ucLines(b, inUc, 'inWork'),
    cbLine('inWork'),
    {
      figure: 'inWork.income',
      label: 'Income in work',
      amount: pounds(b.inWork.income),
      steps: [
        `Take-home pay ${money(p.takeHomePay)} + Universal Credit ${money(inUc.universalCredit)} + Child Benefit ${money(cb.monthly)} − childcare ${money(b.inWork.childcareCosts)} − travel ${money(b.inWork.travelToWork)} = ${money(b.inWork.income)}.`,
      ],
    },
  ];
  const weekly = Math.round((b.betterOff * 12) / 52);
  return {
    taxYear: b.taxYear,
    ratesVersion: b.ratesVersion,
    outOfWork,
    inWork,
    betterOff: {
      figure: 'betterOffMonthly',
      label: 'Better off in work',
      amount: pounds(b.betterOff),
      steps: [
        `${money(b.inWork.income)} in work − ${money(b.outOfWork.income)} out of work = ${money(b.betterOff)} a month (about ${money(weekly)} a week).`,
      ],
    },
    notIncluded: NOT_INCLUDED,
  };
}
