/**
 * The outreach run sheet: everything an adviser needs at a community venue with no network —
 * the venue, then each participant booked there that day with the time, home address, phone,
 * adjustments and ruled space for notes, to type up back at the office. Pure.
 */
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { facts, frame, para, section } from '../layout';
import { longDate } from '../format';
import { appointmentBlock, type SheetAppointment } from './sheet-parts';

export interface RunSheetVenue {
  name: string;
  address: string;
  phone: string;
  /** Access notes: step-free entrance, hearing loop, anything else recorded. */
  access: string[];
}

export interface OutreachRunSheetSnapshot {
  issuedAt: string;
  adviserName: string;
  /** 'YYYY-MM-DD' */
  date: string;
  venue: RunSheetVenue;
  /** Booked appointments at the venue that day, in time order. */
  appointments: SheetAppointment[];
}

export function buildOutreachRunSheet(s: OutreachRunSheetSnapshot): TDocumentDefinitions {
  const day = longDate(s.date, 'en');
  const count = s.appointments.length;
  return frame({
    title: `Outreach run sheet, ${s.venue.name}, ${day}`,
    author: s.adviserName,
    issuedAt: s.issuedAt,
    language: 'en',
    largePrint: false,
    footer: (page, pages) =>
      `Run sheet, ${s.venue.name}, ${day}. Page ${page} of ${pages}. Bring it back to the office: it holds personal details.`,
    content: [
      { text: `Outreach run sheet: ${s.venue.name}`, style: 'title' },
      para(`${day}. ${s.adviserName}.`),
      ...section(
        'The venue',
        facts([
          ['Address', s.venue.address],
          ['Phone', s.venue.phone],
          ['Access', s.venue.access.length ? s.venue.access.join('. ') : 'Nothing recorded'],
        ]),
      ),
      para(
        count === 0
          ? 'Nobody is booked at this venue on this day.'
          : `${count} participant${count === 1 ? '' : 's'} booked. Write notes by hand and record them in Waymark back at the office.`,
      ),
      ...s.appointments.map((a) => appointmentBlock(a, 5)),
    ],
  });
}
