/**
 * The words people read for the values the app stores, shared by both processes (screens,
 * timeline summaries, calendar exports, document titles), so one value is always said one way.
 */
import type { AppointmentKind, AppointmentChannel } from '../schemas/diary';
import type { DocumentKind, DocumentLanguage, IssueMethod } from '../schemas/documents';
import type { CONTACT_CHANNELS } from '../schemas/participant';
import type { Nation } from '../domain/calendar/nations';
import type { ExitReviewOutcome } from '../schemas/status-work';
import type { Programme } from '../schemas/participant';
import type { AgreementMethod, SupportService } from '../schemas/plan';
import { APPOINTMENT_DURATIONS } from '../domain/diary/model';

export const APPOINTMENT_KIND_LABELS: Record<AppointmentKind, string> = {
  induction: 'Induction',
  regular: 'Meeting',
  'ppep-review': 'Plan review',
  'exit-review': 'Exit review',
  'in-work': 'In-work support',
};

/** 'Induction (60 minutes)': the kind with the length the diary books for it. */
export const appointmentKindWithLength = (kind: AppointmentKind): string =>
  `${APPOINTMENT_KIND_LABELS[kind]} (${APPOINTMENT_DURATIONS[kind]} minutes)`;

type Channel = AppointmentChannel | (typeof CONTACT_CHANNELS)[number];

/** A channel as a choice or a table cell: 'Phone'. */
export const CHANNEL_LABELS: Record<Channel, string> = {
  'in-person': 'In person',
  phone: 'Phone',
  video: 'Video',
  email: 'Email',
  letter: 'Letter',
  text: 'Text message',
};

/** A channel inside a sentence: 'Induction by phone'. */
export const CHANNEL_PHRASES: Record<Channel, string> = {
  'in-person': 'in person',
  phone: 'by phone',
  video: 'by video',
  email: 'by email',
  letter: 'by letter',
  text: 'by text message',
};

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  'induction-letter': 'Induction letter',
  ppep: 'Plan',
  'better-off-statement': 'Better-off statement',
  'appointment-confirmation': 'Appointment letter',
  'appointment-change': 'Appointment change letter',
  'missed-appointment': 'Missed appointment letter',
  'exit-letter': 'Exit letter',
  'in-work-check-in': 'In-work check-in letter',
};

export const ISSUE_METHOD_LABELS: Record<IssueMethod, string> = {
  printed: 'Printed',
  emailed: 'Emailed',
  'handed-over': 'Handed over',
};

export const DOCUMENT_LANGUAGE_LABELS: Record<DocumentLanguage, string> = {
  en: 'English',
  cy: 'Welsh',
  'cy-en': 'Welsh and English',
};

export const NATION_LABELS: Record<Nation, string> = {
  'england-and-wales': 'England and Wales',
  scotland: 'Scotland',
  'northern-ireland': 'Northern Ireland',
};

/** R13 exit review outcomes (src-shared/schemas/status-work.ts). */
export const EXIT_REVIEW_OUTCOME_LABELS: Record<ExitReviewOutcome, string> = {
  'handed-back': 'Not in work: handed back to Jobcentre Plus',
  'in-work': 'In work',
  'other-support': 'Moving on to other support',
};

/** Programme names (the renderer's labels re-export this; the hand-back summary prints it). */
export const PROGRAMME_LABELS: Record<Programme, string> = {
  'work-programme': 'Work Programme',
  restart: 'Restart',
  'no-one-left-behind': 'No One Left Behind',
};

/** How often a charter's meetings come, for letters and plans: 'twice a month', '3 gwaith y mis'. */
export function meetingsAMonth(n: number, lang: 'en' | 'cy' = 'en'): string {
  if (lang === 'cy') return `${['', 'unwaith', 'ddwywaith'][n] ?? `${n} gwaith`} y mis`;
  return `${['', 'once', 'twice'][n] ?? `${n} times`} a month`;
}

/** The support services a plan refers to (R10): on the plan screen and in timeline summaries. */
export const SUPPORT_SERVICE_LABELS: Record<SupportService, string> = {
  money: 'Money and debt advice',
  'drug-and-alcohol': 'Drug and alcohol support',
  housing: 'Housing',
  childcare: 'Childcare',
  other: 'Other specialist support',
};

/** How a plan was agreed, as a table cell: 'Phone'. */
export const AGREEMENT_METHOD_LABELS: Record<AgreementMethod, string> = {
  'in-person': 'In person',
  phone: 'Phone',
  video: 'Video',
  'signed-paper': 'Signed paper copy',
};

/** How a plan was agreed, inside a sentence: 'agreed by phone'. */
export const AGREEMENT_METHOD_PHRASES: Record<AgreementMethod, string> = {
  'in-person': 'in person',
  phone: 'by phone',
  video: 'by video call',
  'signed-paper': 'on a signed paper copy',
};
