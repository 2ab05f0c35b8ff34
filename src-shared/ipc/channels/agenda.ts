/**
 * The adviser's agenda over IPC: a day's or a week's appointments and the obligations that need
 * them, most urgent first.
 */
import { z } from 'zod';
import { channel, returns } from '../define';
import { civilDate } from '../../schemas/participant';
import type { Appointment } from '../../schemas/diary';
import type { ShownObligation } from './obligations';

/** How soon an obligation needs the adviser: overdue, due within 2 working days, or due later. */
export type Urgency = 'overdue' | 'at-risk' | 'due';

export interface AgendaObligation extends ShownObligation {
  urgency: Urgency;
  participantName: string;
}

export interface AgendaAppointment extends Appointment {
  participantName: string;
  /** The participant's reasonable adjustments as recorded ('' when none). */
  adjustments: string;
}

export interface Agenda {
  today: string;
  /** The days covered, inclusive: one day, or Monday to Sunday. */
  from: string;
  to: string;
  appointments: AgendaAppointment[];
  /** Most urgent first: overdue (oldest first), at risk, then due (soonest first). */
  obligations: AgendaObligation[];
  /** For managers only: complaints whose current stage's response is overdue. */
  complaintsOverdue?: AgendaComplaint[];
}

export interface AgendaComplaint {
  id: string;
  about: string;
  stageName: string;
  responseDue: string;
}

export const agendaChannels = {
  'agenda:day': channel(z.object({ date: civilDate.optional() }).strict(), returns<Agenda>()),
  /** The Monday-to-Sunday week containing `date` (today when omitted). */
  'agenda:week': channel(z.object({ date: civilDate.optional() }).strict(), returns<Agenda>()),
};
