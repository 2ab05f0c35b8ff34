/**
 * Reads what a document prints from the caseload and freezes it into a snapshot: the letter log
 * keeps the snapshot, so a reprint prints exactly what was sent, whatever has changed since.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { AppError, notFound } from '../../errors';
import { findParticipant, toParticipant } from '../../db/repositories/participants';
import { toOffice } from '../../db/repositories/diary';
import type { InductionLetterSnapshot } from '../../pdf/documents/induction-letter';
import type {
  CharterWording,
  DocumentOptions,
  DocumentOptionsInput,
  InductionTemplate,
  TemplateLanguage,
} from '@shared/schemas/documents';
import type { Participant } from '@shared/schemas/participant';
import { londonDate } from '@shared/domain/identity/civil-date';
import { defaultLetterFormat } from '@shared/domain/documents/letter-format';
import { checkAdjustments, type AdjustmentCheck } from './letter-checks';

/** The adviser's choices, else the participant's recorded formats and language. */
export function resolveOptions(p: Participant, o: DocumentOptionsInput): DocumentOptions {
  const recorded = defaultLetterFormat(p);
  return {
    largePrint: o.largePrint ?? recorded.largePrint,
    language: o.language ?? recorded.language,
    ...((o.easyRead ?? recorded.easyRead) ? { easyRead: true as const } : {}),
  };
}

export async function loadParticipant(db: Kysely<Database>, id: string): Promise<Participant> {
  const row = await findParticipant(db, id);
  if (!row) throw new AppError('not-found', 'That participant was not found', 'participantId');
  return toParticipant(row);
}

/** The latest booked induction, where it is and who runs it. */
export async function bookedInduction(db: Kysely<Database>, participantId: string) {
  const appt = await db
    .selectFrom('appointments')
    .selectAll()
    .where('participant_id', '=', participantId)
    .where('kind', '=', 'induction')
    .where('outcome', '=', 'booked')
    .orderBy('start', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!appt)
    throw new AppError(
      'refused',
      'No induction is booked for this participant. Book the induction first.',
      'participantId',
    );
  if (!appt.office_id)
    throw new AppError(
      'refused',
      'The induction is not at an office, so there is no address to put in the letter',
      'participantId',
    );
  const office = await db
    .selectFrom('offices')
    .selectAll()
    .where('id', '=', appt.office_id)
    .executeTakeFirst();
  if (!office) throw notFound('The induction’s office');
  const adviser = await db
    .selectFrom('advisers')
    .select('name')
    .where('id', '=', appt.adviser_id)
    .executeTakeFirst();
  return { appointment: appt, office: toOffice(office), adviserName: adviser?.name ?? '' };
}

export interface SnapshotSources {
  template: (lang: TemplateLanguage) => Promise<{ version: number; body: InductionTemplate }>;
  /** The governing profile's wording in a language. */
  charter: (lang: TemplateLanguage) => CharterWording;
}

/**
 * The induction letter's snapshot, with which of the participant's needs the booking meets (only
 * those are printed as planned for) and what the adviser should be warned about.
 */
export async function inductionSnapshot(
  db: Kysely<Database>,
  participant: Participant,
  options: DocumentOptions,
  issuedAt: Date,
  sources: SnapshotSources,
): Promise<{ snapshot: InductionLetterSnapshot; adjustments: AdjustmentCheck }> {
  const { appointment, office, adviserName } = await bookedInduction(db, participant.id);
  const adjustments = checkAdjustments(participant.adjustments, {
    start: appointment.start,
    end: appointment.end,
    venue: { stepFree: office.stepFree, hearingLoop: office.hearingLoop },
  });
  const langs: TemplateLanguage[] =
    options.language === 'cy-en' ? ['cy', 'en'] : [options.language];
  const templates: InductionLetterSnapshot['templates'] = {};
  const charter: InductionLetterSnapshot['charter'] = {};
  for (const lang of langs) {
    templates[lang] = await sources.template(lang);
    charter[lang] = sources.charter(lang);
  }
  const snapshot: InductionLetterSnapshot = {
    kind: 'induction-letter',
    data: {
      issuedAt: issuedAt.toISOString(),
      letterDate: londonDate(issuedAt),
      participant: {
        givenName: participant.givenName,
        familyName: participant.familyName,
        preferredName: participant.preferredName ?? null,
        referralId: participant.referralId,
        address: participant.address,
        adjustments: participant.adjustments,
        adjustmentsMet: adjustments.met,
        adjustmentsOther: adjustments.other,
      },
      office: {
        name: office.name,
        address: office.address,
        phone: office.phone,
        email: office.email,
        publicTransport: office.publicTransport,
        parking: office.parking,
        stepFree: office.stepFree,
        accessNotes: office.accessNotes,
        supportOffered: office.supportOffered,
      },
      appointment: { start: appointment.start, end: appointment.end },
      contact: { name: adviserName },
    },
    options,
    templates,
    charter,
  };
  return { snapshot, adjustments };
}
