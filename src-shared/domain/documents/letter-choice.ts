/**
 * Which one letter an appointment gets when several apply (the letters page opened from an
 * appointment, and a batch): missed, then moved, then in work, then the plain confirmation. A
 * booked induction gets the induction letter, which is its confirmation. The letters that apply
 * come from one place, the service's offers (`documents:offers`); this only chooses among them.
 */
import type { NoticeLetterKind } from '../../schemas/documents';

export const FIRST_FOR_APPOINTMENT: readonly NoticeLetterKind[] = [
  'missed-appointment',
  'appointment-change',
  'in-work-check-in',
  'appointment-confirmation',
];

export interface Offer {
  kind: NoticeLetterKind;
  appointmentId?: string;
}

/** The first letter, by the order above, offered for the appointment. */
export function offerForAppointment<O extends Offer>(
  offers: readonly O[],
  appointmentId: string,
): O | undefined {
  for (const kind of FIRST_FOR_APPOINTMENT) {
    const offer = offers.find((o) => o.kind === kind && o.appointmentId === appointmentId);
    if (offer) return offer;
  }
  return undefined;
}

/**
 * One letter for each appointment offered (the first by the order above), and the exit letter
 * when it is offered. Appointments in `skip` (a booked induction, which has its own letter) get
 * none here.
 */
export function oneLetterEach<O extends Offer>(
  offers: readonly O[],
  skip: ReadonlySet<string> = new Set(),
): O[] {
  const out: O[] = [];
  const seen = new Set<string>();
  for (const o of offers) {
    if (!o.appointmentId) {
      if (!out.some((x) => x.kind === o.kind)) out.push(o);
      continue;
    }
    if (seen.has(o.appointmentId) || skip.has(o.appointmentId)) continue;
    seen.add(o.appointmentId);
    out.push(offerForAppointment(offers, o.appointmentId)!);
  }
  return out;
}
