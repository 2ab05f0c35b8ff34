/**
 * The printable day sheet and outreach run sheet: the signed-in adviser's booked appointments on
 * one day (at one venue, for the run sheet) with what the adviser needs on paper, rendered by the
 * shared pdfmake pipeline. Printing personal details on paper is audited with counts, never names.
 */
import type { WritePath } from '../../write-path/write-path';
import { AppError, notFound } from '../../errors';
import { createPdfRenderer } from '../../pdf/render';
import { buildDaySheet } from '../../pdf/documents/day-sheet';
import { buildOutreachRunSheet } from '../../pdf/documents/outreach-run-sheet';
import type { SheetAppointment } from '../../pdf/documents/sheet-parts';
import type { AppointmentChannel, AppointmentKind } from '@shared/schemas/diary';
import { longDate } from '../../pdf/format';
import type { Desktop } from '../../app/desktop';
import { deliverPdf, type PdfFile } from '../documents/pdf-delivery';
import type { DesktopAction, DesktopOutcome } from '@shared/ipc/channels/desktop';
import type { ChannelParsed } from '@shared/ipc/contract';

export interface SheetFile extends PdfFile {
  /** How many appointments the sheet lists. */
  count: number;
}

async function sheetAppointments(
  wp: WritePath,
  date: string,
  officeId?: string,
): Promise<SheetAppointment[]> {
  let q = wp.db
    .selectFrom('appointments as a')
    .innerJoin('participants as p', 'p.id', 'a.participant_id')
    .leftJoin('offices as o', 'o.id', 'a.office_id')
    .select([
      'a.start',
      'a.end',
      'a.kind',
      'a.channel',
      'a.room',
      'p.given_name',
      'p.family_name',
      'p.preferred_name',
      'p.referral_id',
      'p.phone',
      'p.address_line1',
      'p.address_line2',
      'p.town',
      'p.postcode',
      'p.adjustments',
      'p.interpreter_needed',
      'p.language',
      'o.name as office_name',
    ])
    .where('a.adviser_id', '=', wp.actor.id)
    .where('a.outcome', '=', 'booked')
    .where('a.start', '>=', `${date}T00:00`)
    .where('a.start', '<=', `${date}T23:59`)
    .orderBy('a.start');
  if (officeId) q = q.where('a.office_id', '=', officeId);
  const rows = await q.execute();
  return rows.map((r) => ({
    start: r.start,
    end: r.end,
    kind: r.kind as AppointmentKind,
    channel: r.channel as AppointmentChannel,
    participantName: `${r.preferred_name ?? r.given_name} ${r.family_name}`,
    referralId: r.referral_id,
    place:
      r.channel === 'in-person' && r.office_name
        ? [r.office_name, r.room].filter(Boolean).join(', ')
        : null,
    phone: r.phone,
    homeAddress: officeId
      ? [r.address_line1, r.address_line2, r.town, r.postcode].filter(Boolean).join(', ')
      : undefined,
    adjustments: r.adjustments,
    needs: r.interpreter_needed ? [`Needs an interpreter (${r.language})`] : [],
  }));
}

export async function daySheetPdf(wp: WritePath, date: string): Promise<SheetFile> {
  const appointments = await sheetAppointments(wp, date);
  const bytes = await createPdfRenderer().render(
    buildDaySheet({
      issuedAt: wp.now().toISOString(),
      adviserName: wp.actor.name,
      date,
      appointments,
    }),
  );
  await wp.transaction((w) =>
    w.audit('diary.day-sheet', 'adviser', w.actor.id, { date, appointments: appointments.length }),
  );
  return {
    bytes,
    fileName: `Day sheet ${date}.pdf`,
    title: `Day sheet, ${longDate(date, 'en')}`,
    count: appointments.length,
  };
}

export async function outreachRunSheetPdf(
  wp: WritePath,
  date: string,
  officeId: string,
): Promise<SheetFile> {
  const office = await wp.db
    .selectFrom('offices')
    .selectAll()
    .where('id', '=', officeId)
    .executeTakeFirst();
  if (!office) throw notFound('That venue');
  if (office.closed_on !== null && office.closed_on <= date)
    throw new AppError('refused', 'That venue is closed on that day', 'officeId');
  const appointments = await sheetAppointments(wp, date, officeId);
  const access = [
    office.step_free ? 'Step-free entrance' : 'No step-free entrance',
    ...(office.hearing_loop ? ['Hearing loop'] : []),
    ...(office.access_notes.trim() ? [office.access_notes.trim()] : []),
  ];
  const bytes = await createPdfRenderer().render(
    buildOutreachRunSheet({
      issuedAt: wp.now().toISOString(),
      adviserName: wp.actor.name,
      date,
      venue: {
        name: office.name,
        address: [office.address_line1, office.address_line2, office.town, office.postcode]
          .filter(Boolean)
          .join(', '),
        phone: office.phone,
        access,
      },
      appointments,
    }),
  );
  await wp.transaction((w) =>
    w.audit('diary.run-sheet', 'office', officeId, { date, appointments: appointments.length }),
  );
  return {
    bytes,
    fileName: `Run sheet ${date}.pdf`,
    title: `Outreach run sheet, ${office.name}, ${longDate(date, 'en')}`,
    count: appointments.length,
  };
}

/** The day sheet, printed, opened or saved; the outcome says how many appointments it lists. */
export async function deliverDaySheet(
  wp: WritePath,
  desktop: Desktop,
  { date, action }: ChannelParsed<'diary:daySheetPdf'>,
): Promise<SheetOutcome> {
  return deliverSheet(desktop, action, await daySheetPdf(wp, date));
}

/** The outreach run sheet for one venue, printed, opened or saved. */
export async function deliverRunSheet(
  wp: WritePath,
  desktop: Desktop,
  { date, officeId, action }: ChannelParsed<'diary:runSheetPdf'>,
): Promise<SheetOutcome> {
  return deliverSheet(desktop, action, await outreachRunSheetPdf(wp, date, officeId));
}

type SheetOutcome = DesktopOutcome & { count: number };

async function deliverSheet(
  desktop: Desktop,
  action: DesktopAction,
  file: SheetFile,
): Promise<SheetOutcome> {
  return { ...(await deliverPdf(desktop, action, file)), count: file.count };
}
