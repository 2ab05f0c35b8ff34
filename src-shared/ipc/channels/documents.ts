import { z } from 'zod';
import { channel, returns } from '../define';
import {
  ISSUE_METHODS,
  issueMethodSchema,
  NOTICE_LETTER_KINDS,
  type NoticeLetterKind,
  batchStartSchema,
  documentOptionsSchema,
  issueInductionSchema,
  ppepSchema,
  templateSaveSchema,
  type BatchLetterKind,
  type BatchProgress,
  type LetterLogEntry,
  type TemplateVersion,
} from '../../schemas/documents';

/** A reprint's bytes travel as base64; printing, opening and saving go through 'desktop:*'. */
export interface IssuedDocumentView {
  entry: LetterLogEntry;
  pdfBase64: string;
}

/** Something the adviser should know before a letter goes out; it never stops the letter. */
export interface LetterWarning {
  kind: 'adjustment-not-met' | 'short-notice' | 'wording-left-out';
  message: string;
}

/** What the letters page shows: the PDF itself, its text (the accessible alternative), checks. */
export interface LetterPreviewView {
  text: string;
  pdfBase64: string;
  window: InductionWindowView | null;
  warnings: LetterWarning[];
}

/** What happens to an induction date that breaks charter rule R3. */
export type InductionWindowView =
  { ok: true; deadline: string } | { ok: false; deadline: string | null; problem: string };

/** A letter the batch page offers: it applies now and has not been logged since. */
export interface DueLetterItem {
  kind: BatchLetterKind;
  /** Absent for the exit letter and the induction letter (about the booked induction). */
  appointmentId?: string;
  /** What it is about in words, e.g. 'Meeting, Tuesday 1 December 2026 at 10:00'. */
  label: string;
}

/** A participant the batch page offers, with every letter due for them and how it is written. */
export interface DueLetterView {
  participantId: string;
  givenName: string;
  familyName: string;
  referralId: string;
  /** The booked induction's local start, 'YYYY-MM-DDTHH:mm', or '' when none is booked. */
  inductionStart: string;
  letters: DueLetterItem[];
  /** Their letters' language and format in words, e.g. 'Welsh and English, large print'. */
  format: string;
}

/** A notice letter the letters page can offer now, and the appointment it is about. */
export interface LetterOfferView {
  kind: NoticeLetterKind;
  /** Absent for the exit letter, which is about no appointment. */
  appointmentId?: string;
  /** The appointment in words, e.g. 'Meeting, Tuesday 1 December 2026 at 10:00'. */
  label: string;
}

const participantId = z.string().uuid('Not a participant id');
/** A notice letter: which, and (all but the exit letter) the appointment it is about. */
const noticeLetter = {
  participantId,
  kind: z.enum(NOTICE_LETTER_KINDS),
  appointmentId: z.string().uuid('Choose the appointment the letter is about').optional(),
};
const batchId = z.object({ batchId: z.string().uuid('Not a batch id') }).strict();

/**
 * What 'documents:issue' takes: the letters page's form validates with it too (one schema).
 */
export const issueDocumentSchema = z.discriminatedUnion('kind', [
  issueInductionSchema.extend({ kind: z.literal('induction-letter') }),
  z
    .object({
      kind: z.literal('ppep'),
      participantId,
      method: issueMethodSchema,
      options: documentOptionsSchema.default({}),
      /** Without it, the participant's recorded plan (latest agreed, else the draft). */
      plan: ppepSchema.optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('better-off-statement'),
      participantId,
      method: issueMethodSchema,
      options: documentOptionsSchema.default({}),
      /** A saved calculation on this participant's record: the figures come from it. */
      calculationId: z.string().uuid('Choose a saved better-off calculation'),
    })
    .strict(),
  z
    .object({
      ...noticeLetter,
      method: issueMethodSchema,
      options: documentOptionsSchema.default({}),
    })
    .strict(),
]);

export const documentChannels = {
  /** The PDF, its text (read from the same definition), the R3 check and the warnings. */
  'documents:preview': channel(
    z.discriminatedUnion('kind', [
      z
        .object({
          participantId,
          kind: z.literal('induction-letter'),
          options: documentOptionsSchema.default({}),
        })
        .strict(),
      z.object({ ...noticeLetter, options: documentOptionsSchema.default({}) }).strict(),
    ]),
    returns<LetterPreviewView>(),
  ),
  /** The notice letters that apply to the participant now (appointments, missed, exit, in work). */
  'documents:offers': channel(z.object({ participantId }).strict(), returns<LetterOfferView[]>()),
  /**
   * Issues a document and returns its letter-log entry. Printed: the print dialog comes first
   * and null means the adviser cancelled it, so nothing was logged.
   */
  'documents:issue': channel(issueDocumentSchema, returns<LetterLogEntry | null>()),
  'documents:reprint': channel(
    z
      .object({ letterId: z.string().uuid('Not a letter id'), method: z.enum(ISSUE_METHODS) })
      .strict(),
    returns<IssuedDocumentView & { identical: boolean }>(),
  ),
  'documents:log': channel(z.object({ participantId }).strict(), returns<LetterLogEntry[]>()),
  'documents:batchStart': channel(batchStartSchema, returns<BatchProgress>()),
  'documents:batchProgress': channel(batchId, returns<BatchProgress>()),
  'documents:batchCancel': channel(batchId, returns<BatchProgress>()),
  /** A separate PDF by index, or (no index) the single print file. */
  'documents:batchFile': channel(
    z.object({ batchId: z.string().uuid(), index: z.number().int().min(0).optional() }).strict(),
    returns<{ fileName: string; pdfBase64: string }>(),
  ),
  'documents:templates': channel(z.object({}).strict(), returns<TemplateVersion[]>()),
  'documents:templateSave': channel(templateSaveSchema, returns<TemplateVersion>()),
  'documents:due': channel(z.object({}).strict(), returns<DueLetterView[]>()),
};
