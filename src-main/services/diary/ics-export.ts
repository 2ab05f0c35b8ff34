/**
 * An adviser's appointments as an iCalendar file (RFC 5545) for their own calendar app.
 *
 * Privacy: the file leaves the encrypted caseload (it is emailed, synced to phone and cloud
 * calendars), so it carries the least that still lets the adviser recognise the meeting: the
 * kind, the participant's initials, where and when. No names, NI numbers, contact details or
 * notes. Initials rather than "J. Smith" because a surname plus a Jobcentre programme and a
 * time is enough to identify someone to anyone else who sees the calendar.
 *
 * Times are written as Europe/London wall-clock with a VTIMEZONE, never converted to UTC by us,
 * so an appointment at 10:00 on the Monday after a clock change is 10:00 in every client.
 */
import type { WritePath } from '../../write-path/write-path';
import type { AppointmentChannel, AppointmentKind } from '@shared/schemas/diary';
import { APPOINTMENT_KIND_LABELS, CHANNEL_PHRASES } from '@shared/wording/labels';

const CRLF = '\r\n';

/** The UK's rules since 1996 (last Sunday of March 01:00 GMT, last Sunday of October 02:00 BST). */
const EUROPE_LONDON = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/London',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0000',
  'TZOFFSETTO:+0100',
  'TZNAME:BST',
  'DTSTART:19810329T010000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0000',
  'TZNAME:GMT',
  'DTSTART:19961027T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

export interface IcsAppointment {
  id: string;
  start: string;
  end: string;
  kind: string;
  channel: string;
  outcome: string;
  version: number;
  givenName: string;
  familyName: string;
  officeName: string | null;
  officeAddress: string | null;
  room: string | null;
  /** The participant has reasonable adjustments recorded (their words stay in Waymark). */
  adjustmentsRecorded?: boolean;
  interpreterNeeded?: boolean;
}

/**
 * The adjustments, as far as a calendar may carry them: that they exist and that an interpreter
 * is needed, so the adviser prepares; never the recorded words, which can be health details.
 */
export function icsNeeds(a: Pick<IcsAppointment, 'adjustmentsRecorded' | 'interpreterNeeded'>) {
  return [
    a.adjustmentsRecorded
      ? ' Reasonable adjustments are recorded: read them in Waymark first.'
      : '',
    a.interpreterNeeded ? ' An interpreter is needed.' : '',
  ].join('');
}

/** TEXT escaping (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line at 75 octets (§3.1), never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74; // continuation lines start with a space
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

const localStamp = (local: string) => `${local.replace(/[-:]/g, '')}00`;
const utcStamp = (d: Date) => `${d.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;

/** 'J.S.': the first letter of each name part. */
export function initials(given: string, family: string): string {
  const letters = `${given} ${family}`
    .split(/[\s-]+/)
    // Lower-case particles ('ap', 'de', 'van') are not initialled.
    .filter((w) => w.length > 0 && w !== w.toLowerCase())
    .map((w) => [...w][0]!.toUpperCase());
  return letters.map((l) => `${l}.`).join('');
}

export function appointmentsToIcs(appointments: readonly IcsAppointment[], stamp: Date): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Waymark//Diary//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...EUROPE_LONDON,
  ];
  const sorted = [...appointments].sort((a, b) =>
    a.start === b.start ? (a.id < b.id ? -1 : 1) : a.start < b.start ? -1 : 1,
  );
  for (const a of sorted) {
    const where = [a.room, a.officeName, a.officeAddress].filter(Boolean).join(', ');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${a.id}@waymark.app`,
      `DTSTAMP:${utcStamp(stamp)}`,
      `SEQUENCE:${Math.max(0, a.version - 1)}`,
      `DTSTART;TZID=Europe/London:${localStamp(a.start)}`,
      `DTEND;TZID=Europe/London:${localStamp(a.end)}`,
      `SUMMARY:${escapeText(`${APPOINTMENT_KIND_LABELS[a.kind as AppointmentKind] ?? a.kind} — ${initials(a.givenName, a.familyName)}`)}`,
      `DESCRIPTION:${escapeText(`${APPOINTMENT_KIND_LABELS[a.kind as AppointmentKind] ?? a.kind} ${CHANNEL_PHRASES[a.channel as AppointmentChannel] ?? a.channel}. Details are in Waymark.${icsNeeds(a)}`)}`,
      ...(where && a.channel === 'in-person' ? [`LOCATION:${escapeText(where)}`] : []),
      `STATUS:${a.outcome.startsWith('cancelled') ? 'CANCELLED' : 'CONFIRMED'}`,
      'TRANSP:OPAQUE',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/** The signed-in adviser's appointments starting between `from` and `to` (inclusive dates). */
export async function exportAdviserIcs(
  wp: WritePath,
  from: string,
  to: string,
): Promise<{ fileName: string; content: string; count: number }> {
  const rows = await wp.db
    .selectFrom('appointments as a')
    .innerJoin('participants as p', 'p.id', 'a.participant_id')
    .leftJoin('offices as o', 'o.id', 'a.office_id')
    .select([
      'a.id',
      'a.start',
      'a.end',
      'a.kind',
      'a.channel',
      'a.outcome',
      'a.version',
      'a.room',
      'p.given_name',
      'p.family_name',
      'p.adjustments',
      'p.interpreter_needed',
      'o.name as office_name',
      'o.address_line1',
      'o.town',
      'o.postcode',
    ])
    .where('a.adviser_id', '=', wp.actor.id)
    .where('a.start', '>=', from)
    .where('a.start', '<', `${to}T99`)
    .orderBy('a.start')
    .execute();
  const content = appointmentsToIcs(
    rows.map((r) => ({
      id: r.id,
      start: r.start,
      end: r.end,
      kind: r.kind,
      channel: r.channel,
      outcome: r.outcome,
      version: r.version,
      givenName: r.given_name,
      familyName: r.family_name,
      officeName: r.office_name,
      officeAddress: r.address_line1 ? `${r.address_line1}, ${r.town}, ${r.postcode}` : null,
      room: r.room,
      adjustmentsRecorded: r.adjustments.trim() !== '',
      interpreterNeeded: r.interpreter_needed === 1,
    })),
    wp.now(),
  );
  await wp.transaction((w) =>
    w.audit('diary.export-ics', 'adviser', w.actor.id, { from, to, appointments: rows.length }),
  );
  return { fileName: `waymark-diary-${from}-to-${to}.ics`, content, count: rows.length };
}
