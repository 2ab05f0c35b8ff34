/**
 * Printable documents: preview, issue, reprint, the letter log, provider wording and batches.
 * Every issued document is logged through the write path (audit + journal in the same
 * transaction) with the snapshot it was built from and the sha256 of its bytes, and appears on
 * the participant's timeline. Participant values never reach the audit detail or a log line.
 */
import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { sql, type Selectable } from 'kysely';
import type { LetterLogTable } from '../../db/schema';
import { AppError, notFound } from '../../errors';
import type { Desktop } from '../../app/desktop';
import { deliverPdf } from './pdf-delivery';
import type { DesktopAction, DesktopOutcome } from '@shared/ipc/channels/desktop';
import { BetterOffService } from '../better-off/better-off';
import type { Writer, WritePath } from '../../write-path/write-path';
import { addTimelineEvent } from '../caseload/participants';
import { buildDocument, type DocumentSnapshot } from '../../pdf/documents';
import { checkInductionWindow, type WindowCheck } from './induction-window';
import { checkNotice, noticeDaysOf } from './letter-checks';
import { createPdfRenderer, defaultFontDir, type PdfRenderer } from '../../pdf/render';
import { previewText } from '../../pdf/preview';
import { unknownFields } from '../../pdf/merge';
import { runBatch, type RunningBatch } from '../../pdf/batch';
import { inductionEn } from '../../pdf/wording/induction-en';
import { inductionCy } from '../../pdf/wording/induction-cy';
import { letterPlanName, letterWording } from './document-charter';
import { participantCharter } from '../obligations/participant-obligations';
import { governingProfileOf } from '../obligations/charter-profiles';
import { PlanService } from '../plans-meetings/plans';
import { ppepFromPlan } from '../plans-meetings/plan-document';
import { inductionSnapshot, loadParticipant, resolveOptions } from './document-snapshots';
import {
  inductionTemplateSchema,
  type BatchLetter,
  type BatchLetterKind,
  type BatchProgress,
  type BatchStart,
  type BetterOffStatement,
  type DocumentKind,
  type DocumentLanguage,
  type DocumentOptionsInput,
  type InductionTemplate,
  type IssueInduction,
  type IssueMethod,
  type LetterLogEntry,
  type NoticeLetterKind,
  type PpepContent,
  type TemplateLanguage,
  type TemplateSave,
  type TemplateVersion,
} from '@shared/schemas/documents';
import type { Participant } from '@shared/schemas/participant';
import type {
  DueLetterItem,
  DueLetterView,
  LetterOfferView,
  LetterWarning,
} from '@shared/ipc/channels/documents';
import { oneLetterEach } from '@shared/domain/documents/letter-choice';
import { formatInWords } from '@shared/domain/documents/letter-format';
import type { AppointmentKind } from '@shared/schemas/diary';
import { weekdayDayMonthYear } from '@shared/wording/dates';
import { noticeSnapshot } from './notice-snapshots';
import type { ChannelParsed } from '@shared/ipc/contract';

/** What 'documents:issue' takes, once the router has validated it. */
type IssueDocument = ChannelParsed<'documents:issue'>;
import { londonDate } from '@shared/domain/identity/civil-date';
import {
  APPOINTMENT_KIND_LABELS,
  DOCUMENT_KIND_LABELS,
  DOCUMENT_LANGUAGE_LABELS,
  ISSUE_METHOD_LABELS,
} from '@shared/wording/labels';

export interface DocumentServiceOptions {
  fontDir?: string;
}

export interface IssuedDocument {
  entry: LetterLogEntry;
  pdfBase64: string;
}

/** A logged document rebuilt for the desktop: its bytes and what to call them. */
export interface DocumentFile {
  entry: LetterLogEntry;
  bytes: Buffer;
  fileName: string;
  title: string;
  /** The rebuilt bytes hash to the sha256 logged when it was issued. */
  identical: boolean;
}

export interface DocumentPreview {
  text: string;
  pdfBase64: string;
  window: WindowCheck | null;
  /** Short notice, needs the booking does not meet: shown before the letter is issued. */
  warnings: LetterWarning[];
}

const DEFAULT_WORDING: Record<TemplateLanguage, InductionTemplate> = {
  en: inductionEn,
  cy: inductionCy,
};
const MAX_KEPT_BATCHES = 5;

interface Batch {
  progress: BatchProgress;
  running: RunningBatch | null;
  files: { fileName: string; bytes: Uint8Array }[];
  /** Each letter made, by index: logged as printed only when its file's print is confirmed. */
  made: { participantId: string; snapshot: DocumentSnapshot; hash: string }[];
  logged: Set<number>;
  printFile: Uint8Array | null;
  finished: Promise<BatchProgress>;
}

/** An appointment in words, e.g. 'Meeting, Tuesday 1 December 2026 at 10:00'. */
const appointmentLabel = (r: { kind: string; start: string }) =>
  `${APPOINTMENT_KIND_LABELS[r.kind as AppointmentKind] ?? 'Appointment'}, ${weekdayDayMonthYear(r.start)} at ${r.start.slice(11, 16)}`;

