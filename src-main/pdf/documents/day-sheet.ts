/**
 * The adviser's printable day sheet: every appointment that day in time order, with where it
 * is, a phone number, the adjustments and space for notes. Pure: snapshot in, definition out.
 */
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { frame, para } from '../layout';
import { longDate } from '../format';
import { appointmentBlock, type SheetAppointment } from './sheet-parts';

export interface DaySheetSnapshot {
  /** ISO instant the sheet was made. */
  issuedAt: string;
  adviserName: string;
  /** 'YYYY-MM-DD' */
  date: string;
  /** Booked appointments that day, in time order (cancelled ones are left out). */
  appointments: SheetAppointment[];
}

export function buildDaySheet(s: DaySheetSnapshot): TDocumentDefinitions {
  const day = longDate(s.date, 'en');
  const count = s.appointments.length;
  return frame({
    title: `Day sheet, ${day}`,
    author: s.adviserName,
    issuedAt: s.issuedAt,
    language: 'en',
    largePrint: false,
    footer: (page, pages) =>
      `Day sheet, ${day}. Page ${page} of ${pages}. Keep it safe: it holds personal details.`,
    content: [
      { text: `Day sheet: ${day}`, style: 'title' },
      para(
        count === 0
          ? `${s.adviserName} has no appointments booked on this day.`
          : `${s.adviserName}: ${count} appointment${count === 1 ? '' : 's'} booked.`,
      ),
      ...s.appointments.map((a) => appointmentBlock(a, 3)),
    ],
  });
}
