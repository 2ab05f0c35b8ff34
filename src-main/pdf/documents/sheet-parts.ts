/**
 * What the day sheet and the outreach run sheet share: one appointment as a block that never
 * splits across pages (time, person, what, where, how to reach them, adjustments) followed by
 * ruled space for handwritten notes, because an outreach venue may have no network.
 */
import type { Content } from 'pdfmake/interfaces';
import { APPOINTMENT_KIND_LABELS, CHANNEL_PHRASES } from '@shared/wording/labels';
import type { AppointmentChannel, AppointmentKind } from '@shared/schemas/diary';
import { facts, mm } from '../layout';
import { clockTime } from '../format';

export interface SheetAppointment {
  /** 'YYYY-MM-DDTHH:MM' wall clock. */
  start: string;
  end: string;
  kind: AppointmentKind;
  channel: AppointmentChannel;
  participantName: string;
  referralId: string;
  /** Venue and room in words; null for phone and video. */
  place: string | null;
  phone: string | null;
  /** Home address on one line (the run sheet only). */
  homeAddress?: string | null;
  adjustments: string;
  /** e.g. 'Needs an interpreter (Polish)'. */
  needs: string[];
}

export const timeRange = (a: Pick<SheetAppointment, 'start' | 'end'>): string =>
  `${clockTime(a.start.slice(11, 16), 'en')} to ${clockTime(a.end.slice(11, 16), 'en')}`;

/** Blank ruled lines for notes written by hand. */
export function notesSpace(lines: number): Content {
  const gap = mm(8);
  return {
    stack: [
      { text: 'Notes', style: 'label' },
      {
        canvas: Array.from({ length: lines }, (_, i) => ({
          type: 'line' as const,
          x1: 0,
          y1: gap * (i + 1),
          x2: mm(170),
          y2: gap * (i + 1),
          lineWidth: 0.5,
          lineColor: '#505a5f',
        })),
      },
    ],
    margin: [0, 0, 0, mm(6)],
  };
}

export function appointmentBlock(a: SheetAppointment, noteLines: number): Content {
  const rows: [string, string][] = [
    ['Appointment', `${APPOINTMENT_KIND_LABELS[a.kind]} ${CHANNEL_PHRASES[a.channel]}`],
  ];
  if (a.place) rows.push(['Where', a.place]);
  rows.push(['Phone', a.phone ?? 'None recorded']);
  if (a.homeAddress !== undefined) rows.push(['Home address', a.homeAddress ?? 'None recorded']);
  rows.push(['Adjustments', a.adjustments.trim() || 'None recorded']);
  if (a.needs.length) rows.push(['Also', a.needs.join('. ')]);
  return {
    stack: [
      {
        text: `${timeRange(a)}: ${a.participantName} (referral ${a.referralId})`,
        style: 'heading',
      },
      facts(rows),
      notesSpace(noteLines),
    ],
    unbreakable: true,
  };
}
