/**
 * Reads what a notice letter (appointment confirmation or change, missed appointment, exit,
 * in-work check-in) prints from the caseload and freezes it into a snapshot, with the warnings
 * the adviser sees before it goes out. Each letter is refused, with the reason, where it does
 * not apply: a confirmation for an appointment that is not booked, a missed letter for one that
 * was not missed, an exit letter for someone still on the programme.
 */
import type { Kysely, Selectable } from 'kysely';
import type { AppointmentTable, Database } from '../../db/schema';
import { AppError } from '../../errors';
import { toOffice } from '../../db/repositories/diary';
import type { NoticeLetterSnapshot } from '../../pdf/documents/notice-letter';
import { SANCTION_WORDING } from '../../pdf/wording/notice-letters';
import type {
  CharterWording,
  DocumentOptions,
  NoticeLetterKind,
  TemplateLanguage,
} from '@shared/schemas/documents';
import type { ExitReason, Participant } from '@shared/schemas/participant';
import type { AppointmentChannel, Office } from '@shared/schemas/diary';
import type { ResolvedProfile } from '@shared/domain/charter/governing-profile';
import type { LetterWarning } from '@shared/ipc/channels/documents';
import { londonDate } from '@shared/domain/identity/civil-date';
import { checkAdjustments, checkNotice, noticeDaysOf } from './letter-checks';

type AppointmentRow = Selectable<AppointmentTable>;

const refused = (message: string, field = 'appointmentId') =>
  new AppError('refused', message, field);

/** The appointment, on this participant's record, in the state the letter needs. */
async function appointmentFor(
  db: Kysely<Database>,
  p: Participant,
  kind: NoticeLetterKind,
  appointmentId: string | undefined,
): Promise<AppointmentRow | null> {
  if (kind === 'exit-letter') return null;
  if (!appointmentId) throw refused('Choose the appointment the letter is about');
  const row = await db
    .selectFrom('appointments')
    .selectAll()
    .where('id', '=', appointmentId)
    .executeTakeFirst();
  if (!row || row.participant_id !== p.id)
    throw refused('That appointment is not on this participant’s record');
  if (kind === 'missed-appointment') {
    if (row.outcome !== 'dna')
      throw refused('That appointment is not recorded as missed, so there is no missed letter');
  } else if (row.outcome !== 'booked') {
    throw refused('That appointment is no longer booked. Choose a booked appointment.');
  }
  if (kind === 'in-work-check-in' && p.status !== 'in-work')
    throw refused('They are not recorded as in work, so there is no in-work letter', 'kind');
  return row;
}

/** Where the letter comes from: the appointment's place, else the last office they met at. */
async function senderOffice(
  db: Kysely<Database>,
  participantId: string,
  appointment: AppointmentRow | null,
): Promise<Office> {
  const officeId =
    appointment?.office_id ??
    (
      await db
        .selectFrom('appointments')
        .select('office_id')
        .where('participant_id', '=', participantId)
        .where('office_id', 'is not', null)
        .orderBy('start', 'desc')
        .limit(1)
        .executeTakeFirst()
    )?.office_id;
  const row = officeId
    ? await db.selectFrom('offices').selectAll().where('id', '=', officeId).executeTakeFirst()
    : undefined;
  if (!row)
    throw refused(
      'There is no office on their record to write from. Book an appointment at an office first.',
      'participantId',
    );
  return toOffice(row);
}

/** The start before the appointment's last move, from the diary's timeline event. */
async function previousStart(db: Kysely<Database>, a: AppointmentRow): Promise<string | null> {
  const events = await db
    .selectFrom('participant_events')
    .select(['data', 'recorded_at'])
    .where('participant_id', '=', a.participant_id)
    .where('kind', '=', 'appointment-moved')
    .orderBy('recorded_at', 'desc')
    .execute();
  for (const e of events) {
    const data = JSON.parse(e.data) as { appointmentId?: string; from?: string };
    if (data.appointmentId === a.id) return typeof data.from === 'string' ? data.from : null;
  }
  return null;
}

/** The date and reason of the exit on record (the last status change to exited). */
async function exitOf(
  db: Kysely<Database>,
  p: Participant,
): Promise<{ reason: ExitReason | null; date: string | null }> {
  if (p.status !== 'exited')
    throw refused('They have not left the programme, so there is no exit letter', 'kind');
  const events = await db
    .selectFrom('participant_events')
    .select(['date', 'data'])
    .where('participant_id', '=', p.id)
    .where('kind', '=', 'status')
    .orderBy('recorded_at', 'desc')
    .execute();
  const exited = events.find((e) => (JSON.parse(e.data) as { to?: string }).to === 'exited');
  return { reason: p.exitReason, date: exited?.date ?? null };
}

