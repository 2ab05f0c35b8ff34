export { betterOff, calculateBetterOff } from './calculate';
export type { BetterOffBreakdown, BetterOffOutput, BetterOffResult } from './calculate';
export { explainBetterOff, NOT_INCLUDED } from './explain';
export type { Explanation, WorkingLine } from './explain';
export { incomeCurve } from './curve';
export type { CurveOptions, CurvePoint, IncomeCurve } from './curve';
export {
  betterOffInputSchema,
  BetterOffInputError,
  parseBetterOffInput,
  COUNTRIES,
  TENURES,
  PENSION_SCHEMES,
  CHILD_DISABILITY,
} from './input';
export type { BetterOffInput, Household, InputIssue } from './input';
export {
  ratesForTaxYear,
  ratesFromFile,
  RatesUnavailableError,
  TAX_YEARS_WITH_RATES,
} from './rates';
export type { Rates } from './rates';