/**
 * The start of the meeting a logged letter printed (a notice letter's meeting, an induction
 * letter's appointment; null for a plan or a statement). The letter log keeps no appointment id,
 * and a letter about one appointment must not count for another changed before it was sent, so
 * a letter covers an appointment only if it printed that appointment's start.
 */
const meetingStartOf = (snapshot: 'snapshot' | 'l.snapshot') =>
  sql<
    string | null
  >`coalesce(json_extract(${sql.ref(snapshot)}, '$.meeting.start'), json_extract(${sql.ref(snapshot)}, '$.data.appointment.start'))`;

/** A letter a batch may make for a participant, and whether it is due (not logged since). */
type BatchCandidate = DueLetterItem & { due: boolean };
const sameLetter = (a: { kind: string; appointmentId?: string }, b: BatchLetter) =>
  a.kind === b.kind && (a.appointmentId ?? null) === (b.appointmentId ?? null);

const referralIdOf = (s: DocumentSnapshot) =>
  s.kind === 'induction-letter' ? s.data.participant.referralId : s.participant.referralId;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

function toEntry(r: Selectable<LetterLogTable>): LetterLogEntry {
  return {
    id: r.id,
    participantId: r.participant_id,
    kind: r.kind as DocumentKind,
    templateVersions: r.template_versions,
    language: r.language as DocumentLanguage,
    largePrint: r.large_print === 1,
    method: r.method as IssueMethod,
    issuedAt: r.issued_at,
    issuedBy: r.issued_by,
    contentSha256: r.content_sha256,
    outsideWindowReason: r.outside_window_reason,
    reprintOf: r.reprint_of,
  };
}

function templateVersions(s: DocumentSnapshot): string {
  if (s.kind !== 'induction-letter') return '-';
  return (Object.keys(s.templates) as TemplateLanguage[])
    .map((lang) => `${lang}@${s.templates[lang]!.version}`)
    .join(' ');
}

export class DocumentService {
  private rendererInstance: PdfRenderer | null = null;
  private readonly batches = new Map<string, Batch>();
  private readonly fontDirOption: string | undefined;

  constructor(
    private readonly wp: WritePath,
    options: DocumentServiceOptions = {},
  ) {
    this.fontDirOption = options.fontDir;
  }

  /** Found on first use, so a caseload opens even where printing is not set up. */
  private get fontDir(): string {
    return this.fontDirOption ?? defaultFontDir();
  }

  /** Fonts are parsed on first use, once per process. */
  private get renderer(): PdfRenderer {
    return (this.rendererInstance ??= createPdfRenderer(this.fontDir));
  }

  // ---- provider wording ----

