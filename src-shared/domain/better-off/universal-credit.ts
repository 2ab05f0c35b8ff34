/** Method §4: Universal Credit for one monthly assessment period, then the benefit cap. */
import { ageOn } from '../identity/civil-date';
import type { Household } from './input';
import type { Rates } from './rates';
import { roundPence } from './money';

const TWO_CHILD_LIMIT_CUTOFF = '2017-04-06';

export interface ChildElementLine {
  /** Index in the input's children list. */
  child: number;
  amount: number;
  reason: 'first-before-2017' | 'standard' | 'two-child-limit';
}

/** Facts about the household that do not change with the job. */
export interface HouseholdFacts {
  couple: boolean;
  childAges: number[];
  /** Children young enough for the childcare element (under 16 on the calculation date). */
  childcareChildren: number;
  childBenefit: { weekly: number; monthly: number };
  overStatePensionAge: boolean;
}

export function householdFacts(h: Household, rates: Rates): HouseholdFacts {
  const on = h.asOf ?? rates.startsOn;
  const childAges = h.children.map((c) => Math.max(0, ageOn(c.birthDate, on)));
  const cb = rates.childBenefit;
  const n = h.children.length;
  const weekly = n === 0 ? 0 : cb.eldestWeekly + (n - 1) * cb.eachOtherWeekly;
  return {
    couple: h.adults.length === 2,
    childAges,
    childcareChildren: childAges.filter((a) => a < 16).length,
    childBenefit: { weekly, monthly: roundPence((weekly * 52) / 12) },
    overStatePensionAge: h.adults.some((a) => a.age >= rates.statePensionAge),
  };
}

export interface UcBreakdown {
  capitalOverLimit: boolean;
  elements: {
    standardAllowance: number;
    standardAllowanceKind: keyof Rates['standardAllowance'];
    children: ChildElementLine[];
    disabledChildren: { child: number; amount: number; rate: 'lower' | 'higher' }[];
    lcwra: number;
    lcw: number;
    carers: number[];
    childcare: number;
    childcareCapped: boolean;
    childcareWorkConditionMet: boolean;
    housing: number;
  };
  maximumAmount: number;
  workAllowance: number;
  taperRate: number;
  earnedIncome: number;
  earningsDeduction: number;
  tariffIncome: number;
  otherIncome: number;
  awardBeforeCap: number;
  cap: {
    exemptBecause: string[];
    level: number;
    benefitsCounted: number;
    reduction: number;
  };
  universalCredit: number;
}

function childElements(h: Household, rates: Rates): ChildElementLine[] {
  const order = h.children
    .map((c, i) => ({ ...c, i }))
    .sort((a, b) => (a.birthDate < b.birthDate ? -1 : a.birthDate > b.birthDate ? 1 : a.i - b.i));
  const limit = rates.twoChildLimit;
  let counted = 0;
  const lines: ChildElementLine[] = [];
  order.forEach((c, rank) => {
    const before2017 = c.birthDate < TWO_CHILD_LIMIT_CUTOFF;
    const allowed = limit === null || counted < limit || before2017 || c.twoChildLimitException;
    if (!allowed) {
      lines.push({ child: c.i, amount: 0, reason: 'two-child-limit' });
      return;
    }
    counted++;
    const first = rank === 0 && before2017;
    lines.push({
      child: c.i,
      amount: first ? rates.childElement.firstBornBefore6April2017 : rates.childElement.eachOther,
      reason: first ? 'first-before-2017' : 'standard',
    });
  });
  return lines.sort((a, b) => a.child - b.child);
}

export interface UcCircumstances {
  /** Combined UC earned income (pence). */
  earnedIncome: number;
  /** Which adults are in paid work. */
  working: boolean[];
  childcareCost: number;
}