export interface NoticeSources {
  governing: ResolvedProfile;
  /** Who signs a letter that is about no appointment (the exit letter): the adviser writing it. */
  writer: string;
  charter: (lang: TemplateLanguage) => CharterWording;
}

export async function noticeSnapshot(
  db: Kysely<Database>,
  p: Participant,
  kind: NoticeLetterKind,
  appointmentId: string | undefined,
  options: DocumentOptions,
  issuedAt: Date,
  sources: NoticeSources,
): Promise<{ snapshot: NoticeLetterSnapshot; warnings: LetterWarning[] }> {
  const appointment = await appointmentFor(db, p, kind, appointmentId);
  const exit = kind === 'exit-letter' ? await exitOf(db, p) : null;
  const office = await senderOffice(db, p.id, appointment);
  // The sender is the appointment's own place when it has one.
  const place = appointment?.office_id && appointment.channel === 'in-person' ? office : null;
  const adviser = appointment
    ? await db
        .selectFrom('advisers')
        .select('name')
        .where('id', '=', appointment.adviser_id)
        .executeTakeFirst()
    : undefined;
  const letterDate = londonDate(issuedAt);
  const warnings: LetterWarning[] = [];
  // Only a meeting still to come is planned around needs, and can be short notice.
  const ahead = appointment && kind !== 'missed-appointment' ? appointment : null;
  const adjustments = ahead
    ? checkAdjustments(p.adjustments, {
        start: ahead.start,
        end: ahead.end,
        // A phone or video meeting needs no step-free building; a hearing loop is not checked.
        venue: place
          ? { stepFree: place.stepFree, hearingLoop: place.hearingLoop }
          : { stepFree: true, hearingLoop: false },
      })
    : { met: [], other: [], warnings: [] };
  warnings.push(...adjustments.warnings);
  if (ahead) {
    const notice = checkNotice(
      letterDate,
      ahead.start.slice(0, 10),
      noticeDaysOf(sources.governing.profile.letters),
    );
    if (notice) warnings.push(notice);
  }

  const langs: TemplateLanguage[] =
    options.language === 'cy-en' ? ['cy', 'en'] : [options.language];
  const charter: NoticeLetterSnapshot['charter'] = {};
  for (const lang of langs) {
    const wording = sources.charter(lang);
    const dna = wording.letters?.dnaFollowUp;
    // A profile line that threatens a sanction is never printed in a missed-appointment letter.
    if (dna !== undefined && SANCTION_WORDING.test(dna)) {
      const { dnaFollowUp: _left, ...rest } = wording.letters!;
      charter[lang] = { ...wording, letters: rest };
      if (kind === 'missed-appointment')
        warnings.push({
          kind: 'wording-left-out',
          message:
            'The charter profile’s missed-appointment wording mentions sanctions or benefits, so the letter leaves it out.',
        });
    } else charter[lang] = wording;
  }

  const rules = sources.governing.profile.rules;
  const snapshot: NoticeLetterSnapshot = {
    kind,
    issuedAt: issuedAt.toISOString(),
    letterDate,
    options,
    participant: {
      givenName: p.givenName,
      familyName: p.familyName,
      preferredName: p.preferredName ?? null,
      referralId: p.referralId,
      address: p.address,
    },
    office: {
      name: office.name,
      address: office.address,
      phone: office.phone,
      email: office.email,
    },
    contact: { name: adviser?.name || sources.writer },
    meeting: appointment
      ? {
          start: appointment.start,
          end: appointment.end,
          channel: appointment.channel as AppointmentChannel,
          place: place
            ? {
                name: place.name,
                address: place.address,
                directions: place.directions,
                publicTransport: place.publicTransport,
              }
            : null,
          room: appointment.room,
        }
      : null,
    previousStart:
      kind === 'appointment-change' && appointment ? await previousStart(db, appointment) : null,
    adjustmentsMet: adjustments.met,
    adjustmentsOther: adjustments.other,
    rules: { missedContactDays: rules.R8.days, inWorkContactDays: rules.R14.days },
    exit,
    charter,
  };
  return { snapshot, warnings };
}
