/**
 * Rates for one tax year, read from resources/better-off/rates-YYYY-YY.json (each value there
 * carries its source). A year without a file is refused: never fall back to another year.
 */
import { z } from 'zod';
import rates2025 from '../../../resources/better-off/rates-2025-26.json' with { type: 'json' };
import rates2026 from '../../../resources/better-off/rates-2026-27.json' with { type: 'json' };
import { toPence } from './money';

export interface TaxBand {
  rate: number;
  /** Top of the band in pence of taxable income a year; null for the last band. */
  upToPence: number | null;
}

/** Money in pence (monthly unless the name says otherwise); rates as fractions. */
export interface Rates {
  taxYear: string;
  version: string;
  startsOn: string;
  endsOn: string;
  standardAllowance: {
    singleUnder25: number;
    single25OrOver: number;
    coupleBothUnder25: number;
    coupleOneOrBoth25OrOver: number;
  };
  childElement: { firstBornBefore6April2017: number; eachOther: number };
  twoChildLimit: number | null;
  disabledChildAddition: { lower: number; higher: number };
  lcwraElement: { awardedBefore6April2026: number; newAwardFrom6April2026: number };
  lcwElement: number;
  carerElement: number;
  childcare: { coverageRate: number; capOneChild: number; capTwoOrMore: number };
  workAllowance: { withHousing: number; withoutHousing: number };
  taperRate: number;
  socialRentReduction: { oneSpareBedroom: number; twoOrMore: number };
  benefitCap: {
    outsideLondonCoupleOrChildren: number;
    outsideLondonSingle: number;
    londonCoupleOrChildren: number;
    londonSingle: number;
    earningsExemption: number;
  };
  capital: { lowerLimit: number; upperLimit: number; tariffPer250: number };
  incomeTax: {
    personalAllowanceAnnual: number;
    taperThresholdAnnual: number;
    restOfUk: TaxBand[];
    scotland: TaxBand[];
  };
  nationalInsurance: {
    primaryThresholdAnnual: number;
    upperEarningsLimitAnnual: number;
    mainRate: number;
    additionalRate: number;
  };
  pension: {
    triggerMonthly: number;
    qualifyingLowerMonthly: number;
    qualifyingUpperMonthly: number;
    employeeRate: number;
    reliefAtSourceFromPayRate: number;
    minimumAge: number;
  };
  minimumWage: { age21OrOver: number; age18To20: number; age16To17: number; apprentice: number };
  childBenefit: { eldestWeekly: number; eachOtherWeekly: number };
  scottishChildPaymentWeekly: number;
  statePensionAge: number;
}

const bandSchema = z.object({ rate: z.number().min(0).max(1), upTo: z.number().nullable() });
const rateSchema = z
  .object({
    value: z.union([z.number(), z.null(), z.array(bandSchema)]),
    source: z.string().min(1),
  })
  .loose();

export const ratesFileSchema = z.object({
  taxYear: z.string().regex(/^\d{4}-\d{2}$/),
  version: z.string().min(1),
  startsOn: z.string(),
  endsOn: z.string(),
  rates: z.record(z.string(), rateSchema),
});
export type RatesFile = z.infer<typeof ratesFileSchema>;

