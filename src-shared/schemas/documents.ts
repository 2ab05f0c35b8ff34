/**
 * Printable documents: what can be issued, how, in which variant, and the provider-editable
 * wording (templates with merge fields). The PDF pipeline itself lives in src-main/pdf.
 */
import { z } from 'zod';
import { civilDate } from './participant';

/**
 * Letters about one appointment or a change of the participant's status, all built from fixed
 * wording (src-main/pdf/wording/notice-letters.ts) and the governing profile.
 */
export const NOTICE_LETTER_KINDS = [
  'appointment-confirmation',
  'appointment-change',
  'missed-appointment',
  'exit-letter',
  'in-work-check-in',
] as const;
export type NoticeLetterKind = (typeof NOTICE_LETTER_KINDS)[number];
/** The notice letters that are about one appointment, named by its id. */
export const APPOINTMENT_LETTER_KINDS = [
  'appointment-confirmation',
  'appointment-change',
  'missed-appointment',
  'in-work-check-in',
] as const satisfies readonly NoticeLetterKind[];

export const DOCUMENT_KINDS = [
  'induction-letter',
  'ppep',
  'better-off-statement',
  ...NOTICE_LETTER_KINDS,
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** How the document reached the participant (recorded in the letter log). */
export const ISSUE_METHODS = ['printed', 'emailed', 'handed-over'] as const;
export type IssueMethod = (typeof ISSUE_METHODS)[number];
/** How it was issued, said in words when missing (the letters page shows it beside the choice). */
export const issueMethodSchema = z.enum(ISSUE_METHODS, {
  message: 'Choose how the document is issued',
});

/** 'cy-en' is bilingual: the Welsh text first, then the English (Welsh Language Standards). */
export const DOCUMENT_LANGUAGES = ['en', 'cy', 'cy-en'] as const;
export type DocumentLanguage = (typeof DOCUMENT_LANGUAGES)[number];
/** The single languages a template is written in. */
export const TEMPLATE_LANGUAGES = ['en', 'cy'] as const;
export type TemplateLanguage = (typeof TEMPLATE_LANGUAGES)[number];

export const documentOptionsSchema = z
  .object({
    largePrint: z.boolean().optional(),
    language: z.enum(DOCUMENT_LANGUAGES).optional(),
    /** The Easy Read induction letter (short sentences, one idea a line, larger type). */
    easyRead: z.boolean().optional(),
  })
  .strict();
/** Unset options follow the participant's recorded accessible formats and language. */
export type DocumentOptionsInput = z.infer<typeof documentOptionsSchema>;
export interface DocumentOptions {
  largePrint: boolean;
  language: DocumentLanguage;
  /** Only present (true) on Easy Read letters, so older snapshots reprint unchanged. */
  easyRead?: true;
}

const wording = (max: number) => z.string().trim().min(1, 'Enter some wording').max(max);

/**
 * The induction letter's provider-editable wording. Fields hold plain text with merge fields
 * such as {{participant.preferredName}}; the lists are bullet points. Headings are short.
 */
export const inductionTemplateSchema = z
  .object({
    subject: wording(160),
    salutation: wording(160),
    intro: wording(1500),
    meetingHeading: wording(80),
    labels: z
      .object({
        date: wording(40),
        time: wording(40),
        place: wording(40),
        contact: wording(40),
        phone: wording(40),
        email: wording(40),
        publicTransport: wording(40),
        parking: wording(40),
        stepFree: wording(40),
        stepFreeYes: wording(200),
        stepFreeNo: wording(200),
      })
      .strict(),
    travelHeading: wording(80),
    supportHeading: wording(80),
    supportIntro: wording(1500),
    bringHeading: wording(80),
    bring: z.array(wording(300)).min(1).max(12),
    adjustmentsHeading: wording(80),
    adjustmentsIntro: wording(600),
    promisesHeading: wording(80),
    expectedHeading: wording(80),
    expected: z.array(wording(300)).min(1).max(12),
    rearrangeHeading: wording(80),
    rearrange: wording(1500),
    nextHeading: wording(80),
    next: wording(1500),
    complaintsHeading: wording(80),
    complaintsIntro: wording(1500),
    privacyHeading: wording(80),
    privacy: wording(2000),
    signOff: wording(80),
  })
  .strict();
export type InductionTemplate = z.infer<typeof inductionTemplateSchema>;

export const templateSaveSchema = z
  .object({
    kind: z.literal('induction-letter'),
    language: z.enum(TEMPLATE_LANGUAGES),
    body: inductionTemplateSchema,
  })
  .strict();
export type TemplateSave = z.infer<typeof templateSaveSchema>;

export interface TemplateVersion {
  kind: 'induction-letter';
  language: TemplateLanguage;
  /** 0 is the wording Waymark ships; a provider's saved versions count up from 1. */
  version: number;
  body: InductionTemplate;
  savedAt: string | null;
  savedBy: string | null;
}

/** The charter profile's wording a letter quotes: its promises and complaint route. */
export interface CharterWording {
  profileId: string;
  /** 'PPEP' or 'action plan'. */
  planName: string;
  promises: string[];
  /** In order: the provider first, then the funding body, then an ombudsman (e.g. SPSO). */
  complaintRoute: { name: string; how: string }[];
  /**
   * The profile's own letter wording (`letters` in the profile): an induction letter prints
   * `whatHappensNext`, `feedback` and `signOff` where the profile has them. Absent in snapshots
   * logged before profiles carried it, so those reprint unchanged.
   */
  letters?: Record<string, string>;
  /**
   * The profile's R8 number: within how many days we contact someone who missed a meeting (the
   * letter's {{charter.missedContactDays}}). Absent in snapshots logged before letters read it;
   * their templates wrote the number out.
   */
  missedContactDays?: number;
  /** The profile's R6 number: meetings a month (the letter's {{charter.meetingsAMonth}}). */
  meetingsPerMonth?: number;
}

/** Sample-able PPEP content until the plan editor lands. */
export const ppepSchema = z
  .object({
    aboutMe: z.string().trim().max(4000),
    strengths: z.array(z.string().trim().min(1).max(300)).max(20),
    goals: z
      .object({
        shortTerm: z.array(z.string().trim().min(1).max(300)).min(1).max(10),
        longTerm: z.array(z.string().trim().min(1).max(300)).min(1).max(10),
      })
      .strict(),
    barriers: z
      .array(
        z
          .object({
            barrier: z.string().trim().min(1).max(300),
            support: z.string().trim().min(1).max(600),
          })
          .strict(),
      )
      .max(20),
    steps: z
      .array(
        z
          .object({
            action: z.string().trim().min(1).max(300),
            owner: z.enum(['participant', 'adviser', 'both']),
            /** Empty while a draft step has no date yet. */
            due: z.union([z.literal(''), civilDate]),
            status: z.enum(['not-started', 'in-progress', 'done']),
          })
          .strict(),
      )
      .min(1)
      .max(40),
    skills: z.array(z.string().trim().min(1).max(300)).max(30).default([]),
    qualifications: z.array(z.string().trim().min(1).max(300)).max(30).default([]),
    training: z.array(z.string().trim().min(1).max(300)).max(30).default([]),
    agreedOn: civilDate.nullable(),
    /** The next review (charter R7), when one is due. */
    nextReview: civilDate.nullable(),
  })
  .strict();
export type PpepContent = z.output<typeof ppepSchema>;

const money = z.number().finite();
/** The calculator's output (shared/domain/better-off-format.md), plus what the statement names. */
export const betterOffResultSchema = z.object({
  outOfWork: z.object({
    universalCredit: money,
    childBenefit: money,
    takeHomePay: money,
    benefitCapReduction: money,
    childcareCosts: money,
    income: money,
  }),
  inWork: z.object({
    grossPay: money,
    incomeTax: money,
    nationalInsurance: money,
    pension: money,
    takeHomePay: money,
    universalCredit: money,
    childBenefit: money,
    benefitCapReduction: money,
    childcareCosts: money,
    travelToWork: money,
    income: money,
  }),
  betterOffMonthly: money,
  warnings: z.array(z.string()),
});
export type BetterOffResult = z.infer<typeof betterOffResultSchema>;

export const betterOffStatementSchema = z
  .object({
    taxYear: z.string().regex(/^\d{4}-\d{2}$/, 'Enter the tax year like 2025-26'),
    job: z
      .object({
        title: z.string().trim().min(1).max(120),
        hoursPerWeek: z.number().positive().max(80).optional(),
        hourlyWage: z.number().positive().optional(),
        annualSalary: z.number().positive().optional(),
      })
      .strict(),
    result: betterOffResultSchema,
  })
  .strict();
export type BetterOffStatement = z.infer<typeof betterOffStatementSchema>;

export const issueInductionSchema = z
  .object({
    participantId: z.string().uuid('Not a participant id'),
    method: issueMethodSchema,
    options: documentOptionsSchema.default({}),
    /** Why an induction date outside the charter's R3 window is still right (kept in the log). */
    outsideWindowReason: z
      .string()
      .trim()
      .min(10, 'Say why in at least 10 characters')
      .max(500)
      .optional(),
  })
  .strict();
export type IssueInduction = z.infer<typeof issueInductionSchema>;

export interface LetterLogEntry {
  id: string;
  participantId: string;
  kind: DocumentKind;
  /** Which wording version printed, per language, e.g. 'cy@0 en@3' ('-' for fixed wording). */
  templateVersions: string;
  language: DocumentLanguage;
  largePrint: boolean;
  method: IssueMethod;
  issuedAt: string;
  issuedBy: string;
  contentSha256: string;
  outsideWindowReason: string | null;
  reprintOf: string | null;
}

/** The letters a batch can make: the induction letter and the notice letters. */
export const BATCH_LETTER_KINDS = ['induction-letter', ...NOTICE_LETTER_KINDS] as const;
export type BatchLetterKind = (typeof BATCH_LETTER_KINDS)[number];

/** One letter in a batch: whose, which, and (appointment letters) the appointment it is about. */
export const batchLetterSchema = z
  .object({
    participantId: z.string().uuid('Not a participant id'),
    kind: z.enum(BATCH_LETTER_KINDS),
    appointmentId: z.string().uuid('Not an appointment id').optional(),
  })
  .strict();
export type BatchLetter = z.infer<typeof batchLetterSchema>;

/**
 * Input to a batch: the letters chosen (each must be one that applies to the participant now),
 * or participants (their letters that are due), or everyone whose letters are due; and whether
 * to write one print file or one PDF each. Options left unset follow each participant's record.
 */
export const batchStartSchema = z
  .object({
    letters: z
      .array(batchLetterSchema)
      .min(1, 'Choose at least one letter')
      .max(5000, 'Choose at most 5,000 letters at a time')
      .optional(),
    participantIds: z.array(z.string().uuid()).min(1).max(5000).optional(),
    /** Everyone with a letter that applies and has not been logged since. */
    due: z.literal(true).optional(),
    output: z.enum(['separate', 'single'], { message: 'Choose one print file or separate PDFs' }),
    options: documentOptionsSchema.default({}),
  })
  .strict()
  .refine((b) => [b.letters, b.participantIds, b.due].filter((x) => x !== undefined).length === 1, {
    path: ['letters'],
    message: 'Choose letters, or ask for everyone whose letter is due',
  });
export type BatchStart = z.infer<typeof batchStartSchema>;
export type BatchStartInput = z.input<typeof batchStartSchema>;

export interface BatchProgress {
  batchId: string;
  state: 'running' | 'finished' | 'cancelled' | 'failed';
  total: number;
  done: number;
  /** Participants skipped with the reason (e.g. the induction date is outside R3's window). */
  skipped: { participantId: string; reason: string }[];
  /** The letters being made, in order: file `index` of a batch of separate PDFs is letter `index`. */
  letters: { participantId: string; kind: BatchLetterKind }[];
  message: string | null;
}