export function universalCredit(
  h: Household,
  facts: HouseholdFacts,
  rates: Rates,
  c: UcCircumstances,
): UcBreakdown {
  const sa = rates.standardAllowance;
  const anyOver25 = h.adults.some((a) => a.age >= 25);
  const standardAllowanceKind: keyof Rates['standardAllowance'] = facts.couple
    ? anyOver25
      ? 'coupleOneOrBoth25OrOver'
      : 'coupleBothUnder25'
    : anyOver25
      ? 'single25OrOver'
      : 'singleUnder25';

  const children = childElements(h, rates);
  const disabledChildren = h.children.flatMap((child, i) =>
    child.disability === 'none'
      ? []
      : [
          {
            child: i,
            amount: rates.disabledChildAddition[child.disability],
            rate: child.disability,
          },
        ],
  );

  // One LCWRA element per award (reg 27(4)); someone with LCWRA gets it rather than the
  // carer element, the higher of the two in both years (reg 29(4)).
  const lcwraAdults = h.adults.filter((a) => a.lcwra);
  const lcwra =
    lcwraAdults.length === 0
      ? 0
      : lcwraAdults.some((a) => a.lcwraFromBefore2026)
        ? rates.lcwraElement.awardedBefore6April2026
        : rates.lcwraElement.newAwardFrom6April2026;
  const lcw = lcwra === 0 && h.adults.some((a) => a.lcw) ? rates.lcwElement : 0;
  const carers = h.adults.flatMap((a) => (a.carer && !a.lcwra ? [rates.carerElement] : []));

  // Childcare: a single claimant in work, or both partners unless the other has LCW(RA) or cares.
  const workConditionMet = h.adults.every(
    (a, i) =>
      c.working[i] || (facts.couple && c.working.some(Boolean) && (a.lcwra || a.lcw || a.carer)),
  );
  const cc = rates.childcare;
  const childcareCap = facts.childcareChildren >= 2 ? cc.capTwoOrMore : cc.capOneChild;
  const childcareWanted =
    workConditionMet && facts.childcareChildren > 0
      ? roundPence(c.childcareCost * cc.coverageRate)
      : 0;
  const childcare = Math.min(childcareWanted, childcareCap);

  const housingInput = h.housing;
  const rent = roundPence(housingInput.rentMonthly * 100);
  let housing = 0;
  if (housingInput.tenure === 'private')
    housing = Math.min(rent, roundPence((housingInput.lhaMonthly ?? 0) * 100));
  else if (housingInput.tenure === 'social') {
    const r = rates.socialRentReduction;
    const cut =
      housingInput.spareBedrooms >= 2
        ? r.twoOrMore
        : housingInput.spareBedrooms === 1
          ? r.oneSpareBedroom
          : 0;
    housing = rent - roundPence(rent * cut);
  }

  const childElementTotal = children.reduce((s, l) => s + l.amount, 0);
  const disabledTotal = disabledChildren.reduce((s, l) => s + l.amount, 0);
  const carerTotal = carers.reduce((s, x) => s + x, 0);
  const standardAllowance = sa[standardAllowanceKind];
  const maximumAmount =
    standardAllowance +
    childElementTotal +
    disabledTotal +
    lcwra +
    lcw +
    carerTotal +
    childcare +
    housing;

  const waEligible = h.children.length > 0 || h.adults.some((a) => a.lcwra || a.lcw);
  const workAllowance = waEligible
    ? housing > 0
      ? rates.workAllowance.withHousing
      : rates.workAllowance.withoutHousing
    : 0;
  const earningsDeduction = roundPence(
    Math.max(0, c.earnedIncome - workAllowance) * rates.taperRate,
  );

  const savings = roundPence(h.savings * 100);
  const cap = rates.capital;
  const capitalOverLimit = savings > cap.upperLimit;
  const tariffIncome =
    savings > cap.lowerLimit
      ? Math.ceil((savings - cap.lowerLimit) / 25_000) * cap.tariffPer250
      : 0;
  const otherIncome = roundPence(h.otherIncomeMonthly * 100);

  const awardBeforeCap = capitalOverLimit
    ? 0
    : Math.max(0, maximumAmount - earningsDeduction - otherIncome - tariffIncome);

  const exemptBecause: string[] = [];
  if (c.earnedIncome >= rates.benefitCap.earningsExemption) exemptBecause.push('earnings');
  if (lcwra > 0) exemptBecause.push('lcwra');
  if (carerTotal > 0) exemptBecause.push('carer');
  if (h.adults.some((a) => a.disabilityBenefits)) exemptBecause.push('disability-benefits');
  if (disabledChildren.length > 0) exemptBecause.push('disabled-child');
  if (facts.overStatePensionAge) exemptBecause.push('state-pension-age');
  const bc = rates.benefitCap;
  const family = facts.couple || h.children.length > 0;
  const level = h.london
    ? family
      ? bc.londonCoupleOrChildren
      : bc.londonSingle
    : family
      ? bc.outsideLondonCoupleOrChildren
      : bc.outsideLondonSingle;
  const benefitsCounted = awardBeforeCap + facts.childBenefit.monthly;
  // The cap never reaches into the childcare element.
  const reduction =
    exemptBecause.length > 0
      ? 0
      : Math.min(Math.max(0, benefitsCounted - level), Math.max(0, awardBeforeCap - childcare));

  return {
    capitalOverLimit,
    elements: {
      standardAllowance,
      standardAllowanceKind,
      children,
      disabledChildren,
      lcwra,
      lcw,
      carers,
      childcare,
      childcareCapped: childcareWanted > childcareCap,
      childcareWorkConditionMet: workConditionMet,
      housing,
    },
    maximumAmount,
    workAllowance,
    taperRate: rates.taperRate,
    earnedIncome: c.earnedIncome,
    earningsDeduction,
    tariffIncome,
    otherIncome,
    awardBeforeCap,
    cap: { exemptBecause, level, benefitsCounted, reduction },
    universalCredit: awardBeforeCap - reduction,
  };
}