/** Turns a rates file into the calculator's shape; a missing or mistyped value is an error. */
export function ratesFromFile(raw: unknown): Rates {
  const file = ratesFileSchema.parse(raw);
  const get = (key: string) => {
    const entry = file.rates[key];
    if (!entry) throw new Error(`The ${file.taxYear} rates have no ${key}`);
    return entry.value;
  };
  const num = (key: string): number => {
    const v = get(key);
    if (typeof v !== 'number') throw new Error(`The ${file.taxYear} rate ${key} is not a number`);
    return v;
  };
  const money = (key: string) => toPence(num(key));
  const bands = (key: string): TaxBand[] => {
    const v = get(key);
    if (!Array.isArray(v))
      throw new Error(`The ${file.taxYear} rate ${key} is not a list of bands`);
    return v.map((b) => ({ rate: b.rate, upToPence: b.upTo === null ? null : toPence(b.upTo) }));
  };
  const limit = get('twoChildLimit.children');
  return {
    taxYear: file.taxYear,
    version: file.version,
    startsOn: file.startsOn,
    endsOn: file.endsOn,
    standardAllowance: {
      singleUnder25: money('standardAllowance.singleUnder25'),
      single25OrOver: money('standardAllowance.single25OrOver'),
      coupleBothUnder25: money('standardAllowance.coupleBothUnder25'),
      coupleOneOrBoth25OrOver: money('standardAllowance.coupleOneOrBoth25OrOver'),
    },
    childElement: {
      firstBornBefore6April2017: money('childElement.firstChildBornBefore6April2017'),
      eachOther: money('childElement.eachOtherChild'),
    },
    twoChildLimit: typeof limit === 'number' ? limit : null,
    disabledChildAddition: {
      lower: money('disabledChildAddition.lower'),
      higher: money('disabledChildAddition.higher'),
    },
    lcwraElement: {
      awardedBefore6April2026: money('lcwraElement.awardedBefore6April2026'),
      newAwardFrom6April2026: money('lcwraElement.newAwardFrom6April2026'),
    },
    lcwElement: money('lcwElement'),
    carerElement: money('carerElement'),
    childcare: {
      coverageRate: num('childcare.coverageRate'),
      capOneChild: money('childcare.capOneChild'),
      capTwoOrMore: money('childcare.capTwoOrMoreChildren'),
    },
    workAllowance: {
      withHousing: money('workAllowance.withHousingCostsElement'),
      withoutHousing: money('workAllowance.withoutHousingCostsElement'),
    },
    taperRate: num('taperRate'),
    socialRentReduction: {
      oneSpareBedroom: num('housing.socialRentReductionOneSpareBedroom'),
      twoOrMore: num('housing.socialRentReductionTwoOrMoreSpareBedrooms'),
    },
    benefitCap: {
      outsideLondonCoupleOrChildren: money('benefitCap.outsideLondonCoupleOrWithChildren'),
      outsideLondonSingle: money('benefitCap.outsideLondonSingleNoChildren'),
      londonCoupleOrChildren: money('benefitCap.greaterLondonCoupleOrWithChildren'),
      londonSingle: money('benefitCap.greaterLondonSingleNoChildren'),
      earningsExemption: money('benefitCap.earningsExemptionThreshold'),
    },
    capital: {
      lowerLimit: money('capital.lowerLimit'),
      upperLimit: money('capital.upperLimit'),
      tariffPer250: money('capital.tariffIncomePer250'),
    },
    incomeTax: {
      personalAllowanceAnnual: money('incomeTax.personalAllowance'),
      taperThresholdAnnual: money('incomeTax.personalAllowanceTaperThreshold'),
      restOfUk: bands('incomeTax.bandsRestOfUk'),
      scotland: bands('incomeTax.bandsScotland'),
    },
    nationalInsurance: {
      primaryThresholdAnnual: money('nationalInsurance.primaryThresholdAnnual'),
      upperEarningsLimitAnnual: money('nationalInsurance.upperEarningsLimitAnnual'),
      mainRate: num('nationalInsurance.mainRate'),
      additionalRate: num('nationalInsurance.additionalRate'),
    },
    pension: {
      triggerMonthly: money('pension.earningsTriggerMonthly'),
      qualifyingLowerMonthly: money('pension.qualifyingEarningsLowerMonthly'),
      qualifyingUpperMonthly: money('pension.qualifyingEarningsUpperMonthly'),
      employeeRate: num('pension.employeeRate'),
      reliefAtSourceFromPayRate: num('pension.reliefAtSourceFromPayRate'),
      minimumAge: num('pension.minimumAge'),
    },
    minimumWage: {
      age21OrOver: money('minimumWage.age21OrOver'),
      age18To20: money('minimumWage.age18To20'),
      age16To17: money('minimumWage.age16To17'),
      apprentice: money('minimumWage.apprentice'),
    },
    childBenefit: {
      eldestWeekly: money('childBenefit.eldestWeekly'),
      eachOtherWeekly: money('childBenefit.eachOtherWeekly'),
    },
    scottishChildPaymentWeekly: money('scottishChildPaymentWeekly'),
    statePensionAge: num('statePensionAge'),
  };
}

const FILES: Record<string, unknown> = { '2025-26': rates2025, '2026-27': rates2026 };
const cache = new Map<string, Rates>();

export const TAX_YEARS_WITH_RATES: readonly string[] = Object.keys(FILES);

/** Thrown for a tax year with no rates file; names the field so the form can show it. */
export class RatesUnavailableError extends Error {
  readonly field = 'taxYear';
  constructor(readonly taxYear: string) {
    super(
      `taxYear: there are no rates for the tax year ${taxYear}; rates exist for ${TAX_YEARS_WITH_RATES.join(' and ')}`,
    );
    this.name = 'RatesUnavailableError';
  }
}

export function ratesForTaxYear(taxYear: string): Rates {
  const hit = cache.get(taxYear);
  if (hit) return hit;
  if (!Object.hasOwn(FILES, taxYear)) throw new RatesUnavailableError(taxYear);
  const rates = ratesFromFile(FILES[taxYear]);
  cache.set(taxYear, rates);
  return rates;
}
