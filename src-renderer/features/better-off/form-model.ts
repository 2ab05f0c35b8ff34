/**
 * The better-off form's values and validation. The household part is validated by the
 * calculator's own input schema, so what the screen accepts is what the main process and the
 * command line accept. Empty number boxes arrive as NaN and count as "not given".
 */
import { z } from 'zod';
import type { FieldErrors, Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  betterOffInputSchema,
  calculateBetterOff,
  explainBetterOff,
  ratesForTaxYear,
  type BetterOffInput,
  type BetterOffResult,
  type Explanation,
  type Household,
  type Rates,
} from '@shared/domain/better-off';
import { isCivilDate } from '@shared/domain/identity/civil-date';
import { toCivilDate } from '../../components/date-input';

export interface BetterOffFormValues extends BetterOffInput {
  /** The day it was explained to the participant (R11), as the date boxes hold it. */
  explainedOn: string;
  label: string;
  /** The job's title, for the printed statement. */
  jobTitle: string;
}

export interface BetterOffFormOutput {
  household: Household;
  explainedOn: string;
  label: string;
  jobTitle: string;
}

/** NaN (an empty number box) becomes undefined, and the date boxes become YYYY-MM-DD. */
function clean(value: unknown): unknown {
  if (typeof value === 'number') return Number.isNaN(value) ? undefined : value;
  if (Array.isArray(value)) return value.map(clean);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clean(v)]));
  return value;
}

export function prepare(values: BetterOffFormValues): unknown {
  const cleaned = clean(values) as BetterOffFormValues;
  return {
    ...cleaned,
    children: (cleaned.children ?? []).map((c) => ({ ...c, birthDate: toCivilDate(c.birthDate) })),
    explainedOn: toCivilDate(cleaned.explainedOn),
  };
}

export function formSchema(today: string) {
  const extras = z.object({
    explainedOn: z
      .string()
      .refine(isCivilDate, { message: 'Enter the date it was explained as a real date' })
      .refine((d) => d <= today, { message: 'The date it was explained cannot be in the future' }),
    label: z.string().trim().max(120, 'Keep the label to 120 characters or fewer'),
    jobTitle: z.string().trim().max(120, 'Keep the job title to 120 characters or fewer'),
  });
  return z.intersection(betterOffInputSchema, extras).transform((v): BetterOffFormOutput => {
    const { explainedOn, label, jobTitle, ...household } = v;
    return { household: household as Household, explainedOn, label, jobTitle };
  });
}

export function formResolver(
  today: string,
): Resolver<BetterOffFormValues, unknown, BetterOffFormOutput> {
  const schemaResolver = zodResolver(formSchema(today));
  return (values, context, options) =>
    schemaResolver(prepare(values) as never, context, options as never) as never;
}

/** Every form error as (path, message), in the order the fields appear. */
const ORDER = [
  'taxYear',
  'country',
  'london',
  'adults',
  'job.adult',
  'children',
  'housing',
  'savings',
  'otherIncomeMonthly',
  'childcareMonthly',
  'travelToWorkMonthly',
  'job',
  'jobTitle',
  'explainedOn',
  'label',
];

export function flattenErrors(errors: FieldErrors): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  const walk = (node: unknown, path: string[]) => {
    if (!node || typeof node !== 'object') return;
    const message = (node as { message?: unknown }).message;
    if (typeof message === 'string' && message) {
      out.push({ path: path.join('.'), message });
      return;
    }
    for (const [key, child] of Object.entries(node)) if (key !== 'ref') walk(child, [...path, key]);
  };
  walk(errors, []);
  const rank = (p: string) => {
    const i = ORDER.findIndex((o) => p === o || p.startsWith(`${o}.`));
    return i === -1 ? ORDER.length : i;
  };
  return out.sort((a, b) => rank(a.path) - rank(b.path));
}

export const fieldId = (path: string) => `better-off-${path.replace(/\./g, '-')}`;

/** The figures for the household as it now stands, or null while the form is incomplete. */
export interface LiveResult {
  household: Household;
  rates: Rates;
  result: BetterOffResult;
  explanation: Explanation;
}

export function liveResult(values: BetterOffFormValues): LiveResult | null {
  const parsed = betterOffInputSchema.safeParse(prepare(values));
  if (!parsed.success) return null;
  try {
    const rates = ratesForTaxYear(parsed.data.taxYear);
    const result = calculateBetterOff(parsed.data, rates);
    return {
      household: parsed.data,
      rates,
      result,
      explanation: explainBetterOff(result.breakdown),
    };
  } catch {
    // A tax year without rates: the form shows that error on submit.
    return null;
  }
}

/** The household as the form shows it: numbers the adviser can edit and dates in boxes. */
export function toFormValues(household: BetterOffInput, explainedOn: string): BetterOffFormValues {
  return {
    ...household,
    london: household.london ?? false,
    adults: household.adults.map((a) => ({
      lcwra: false,
      lcwraFromBefore2026: false,
      lcw: false,
      carer: false,
      disabilityBenefits: false,
      ...a,
    })),
    children: (household.children ?? []).map((c) => ({
      disability: 'none',
      twoChildLimitException: false,
      ...c,
    })),
    housing: {
      tenure: 'none',
      rentMonthly: 0,
      spareBedrooms: 0,
      ...household.housing,
    },
    savings: household.savings ?? 0,
    otherIncomeMonthly: household.otherIncomeMonthly ?? 0,
    childcareMonthly: { outOfWork: 0, inWork: 0, ...household.childcareMonthly },
    travelToWorkMonthly: household.travelToWorkMonthly ?? 0,
    explainedOn,
    label: '',
    jobTitle: '',
  };
}

export const pounds = (n: number) =>
  `${n < 0 ? '−' : ''}£${Math.abs(n).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