  async template(kind: 'induction-letter', lang: TemplateLanguage): Promise<TemplateVersion> {
    const row = await this.wp.db
      .selectFrom('document_templates')
      .selectAll()
      .where('kind', '=', kind)
      .where('language', '=', lang)
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!row)
      return {
        kind,
        language: lang,
        version: 0,
        body: DEFAULT_WORDING[lang],
        savedAt: null,
        savedBy: null,
      };
    return {
      kind,
      language: lang,
      version: row.version,
      body: inductionTemplateSchema.parse(JSON.parse(row.body)),
      savedAt: row.saved_at,
      savedBy: row.saved_by,
    };
  }

  async listTemplates(): Promise<TemplateVersion[]> {
    return Promise.all((['en', 'cy'] as const).map((l) => this.template('induction-letter', l)));
  }

  /** Saves a new version; the old versions stay, so logged letters can say which one printed. */
  async saveTemplate(input: TemplateSave): Promise<TemplateVersion> {
    for (const [key, value] of Object.entries(input.body)) {
      const texts =
        typeof value === 'string' ? [value] : Array.isArray(value) ? value : Object.values(value);
      for (const text of texts) {
        const unknown = unknownFields(text);
        if (unknown.length > 0)
          throw new AppError(
            'invalid-input',
            `{{${unknown[0]}}} is not a merge field Waymark knows`,
            `body.${key}`,
          );
      }
    }
    return this.wp.transaction(async (w) => {
      const last = await w.trx
        .selectFrom('document_templates')
        .select('version')
        .where('kind', '=', input.kind)
        .where('language', '=', input.language)
        .orderBy('version', 'desc')
        .limit(1)
        .executeTakeFirst();
      const row = {
        id: uuidv7(),
        kind: input.kind,
        language: input.language,
        version: (last?.version ?? 0) + 1,
        body: JSON.stringify(input.body),
        saved_at: w.now.toISOString(),
        saved_by: w.actor.name,
      };
      await w.trx.insertInto('document_templates').values(row).execute();
      await w.record({
        entityType: 'document_template',
        entityId: row.id,
        op: 'insert',
        payload: row,
        action: 'document.template.save',
        detail: { kind: row.kind, language: row.language, version: row.version },
      });
      return { ...input, version: row.version, savedAt: row.saved_at, savedBy: row.saved_by };
    });
  }

  // ---- induction letters ----

  /**
   * The letter and its R3 check from one reading of the participant's charter: the profile that
   * governs them on the letter's date (its wording, plan name and complaint route) and the
   * engine's R3 obligation under that profile.
   */
  private async inductionFor(p: Participant, options: DocumentOptionsInput, at: Date) {
    const charter = await participantCharter(this.wp.db, p.id, londonDate(at));
    const { snapshot, adjustments } = await inductionSnapshot(
      this.wp.db,
      p,
      resolveOptions(p, options),
      at,
      {
        template: async (lang) => {
          const t = await this.template('induction-letter', lang);
          return { version: t.version, body: t.body };
        },
        charter: (lang) => letterWording(charter.profile, lang),
      },
    );
    const meetingDate = snapshot.data.appointment.start.slice(0, 10);
    const window = checkInductionWindow(meetingDate, charter);
    const notice = checkNotice(
      snapshot.data.letterDate,
      meetingDate,
      noticeDaysOf(charter.profile.profile.letters),
    );
    const warnings = [...(notice ? [notice] : []), ...adjustments.warnings];
    return { snapshot, window, warnings };
  }

  /**
   * A notice letter (appointment confirmation or change, missed appointment, exit, in-work
   * check-in) and its warnings, under the profile that governs the participant on its date.
   */
  private async noticeFor(
    p: Participant,
    kind: NoticeLetterKind,
    appointmentId: string | undefined,
    options: DocumentOptionsInput,
    at: Date,
  ) {
    const governing = await governingProfileOf(this.wp.db, p.id, londonDate(at));
    const { easyRead: _induction, ...o } = resolveOptions(p, options);
    return noticeSnapshot(this.wp.db, p, kind, appointmentId, o, at, {
      governing,
      writer: this.wp.actor.name,
      charter: (lang) => letterWording(governing, lang),
    });
  }

  /** What 'documents:preview' asks for: the induction letter or a notice letter. */
  async previewLetter(input: ChannelParsed<'documents:preview'>): Promise<DocumentPreview> {
    if (input.kind === 'induction-letter') return this.preview(input.participantId, input.options);
    const p = await loadParticipant(this.wp.db, input.participantId);
    const { snapshot, warnings } = await this.noticeFor(
      p,
      input.kind,
      input.appointmentId,
      input.options,
      this.wp.now(),
    );
    const definition = buildDocument(snapshot);
    const text = previewText(definition);
    const bytes = await this.renderer.render(definition);
    await this.wp.auditRead('participant', p.id, { view: 'document-preview' });
    return { text, pdfBase64: base64(bytes), window: null, warnings };
  }

  /**
   * The notice letters that apply now: a confirmation or change letter for each booked
   * appointment still to come, a missed letter for each missed one, the exit letter once they
   * have left, the in-work letter for a booked appointment while they are in work.
   */
  async letterOffers(participantId: string): Promise<LetterOfferView[]> {
    const p = await loadParticipant(this.wp.db, participantId);
    const out = await this.offersOf(p);
    await this.wp.auditRead('participant', p.id, { view: 'letter-offers' });
    return out;
  }

  /** The one rule for which notice letters apply now: the letters page and batches share it. */
  private async offersOf(p: Participant): Promise<LetterOfferView[]> {
    const today = londonDate(this.wp.now());
    const rows = await this.wp.db
      .selectFrom('appointments')
      .select(['id', 'start', 'kind', 'outcome', 'version'])
      .where('participant_id', '=', p.id)
      .where('outcome', 'in', ['booked', 'dna'])
      .orderBy('start')
      .execute();
    // Someone who has left gets the exit letter only: no appointment of theirs is going ahead.
    if (p.status === 'exited') return [{ kind: 'exit-letter', label: 'Leaving the programme' }];
    const out: LetterOfferView[] = [];
    for (const r of rows) {
      if (r.outcome === 'dna') {
        out.push({ kind: 'missed-appointment', appointmentId: r.id, label: appointmentLabel(r) });
        continue;
      }
      if (r.start.slice(0, 10) < today) continue;
      out.push({
        kind: 'appointment-confirmation',
        appointmentId: r.id,
        label: appointmentLabel(r),
      });
      if (r.version > 1)
        out.push({ kind: 'appointment-change', appointmentId: r.id, label: appointmentLabel(r) });
      if (p.status === 'in-work')
        out.push({ kind: 'in-work-check-in', appointmentId: r.id, label: appointmentLabel(r) });
    }
    return out;
  }

  /** The text the app shows and the PDF, from one definition; nothing is logged. */
  async preview(
    participantId: string,
    options: DocumentOptionsInput = {},
  ): Promise<DocumentPreview> {
    const p = await loadParticipant(this.wp.db, participantId);
    const { snapshot, window, warnings } = await this.inductionFor(p, options, this.wp.now());
    // One definition: the text is read before rendering, because pdfmake rewrites lists in place.
    const definition = buildDocument(snapshot);
    const text = previewText(definition);
    const bytes = await this.renderer.render(definition);
    await this.wp.auditRead('participant', participantId, { view: 'document-preview' });
    return { text, pdfBase64: base64(bytes), window, warnings };
  }

  /**
   * Issues any kind of document the contract's 'documents:issue' names: one snapshot, one render.
   * Printed: the print dialog comes first and the letter is logged only when the adviser printed
   * it (null when they cancelled, and nothing is logged). Emailed or handed over: logged at once;
   * the adviser then opens or saves the logged copy.
   */
  async issue(input: IssueDocument, desktop: Desktop): Promise<LetterLogEntry | null> {
    const { participantId, snapshot, reason } = await this.snapshotFor(input);
    const bytes = await this.renderer.render(buildDocument(snapshot));
    if (input.method === 'printed') {
      const title = `${DOCUMENT_KIND_LABELS[snapshot.kind]} ${referralIdOf(snapshot)}`;
      const { printed } = await desktop.printPdf(Buffer.from(bytes), title);
      if (!printed) return null;
    }
    return this.wp.transaction((w) =>
      this.logIssued(w, participantId, snapshot, sha256(bytes), input.method, reason, null),
    );
  }

  /** What a document prints, frozen, with the reason kept when it is outside the R3 window. */
  private async snapshotFor(
    input: IssueDocument,
  ): Promise<{ participantId: string; snapshot: DocumentSnapshot; reason: string | null }> {
    const { participantId } = input;
    switch (input.kind) {
      case 'induction-letter': {
        const { snapshot, reason } = await this.inductionToIssue(input);
        return { participantId, snapshot, reason };
      }
      case 'ppep':
        return {
          participantId,
          snapshot: input.plan
            ? await this.ppepSnapshot(participantId, input.plan, input.options)
            : await this.recordedPlanSnapshot(participantId, input.options),
          reason: null,
        };
      case 'better-off-statement':
        return {
          participantId,
          snapshot: await this.betterOffSnapshot(participantId, input.calculationId, input.options),
          reason: null,
        };
      default: {
        const p = await loadParticipant(this.wp.db, participantId);
        const { snapshot } = await this.noticeFor(
          p,
          input.kind,
          input.appointmentId,
          input.options,
          this.wp.now(),
        );
        return { participantId, snapshot, reason: null };
      }
    }
  }

  /** The induction letter, refused outside the R3 window unless the adviser says why. */
  private async inductionToIssue(input: IssueInduction) {
    const p = await loadParticipant(this.wp.db, input.participantId);
    const { snapshot, window } = await this.inductionFor(p, input.options, this.wp.now());
    if (!window.ok && !input.outsideWindowReason)
      throw new AppError(
        'refused',
        `${window.problem}. Record why this date is right to print the letter anyway.`,
        'outsideWindowReason',
      );
    const reason = window.ok ? null : (input.outsideWindowReason ?? null);
    return { snapshot, reason };
  }

  /**
   * Logs an induction letter and returns its bytes, for the command line (which writes the files
   * the adviser prints) and batch-free callers; the app goes through `issue`.
   */
  async issueInduction(input: IssueInduction): Promise<IssuedDocument> {
    const { snapshot, reason } = await this.inductionToIssue(input);
    return this.issueSnapshot(input.participantId, snapshot, input.method, reason);
  }

  /** The plan, from its content. */
  async issuePpep(
    participantId: string,
    plan: PpepContent,
    method: IssueMethod,
    options: DocumentOptionsInput = {},
  ): Promise<IssuedDocument> {
    const snapshot = await this.ppepSnapshot(participantId, plan, options);
    return this.issueSnapshot(participantId, snapshot, method, null);
  }

  private async ppepSnapshot(
    participantId: string,
    plan: PpepContent,
    options: DocumentOptionsInput,
    planName?: string,
  ): Promise<DocumentSnapshot> {
    const p = await loadParticipant(this.wp.db, participantId);
    const at = this.wp.now();
    const o = resolveOptions(p, options);
    const governing = await governingProfileOf(this.wp.db, p.id, londonDate(at));
    return {
      kind: 'ppep',
      issuedAt: at.toISOString(),
      letterDate: londonDate(at),
      options: { largePrint: o.largePrint, language: 'en' },
      planName: planName ?? letterWording(governing, 'en').planName,
      charter: {
        meetingsPerMonth: governing.profile.rules.R6.meetingsPerMonth,
        reviewMonths: governing.profile.rules.R7.months,
      },
      participant: {
        givenName: p.givenName,
        familyName: p.familyName,
        preferredName: p.preferredName ?? null,
        referralId: p.referralId,
      },
      adviserName: this.wp.actor.name,
      providerName: await this.providerName(p.id),
      plan,
    };
  }

  /** The recorded plan, logged and returned as bytes (tests and the subject-access export). */
  async issueRecordedPlan(
    participantId: string,
    method: IssueMethod,
    options: DocumentOptionsInput = {},
  ): Promise<IssuedDocument> {
    const snapshot = await this.recordedPlanSnapshot(participantId, options);
    return this.issueSnapshot(participantId, snapshot, method, null);
  }

  /** The participant's plan as recorded: the latest agreed version, or the draft if none yet. */
  private async recordedPlanSnapshot(
    participantId: string,
    options: DocumentOptionsInput,
  ): Promise<DocumentSnapshot> {
    const view = await new PlanService(this.wp).view(participantId);
    const source = view.latest?.content ?? view.draft?.content;
    if (!source)
      throw new AppError('refused', 'This participant has no plan to print yet', 'participantId');
    const plan = ppepFromPlan(source, view.latest ? view.latest.agreedOn : null, view.nextReview);
    return this.ppepSnapshot(
      participantId,
      plan,
      options,
      letterPlanName(view.planName, view.planNameLong),
    );
  }

  /**
   * The better-off statement of a saved calculation: its figures come from the caseload, never
   * from the page, so the statement says what was recorded and explained.
   */
  private async betterOffSnapshot(
    participantId: string,
    calculationId: string,
    options: DocumentOptionsInput,
  ): Promise<DocumentSnapshot> {
    const p = await loadParticipant(this.wp.db, participantId);
    const calc = await new BetterOffService(this.wp).get(calculationId);
    if (calc.participantId !== p.id)
      throw new AppError(
        'refused',
        'That calculation is not on this participant’s record',
        'calculationId',
      );
    const { hoursPerWeek, hourlyWage, annualSalary } = calc.household.job;
    const statement: BetterOffStatement = {
      taxYear: calc.taxYear,
      job: {
        title: calc.label ?? 'The job discussed',
        ...(hoursPerWeek ? { hoursPerWeek } : {}),
        ...(hourlyWage ? { hourlyWage } : {}),
        ...(annualSalary ? { annualSalary } : {}),
      },
      result: calc.output,
    };
    const at = this.wp.now();
    const o = resolveOptions(p, options);
    return {
      kind: 'better-off-statement',
      issuedAt: at.toISOString(),
      letterDate: londonDate(at),
      // Welsh readers get the whole statement in Welsh, then in English.
      options: { largePrint: o.largePrint, language: o.language },
      welshSentences: true,
      participant: { givenName: p.givenName, familyName: p.familyName, referralId: p.referralId },
      adviserName: this.wp.actor.name,
      providerName: await this.providerName(p.id),
      statement,
    };
  }

  /** The office of the participant's latest appointment names the provider; else the adviser. */
  private async providerName(participantId: string): Promise<string> {
    const row = await this.wp.db
      .selectFrom('appointments')
      .innerJoin('offices', 'offices.id', 'appointments.office_id')
      .select('offices.name')
      .where('appointments.participant_id', '=', participantId)
      .orderBy('appointments.start', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row?.name ?? this.wp.actor.name;
  }

  private async issueSnapshot(
    participantId: string,
    snapshot: DocumentSnapshot,
    method: IssueMethod,
    reason: string | null,
  ): Promise<IssuedDocument> {
    const bytes = await this.renderer.render(buildDocument(snapshot));
    const entry = await this.wp.transaction((w) =>
      this.logIssued(w, participantId, snapshot, sha256(bytes), method, reason, null),
    );
    return { entry, pdfBase64: base64(bytes) };
  }

  /** Writes the letter-log row, its audit and journal entries and the timeline event. */
  private async logIssued(
    w: Writer,
    participantId: string,
    snapshot: DocumentSnapshot,
    contentSha256: string,
    method: IssueMethod,
    reason: string | null,
    reprintOf: string | null,
  ): Promise<LetterLogEntry> {
    const row = {
      id: uuidv7(),
      participant_id: participantId,
      kind: snapshot.kind,
      template_versions: templateVersions(snapshot),
      language: snapshot.options.language,
      large_print: snapshot.options.largePrint ? 1 : 0,
      method,
      issued_at: w.now.toISOString(),
      issued_by: w.actor.name,
      snapshot: JSON.stringify(snapshot),
      content_sha256: contentSha256,
      outside_window_reason: reason,
      reprint_of: reprintOf,
    };
    await w.trx.insertInto('letter_log').values(row).execute();
    await w.record({
      entityType: 'letter_log',
      entityId: row.id,
      op: 'insert',
      payload: row,
      action: reprintOf ? 'document.reprint' : 'document.issue',
      detail: { participantId, kind: row.kind, method, reprintOf, outsideWindow: reason !== null },
    });
    const variant = [
      DOCUMENT_LANGUAGE_LABELS[snapshot.options.language],
      ...(snapshot.options.largePrint ? ['large print'] : []),
    ].join(', ');
    await addTimelineEvent(w, {
      participantId,
      kind: 'document',
      date: londonDate(w.now),
      summary: `${DOCUMENT_KIND_LABELS[snapshot.kind]} ${reprintOf ? 'reprinted and ' : ''}${ISSUE_METHOD_LABELS[method].toLowerCase()} (${variant})`,
      data: { letterId: row.id, kind: row.kind, method, reprintOf },
    });
    return toEntry(row);
  }

  /** Rebuilds a logged document from its snapshot: byte-identical to what was sent. */
  async reprint(
    letterId: string,
    method: IssueMethod,
  ): Promise<IssuedDocument & { identical: boolean }> {
    const row = await this.wp.db
      .selectFrom('letter_log')
      .selectAll()
      .where('id', '=', letterId)
      .executeTakeFirst();
    if (!row) throw new AppError('not-found', 'That letter was not found in the log', 'letterId');
    const snapshot = JSON.parse(row.snapshot) as DocumentSnapshot;
    const bytes = await this.renderer.render(buildDocument(snapshot));
    const hash = sha256(bytes);
    const original = row.reprint_of ?? row.id;
    const entry = await this.wp.transaction((w) =>
      this.logIssued(
        w,
        row.participant_id,
        snapshot,
        hash,
        method,
        row.outside_window_reason,
        original,
      ),
    );
    return { entry, pdfBase64: base64(bytes), identical: hash === row.content_sha256 };
  }

  /**
   * A logged document's bytes, rebuilt from its snapshot for print, open or save. Unlike
   * reprint it logs no new issue: the document was already issued; this is the same copy again.
   */
  async documentFile(letterId: string): Promise<DocumentFile> {
    const row = await this.wp.db
      .selectFrom('letter_log')
      .selectAll()
      .where('id', '=', letterId)
      .executeTakeFirst();
    if (!row) throw new AppError('not-found', 'That letter was not found in the log', 'letterId');
    const snapshot = JSON.parse(row.snapshot) as DocumentSnapshot;
    const bytes = await this.renderer.render(buildDocument(snapshot));
    await this.wp.auditRead('letter_log', row.id, { view: 'document-output' });
    const entry = toEntry(row);
    const ref = referralIdOf(snapshot);
    const day = entry.issuedAt.slice(0, 10);
    return {
      entry,
      bytes: Buffer.from(bytes),
      fileName: `${ref}-${entry.kind}-${day}.pdf`,
      title: `${DOCUMENT_KIND_LABELS[entry.kind]} ${ref}`,
      identical: sha256(bytes) === row.content_sha256,
    };
  }

  /** A logged letter, rebuilt from its snapshot, printed, opened or saved. */
  async deliverDocument(
    letterId: string,
    action: DesktopAction,
    desktop: Desktop,
  ): Promise<DesktopOutcome & { identical: boolean }> {
    const file = await this.documentFile(letterId);
    return { ...(await deliverPdf(desktop, action, file)), identical: file.identical };
  }

  async log(participantId: string): Promise<LetterLogEntry[]> {
    await loadParticipant(this.wp.db, participantId);
    const rows = await this.wp.db
      .selectFrom('letter_log')
      .selectAll()
      .where('participant_id', '=', participantId)
      .orderBy('issued_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    await this.wp.auditRead('participant', participantId, { view: 'letter-log' });
    return rows.map(toEntry);
  }

  // ---- batches ----

  /** Participants with a booked induction and no induction letter since it was booked or moved. */
  async dueInductionLetters(): Promise<string[]> {
    const rows = await this.wp.db
      .selectFrom('appointments as a')
      .innerJoin('participants as p', 'p.id', 'a.participant_id')
      .select('a.participant_id')
      .distinct()
      .where('a.kind', '=', 'induction')
      .where('a.outcome', '=', 'booked')
      .where('p.status', '!=', 'exited')
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('letter_log as l')
              .select('l.id')
              .whereRef('l.participant_id', '=', 'a.participant_id')
              .where('l.kind', '=', 'induction-letter')
              .whereRef('l.issued_at', '>=', 'a.updated_at'),
          ),
        ),
      )
      .orderBy('a.participant_id')
      .execute();
    return rows.map((r) => r.participant_id);
  }

  /**
   * Every letter a batch can make for the participant now, from the same offers as their
   * letters page (`offersOf`): the induction letter for a booked induction (it is that
   * appointment's confirmation), one letter for each other appointment offered
   * (letter-choice.ts) and the exit letter. Each is due unless a letter of its kind about that
   * appointment was logged since it was booked, moved or marked missed (the exit letter: ever).
   */
  private async batchCandidates(p: Participant): Promise<BatchCandidate[]> {
    const induction =
      p.status === 'exited'
        ? undefined
        : await this.wp.db
            .selectFrom('appointments')
            .select(['id', 'kind', 'start', 'updated_at'])
            .where('participant_id', '=', p.id)
            .where('kind', '=', 'induction')
            .where('outcome', '=', 'booked')
            .orderBy('start', 'desc')
            .limit(1)
            .executeTakeFirst();
    const offers = oneLetterEach(await this.offersOf(p), new Set(induction ? [induction.id] : []));
    const appointments = new Map(
      (
        await this.wp.db
          .selectFrom('appointments')
          .select(['id', 'updated_at', 'start'])
          .where('participant_id', '=', p.id)
          .execute()
      ).map((a) => [a.id, a]),
    );
    const logged = await this.wp.db
      .selectFrom('letter_log')
      .select(['kind', 'issued_at', meetingStartOf('snapshot').as('meeting_start')])
      .where('participant_id', '=', p.id)
      .execute();
    const sentSince = (kind: string, since: string, start?: string) =>
      logged.some(
        (l) =>
          l.kind === kind &&
          l.issued_at >= since &&
          (start === undefined || l.meeting_start === start),
      );
    const out: BatchCandidate[] = [];
    if (induction)
      out.push({
        kind: 'induction-letter',
        label: appointmentLabel(induction),
        due: !sentSince('induction-letter', induction.updated_at, induction.start),
      });
    for (const o of offers)
      out.push({
        ...o,
        due: o.appointmentId
          ? !sentSince(
              o.kind,
              appointments.get(o.appointmentId)?.updated_at ?? '',
              appointments.get(o.appointmentId)?.start,
            )
          : !sentSince(o.kind, ''),
      });
    return out;
  }

  /**
   * Participants who may have a letter due: a booked induction, an appointment still to come
   * or missed, or they have left, with no letter logged since (checked exactly per participant).
   */
  private async dueCandidates(): Promise<string[]> {
    const today = londonDate(this.wp.now());
    const rows = await this.wp.db
      .selectFrom('participants as p')
      .select('p.id')
      .where(({ or, and, eb, exists, not, selectFrom }) =>
        or([
          exists(
            selectFrom('appointments as a')
              .select('a.id')
              .whereRef('a.participant_id', '=', 'p.id')
              .where((e) =>
                e.or([
                  e('a.outcome', '=', 'dna'),
                  e.and([e('a.outcome', '=', 'booked'), e('a.start', '>=', today)]),
                ]),
              )
              .where((e) =>
                e.not(
                  e.exists(
                    e
                      .selectFrom('letter_log as l')
                      .select('l.id')
                      .whereRef('l.participant_id', '=', 'a.participant_id')
                      .whereRef('l.issued_at', '>=', 'a.updated_at')
                      .where(meetingStartOf('l.snapshot'), '=', e.ref('a.start')),
                  ),
                ),
              ),
          ),
          and([
            eb('p.status', '=', 'exited'),
            not(
              exists(
                selectFrom('letter_log as l')
                  .select('l.id')
                  .whereRef('l.participant_id', '=', 'p.id')
                  .where('l.kind', '=', 'exit-letter'),
              ),
            ),
          ]),
        ]),
      )
      .orderBy('p.id')
      .execute();
    return rows.map((r) => r.id);
  }

  /** The participants with letters due and what the batch page shows: name, letters, format. */
  async dueLetters(): Promise<DueLetterView[]> {
    const out: DueLetterView[] = [];
    for (const id of await this.dueCandidates()) {
      const p = await loadParticipant(this.wp.db, id);
      const letters = (await this.batchCandidates(p))
        .filter((l) => l.due)
        .map(({ due: _due, ...l }) => l);
      if (letters.length === 0) continue;
      const induction = await this.wp.db
        .selectFrom('appointments')
        .select('start')
        .where('participant_id', '=', id)
        .where('kind', '=', 'induction')
        .where('outcome', '=', 'booked')
        .orderBy('start', 'desc')
        .limit(1)
        .executeTakeFirst();
      out.push({
        participantId: id,
        givenName: p.givenName,
        familyName: p.familyName,
        referralId: p.referralId,
        inductionStart: induction?.start.slice(0, 16) ?? '',
        letters,
        format: formatInWords(resolveOptions(p, {})),
      });
    }
    await this.wp.auditRead('caseload', 'letters-due', { count: out.length });
    return out.sort(
      (a, b) =>
        (a.inductionStart || '9').localeCompare(b.inductionStart || '9') ||
        a.referralId.localeCompare(b.referralId),
    );
  }

  /** One letter of a batch, frozen; refused (AppError, with the reason) when it cannot be made. */
  private async batchSnapshot(
    p: Participant,
    letter: BatchLetter,
    options: DocumentOptionsInput,
    at: Date,
  ): Promise<DocumentSnapshot> {
    if (letter.kind === 'induction-letter') {
      const { snapshot, window } = await this.inductionFor(p, options, at);
      if (!window.ok) throw new AppError('refused', window.problem, 'participantId');
      return snapshot;
    }
    const { snapshot } = await this.noticeFor(p, letter.kind, letter.appointmentId, options, at);
    return snapshot;
  }

  /**
   * Freezes every letter of the batch, then makes them on a worker thread. The letters chosen
   * must each be one that applies to the participant now; participants' letters (or everyone's,
   * `due`) are those due. Each letter is written in the participant's recorded language and
   * format unless the options say otherwise. A participant, or one letter, that cannot be made
   * is skipped with the reason; nothing is logged until a print is confirmed.
   */
  async startBatch(input: BatchStart): Promise<BatchProgress> {
    const requested = new Map<string, BatchLetter[] | 'due'>();
    if (input.letters)
      for (const l of input.letters)
        requested.set(l.participantId, [
          ...((requested.get(l.participantId) as BatchLetter[] | undefined) ?? []),
          l,
        ]);
    else
      for (const id of input.participantIds ?? (await this.dueCandidates()))
        requested.set(id, 'due');
    const batchId = uuidv7();
    const at = this.wp.now();
    const jobs: { participant: Participant; kind: BatchLetterKind; snapshot: DocumentSnapshot }[] =
      [];
    const skipped: BatchProgress['skipped'] = [];
    for (const [id, wanted] of requested) {
      let p: Participant;
      let candidates: BatchCandidate[];
      try {
        p = await loadParticipant(this.wp.db, id);
        candidates = await this.batchCandidates(p);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        skipped.push({ participantId: id, reason: error.message });
        continue;
      }
      const letters: BatchLetter[] = [];
      if (wanted === 'due') {
        for (const c of candidates.filter((x) => x.due))
          letters.push({
            participantId: id,
            kind: c.kind,
            ...(c.appointmentId ? { appointmentId: c.appointmentId } : {}),
          });
        if (letters.length === 0) {
          // Without a letter due, the induction's own refusal says why (no booking, no office).
          const reason =
            candidates.length > 0
              ? 'Every letter that applies to them has been logged already'
              : 'No letter applies to them now';
          skipped.push({ participantId: id, reason });
          continue;
        }
      } else
        for (const l of wanted) {
          if (candidates.some((c) => sameLetter(c, l))) letters.push(l);
          else
            skipped.push({
              participantId: id,
              reason: `${DOCUMENT_KIND_LABELS[l.kind]}: this letter does not apply to them now`,
            });
        }
      for (const l of letters) {
        try {
          const snapshot = await this.batchSnapshot(p, l, input.options, at);
          jobs.push({ participant: p, kind: l.kind, snapshot });
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          skipped.push({
            participantId: id,
            reason: `${DOCUMENT_KIND_LABELS[l.kind]}: ${error.message}`,
          });
        }
      }
    }
    const progress: BatchProgress = {
      batchId,
      state: 'running',
      total: jobs.length,
      done: 0,
      skipped,
      letters: jobs.map((j) => ({ participantId: j.participant.id, kind: j.kind })),
      message: null,
    };
    const batch: Batch = {
      progress,
      running: null,
      files: [],
      made: [],
      logged: new Set(),
      printFile: null,
      finished: Promise.resolve({ ...progress, state: 'finished' }),
    };
    this.batches.set(batchId, batch);
    for (const old of [...this.batches.keys()].slice(0, -MAX_KEPT_BATCHES))
      this.batches.delete(old);
    if (jobs.length === 0) {
      progress.state = 'finished';
      return { ...progress };
    }
    batch.running = runBatch(
      jobs.map((j) => j.snapshot),
      { fontDir: this.fontDir, single: input.output === 'single' },
      {
        onDocument: (index, bytes, hash) => {
          const job = jobs[index]!;
          batch.made[index] = { participantId: job.participant.id, snapshot: job.snapshot, hash };
          if (input.output === 'separate')
            batch.files.push({
              fileName: `${job.participant.referralId}-${job.kind}.pdf`,
              bytes,
            });
          batch.progress.done = index + 1;
        },
        onPrintFile: (bytes) => {
          batch.printFile = bytes;
        },
      },
    );
    batch.finished = batch.running.done.then(
      (state) => {
        batch.progress.state = state;
        return { ...batch.progress };
      },
      (error: unknown) => {
        batch.progress.state = 'failed';
        batch.progress.message = (error as Error).message;
        return { ...batch.progress };
      },
    );
    return { ...batch.progress };
  }

  private batch(batchId: string): Batch {
    const b = this.batches.get(batchId);
    if (!b) throw notFound('That batch');
    return b;
  }

  batchProgress(batchId: string): BatchProgress {
    return { ...this.batch(batchId).progress };
  }

  /** Resolves when the batch has stopped (the command line and tests wait; the app polls). */
  batchFinished(batchId: string): Promise<BatchProgress> {
    return this.batch(batchId).finished;
  }

  batchCancel(batchId: string): BatchProgress {
    const b = this.batch(batchId);
    b.running?.cancel();
    return { ...b.progress };
  }

  /** One of the batch's PDFs (separate output, by index) or its print file (single output). */
  batchFile(batchId: string, index?: number): { fileName: string; pdfBase64: string } {
    const file = this.batchFileBytes(batchId, index);
    return { fileName: file.fileName, pdfBase64: base64(file.bytes) };
  }

  /**
   * Print, open or save a batch's file. A letter is logged as printed when the print dialog for
   * its file (the single print file: every letter in it) was confirmed, and only once; opening
   * or saving logs nothing, so a letter stays due until it is printed.
   */
  async batchFileAction(
    batchId: string,
    action: DesktopAction,
    index: number | undefined,
    desktop: Desktop,
  ): Promise<DesktopOutcome> {
    const b = this.batch(batchId);
    const file = this.batchFileBytes(batchId, index);
    const title = `Letters ${batchId.slice(0, 8)}`;
    const { done } = await deliverPdf(desktop, action, { ...file, title });
    if (action === 'print' && done) {
      const indexes = index === undefined ? b.made.map((_, i) => i) : [index];
      for (const i of indexes) {
        const made = b.made[i];
        if (!made || b.logged.has(i)) continue;
        await this.wp.transaction((w) =>
          this.logIssued(w, made.participantId, made.snapshot, made.hash, 'printed', null, null),
        );
        b.logged.add(i);
      }
    }
    return { action, done, fileName: file.fileName };
  }

  /** The same file as bytes, for the desktop (print, open, save). */
  batchFileBytes(batchId: string, index?: number): { fileName: string; bytes: Buffer } {
    const b = this.batch(batchId);
    if (index === undefined) {
      if (!b.printFile)
        throw new AppError('not-found', 'This batch has no print file (yet)', 'index');
      return { fileName: `letters-${batchId}.pdf`, bytes: Buffer.from(b.printFile) };
    }
    const file = b.files[index];
    if (!file) throw new AppError('not-found', `This batch has no document ${index + 1}`, 'index');
    return { fileName: file.fileName, bytes: Buffer.from(file.bytes) };
  }
}
