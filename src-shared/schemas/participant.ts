import { z } from 'zod';
import { isValid as isValidPostcode, toNormalised as normalisePostcode } from 'postcode';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { niNumberProblem, normaliseNiNumber } from '../domain/identity/ni-number';
import { isCivilDate } from '../domain/identity/civil-date';

export const PROGRAMMES = ['work-programme', 'restart', 'no-one-left-behind'] as const;
export const NATIONS = ['england-and-wales', 'scotland', 'northern-ireland'] as const;
export const BENEFITS = [
  'universal-credit',
  'jsa',
  'esa',
  'income-support',
  'none',
  'other',
] as const;
export const CONTACT_CHANNELS = ['phone', 'email', 'letter', 'text'] as const;
export const STATUSES = [
  'referred',
  'allocated',
  'contacted',
  'induction-booked',
  'started',
  'in-work',
  'exited',
] as const;
export const EXIT_REASONS = [
  'completed-programme',
  'sustained-employment',
  'moved-away',
  'no-longer-eligible',
  'withdrew',
  'other',
] as const;

export type Programme = (typeof PROGRAMMES)[number];
export type Nation = (typeof NATIONS)[number];
export type ParticipantStatus = (typeof STATUSES)[number];
export type ExitReason = (typeof EXIT_REASONS)[number];

export const civilDate = z
  .string()
  .trim()
  .refine(isCivilDate, { message: 'Enter a real date as YYYY-MM-DD' });

const text = (max: number) => z.string().trim().max(max, `Must be ${max} characters or fewer`);
const required = (label: string, max: number) => text(max).min(1, `Enter ${label}`);
const optionalText = (max: number) =>
  text(max)
    .optional()
    .transform((v) => (v ? v : undefined));

