/**
 * The calculator's input: the JSON form of docs better-off-format.md, accepted as it is, plus a few
 * optional fields a screen can prefill (spare bedrooms, disability benefits, the calculation date).
 * Impossible values are refused with the field's path named.
 */
import { z } from 'zod';
import { isCivilDate } from '../identity/civil-date';

export const COUNTRIES = ['england', 'wales', 'scotland', 'northern-ireland'] as const;
export const TENURES = ['private', 'social', 'owner', 'none'] as const;
export const PENSION_SCHEMES = ['relief-at-source', 'net-pay', 'none'] as const;
export const CHILD_DISABILITY = ['none', 'lower', 'higher'] as const;

export type Country = (typeof COUNTRIES)[number];
export type Tenure = (typeof TENURES)[number];
export type PensionScheme = (typeof PENSION_SCHEMES)[number];

const money = (label: string) =>
  z
    .number({ message: `Enter ${label} as a number of pounds` })
    .min(0, `${label} cannot be negative`)
    .max(1_000_000, `${label} looks too large`);

const date = z.string().refine(isCivilDate, { message: 'Enter a real date as YYYY-MM-DD' });

const adultSchema = z.object({
  age: z
    .number({ message: 'Enter the age in years' })
    .int('Enter the age in whole years')
    .min(16, 'An adult must be 16 or over')
    .max(120, 'Enter a real age'),
  lcwra: z.boolean().default(false),
  lcwraFromBefore2026: z.boolean().default(false),
  /** Limited capability for work established before 3 April 2017 (the old LCW element). */
  lcw: z.boolean().default(false),
  carer: z.boolean().default(false),
  /** Gets PIP, DLA, Attendance Allowance or ADP: exempt from the benefit cap. */
  disabilityBenefits: z.boolean().default(false),
});

const childSchema = z.object({
  birthDate: date,
  disability: z.enum(CHILD_DISABILITY, { message: 'Choose none, lower or higher' }).default('none'),
  /** An exception to the two-child limit (multiple birth, adoption, kinship care, …). */
  twoChildLimitException: z.boolean().default(false),
});

const housingSchema = z.object({
  tenure: z.enum(TENURES, { message: 'Choose private, social, owner or none' }),
  rentMonthly: money('The rent').default(0),
  lhaMonthly: money('The Local Housing Allowance').optional(),
  /** Social rent: spare bedrooms for the under-occupancy reduction (14% for one, 25% for two+). */
  spareBedrooms: z.number().int('Enter a whole number of bedrooms').min(0).max(10).default(0),
});

const jobSchema = z.object({
  adult: z.number().int('Choose the adult by number').min(0, 'Choose the adult by number'),
  hoursPerWeek: z
    .number({ message: 'Enter the hours as a number' })
    .min(0, 'Hours per week cannot be negative')
    .max(100, 'Hours per week cannot be more than 100')
    .optional(),
  hourlyWage: money('The hourly wage').optional(),
  annualSalary: money('The annual salary').optional(),
  pension: z
    .enum(PENSION_SCHEMES, { message: 'Choose relief-at-source, net-pay or none' })
    .default('relief-at-source'),
});

const taxYear = z
  .string({ message: 'Enter the tax year like 2025-26' })
  .regex(/^\d{4}-\d{2}$/, 'Enter the tax year like 2025-26')
  .refine((v) => (Number(v.slice(0, 4)) + 1) % 100 === Number(v.slice(5)), {
    message: 'A tax year runs into the next year, like 2025-26',
  });

export const betterOffInputSchema = z
  .object({
    taxYear,
    country: z.enum(COUNTRIES, {
      message: 'Choose england, wales, scotland or northern-ireland',
    }),
    london: z.boolean().default(false),
    adults: z.array(adultSchema).min(1, 'Enter one adult or two').max(2, 'Enter one adult or two'),
    children: z.array(childSchema).max(20, 'Enter no more than 20 children').default([]),
    housing: housingSchema.default({ tenure: 'none', rentMonthly: 0, spareBedrooms: 0 }),
    savings: money('Savings').default(0),
    otherIncomeMonthly: money('Other income').default(0),
    childcareMonthly: z
      .object({
        outOfWork: money('Childcare out of work').default(0),
        inWork: money('Childcare in work').default(0),
      })
      .default({ outOfWork: 0, inWork: 0 }),
    travelToWorkMonthly: money('Travel to work').default(0),
    job: jobSchema,
    /** The date children's ages are taken on; by default the first day of the tax year. */
    asOf: date.optional(),
  })
  .superRefine((v, ctx) => {
    const start = Number(v.taxYear.slice(0, 4));
    const startsOn = `${start}-04-06`;
    const endsOn = `${start + 1}-04-05`;
    if (v.job.adult >= v.adults.length)
      ctx.addIssue({
        code: 'custom',
        path: ['job', 'adult'],
        message: `There ${v.adults.length === 1 ? 'is one adult (number 0)' : 'are two adults (0 and 1)'}`,
      });
    const hourly = v.job.hoursPerWeek !== undefined || v.job.hourlyWage !== undefined;
    if (v.job.annualSalary === undefined) {
      if (v.job.hoursPerWeek === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['job', 'hoursPerWeek'],
          message: 'Enter the hours per week (with an hourly wage) or an annual salary',
        });
      if (v.job.hourlyWage === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['job', 'hourlyWage'],
          message: 'Enter the hourly wage (with hours per week) or an annual salary',
        });
    } else if (v.job.hourlyWage !== undefined && hourly)
      ctx.addIssue({
        code: 'custom',
        path: ['job', 'annualSalary'],
        message: 'Enter an hourly wage or an annual salary, not both',
      });
    if (v.housing.tenure === 'private' && v.housing.lhaMonthly === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['housing', 'lhaMonthly'],
        message: 'Enter the Local Housing Allowance for the bedroom entitlement (private rent)',
      });
    v.children.forEach((child, i) => {
      if (child.birthDate > endsOn)
        ctx.addIssue({
          code: 'custom',
          path: ['children', i, 'birthDate'],
          message: `The child is born after the ${v.taxYear} tax year (it ends on ${endsOn})`,
        });
    });
    if (v.asOf !== undefined && (v.asOf < startsOn || v.asOf > endsOn))
      ctx.addIssue({
        code: 'custom',
        path: ['asOf'],
        message: `The date must be in the ${v.taxYear} tax year (${startsOn} to ${endsOn})`,
      });
  });

export type BetterOffInput = z.input<typeof betterOffInputSchema>;
export type Household = z.output<typeof betterOffInputSchema>;

export interface InputIssue {
  /** The field's path, like "job.hoursPerWeek" or "children.0.birthDate". */
  field: string;
  message: string;
}

/** Refused input: every problem, each naming its field. */
export class BetterOffInputError extends Error {
  constructor(readonly issues: InputIssue[]) {
    super(issues.map((i) => `${i.field}: ${i.message}`).join('\n'));
    this.name = 'BetterOffInputError';
  }
  get field(): string {
    return this.issues[0]?.field ?? '';
  }
}

export function parseBetterOffInput(raw: unknown): Household {
  const parsed = betterOffInputSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new BetterOffInputError(
    parsed.error.issues.map((issue) => ({
      field: issue.path.length ? issue.path.join('.') : '(input)',
      message: issue.message,
    })),
  );
}