export const niNumber = z
  .string()
  .transform(normaliseNiNumber)
  .superRefine((v, ctx) => {
    const problem = niNumberProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const postcode = z
  .string()
  .trim()
  .refine((v) => isValidPostcode(v), { message: 'Enter a real UK postcode, like SW1A 1AA' })
  .transform((v) => normalisePostcode(v) ?? v);

/**
 * Why a phone number cannot be used, in words, or null when it is a UK number in use. An adviser
 * who types an ordinary-looking number is told what is wrong with it, not just that it is wrong.
 */
export function ukPhoneProblem(value: string): string | null {
  const v = value.trim();
  if (!v) return 'Enter a phone number, like 0114 496 0982';
  if (/[^\d\s()+\-.]/.test(v))
    return 'Enter the phone number using digits only (spaces and brackets are fine), like 0114 496 0982';
  const parsed = parsePhoneNumberFromString(v, 'GB');
  if (parsed?.country === 'GB' && parsed.isValid()) return null;
  if (parsed && parsed.country && parsed.country !== 'GB')
    return 'Enter a UK phone number: this looks like a number from another country';
  let digits = v.replace(/\D/g, '');
  if (v.startsWith('+44') || digits.startsWith('0044'))
    digits = `0${digits.replace(/^(00)?44/, '')}`;
  if (!digits.startsWith('0'))
    return 'A UK phone number starts with 0 (or +44), like 0114 496 0982';
  if (digits.length < 10 || digits.length > 11)
    return `A UK phone number has 10 or 11 digits; this has ${digits.length}`;
  if (/^07700900\d{3}$|^01632960\d{3}$/.test(digits))
    return 'Numbers starting 07700 900 and 01632 960 are reserved for TV and radio drama and never reach anyone';
  return 'That is not a UK phone number in use: check the code at the start';
}

export const ukPhone = z
  .string()
  .trim()
  .superRefine((v, ctx) => {
    const problem = ukPhoneProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .transform((v) => parsePhoneNumberFromString(v, 'GB')!.formatNational());

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export const addressSchema = z.object({
  line1: required('the first line of the address', 120),
  line2: optionalText(120),
  town: required('the town or city', 80),
  county: optionalText(80),
  postcode,
});

export const accessibleFormatsSchema = z.object({
  largePrint: z.boolean().default(false),
  welsh: z.boolean().default(false),
  easyRead: z.boolean().default(false),
});

/** Everything a Jobcentre referral and the intake conversation record about a participant. */
export const referralSchema = z
  .object({
    givenName: required('the first name', 80),
    familyName: required('the last name', 80),
    preferredName: optionalText(80),
    dateOfBirth: civilDate,
    niNumber,
    address: addressSchema,
    phone: z.preprocess(emptyToUndefined, ukPhone.optional()),
    email: z.preprocess(
      emptyToUndefined,
      z.email('Enter an email address like name@example.com').max(200).optional(),
    ),
    referralId: required('the referral reference', 40).regex(
      /^[A-Za-z0-9-]+$/,
      'Use letters, numbers and hyphens only',
    ),
    referralDate: civilDate,
    jobcentreOffice: required('the Jobcentre office', 80),
    benefit: z.enum(BENEFITS, { message: 'Choose a benefit' }),
    programme: z.enum(PROGRAMMES, { message: 'Choose a programme' }),
    charterProfile: required('the charter profile', 60),
    nation: z.enum(NATIONS, { message: 'Choose a nation' }),
    contactChannel: z.enum(CONTACT_CHANNELS, { message: 'Choose how they prefer to be contacted' }),
    language: text(60).default('English'),
    interpreterNeeded: z.boolean().default(false),
    adjustments: text(2000).default(''),
    accessibleFormats: accessibleFormatsSchema.default({
      largePrint: false,
      welsh: false,
      easyRead: false,
    }),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.dateOfBirth >= v.referralDate) {
      ctx.addIssue({
        code: 'custom',
        path: ['dateOfBirth'],
        message: 'Date of birth must be before the referral date',
      });
    }
    if (v.contactChannel === 'email' && !v.email) {
      ctx.addIssue({
        code: 'custom',
        path: ['email'],
        message: 'Enter an email address, as email is the preferred channel',
      });
    }
    if ((v.contactChannel === 'phone' || v.contactChannel === 'text') && !v.phone) {
      ctx.addIssue({
        code: 'custom',
        path: ['phone'],
        message: 'Enter a phone number, as phone or text is the preferred channel',
      });
    }
  });

export type ReferralInput = z.input<typeof referralSchema>;
export type Referral = z.output<typeof referralSchema>;

/** Which status may follow which; every change is an event on the timeline. */
export const STATUS_TRANSITIONS: Record<ParticipantStatus, readonly ParticipantStatus[]> = {
  referred: ['allocated', 'exited'],
  allocated: ['contacted', 'exited'],
  contacted: ['induction-booked', 'exited'],
  'induction-booked': ['started', 'contacted', 'exited'],
  started: ['in-work', 'exited'],
  'in-work': ['started', 'exited'],
  exited: [],
};

export const statusChangeSchema = z
  .object({
    id: z.string().uuid(),
    status: z.enum(STATUSES, { message: 'Choose the new status' }),
    date: civilDate,
    exitReason: z.enum(EXIT_REASONS).optional(),
    note: text(500).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.status === 'exited' && !v.exitReason) {
      ctx.addIssue({
        code: 'custom',
        path: ['exitReason'],
        message: 'Choose why the participant is exiting',
      });
    }
    if (v.status !== 'exited' && v.exitReason) {
      ctx.addIssue({
        code: 'custom',
        path: ['exitReason'],
        message: 'An exit reason is only for exits',
      });
    }
  });
export type StatusChange = z.infer<typeof statusChangeSchema>;

/** One row of the caseload table: only what the table shows, never special-category data. */
export interface CaseloadRow {
  id: string;
  referralId: string;
  name: string;
  preferredName: string | null;
  niNumber: string;
  postcode: string;
  programme: Programme;
  status: ParticipantStatus;
  referralDate: string;
  nation: Nation;
  updatedAt: string;
}

export interface Participant extends Referral {
  id: string;
  status: ParticipantStatus;
  exitReason: ExitReason | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface TimelineEvent {
  id: string;
  participantId: string;
  kind: string;
  date: string;
  recordedAt: string;
  actor: string;
  summary: string;
  data: Record<string, unknown>;
  /** The note typed with the contact, life event or meeting, if any. */
  note?: string | null;
  /** A special-category meeting note exists; it is read on the meetings page, never here. */
  noteHidden?: boolean;
}
