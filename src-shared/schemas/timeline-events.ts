/**
 * The timeline is also the record the charter clocks are computed from: each kind below has a
 * fixed `data` shape, and src-main/services/obligations/obligation-facts.ts reads them back as the facts of
 * ../shared/domain/obligations-format.md. Features that record these things write these kinds.
 */
import { z } from 'zod';

export const CONTACT_KINDS = ['initial', 'dna-follow-up', 'in-work', 'general'] as const;
export const CONTACT_CHANNELS = ['phone', 'letter', 'email', 'text', 'in-person', 'video'] as const;
export const LIFE_EVENT_KINDS = [
  'job-start',
  'job-end',
  'hours-change',
  'change-of-circumstances',
  'moved-house',
] as const;

export type ContactKind = (typeof CONTACT_KINDS)[number];
export type LifeEventKind = (typeof LIFE_EVENT_KINDS)[number];

/** kind 'contact': a contact or contact attempt with the participant. */
export const contactEventData = z.object({
  contactKind: z.enum(CONTACT_KINDS),
  channel: z.enum(CONTACT_CHANNELS),
  /** Whether the participant was reached (an attempt that was not still counts for R8). */
  reached: z.boolean(),
  /** R2: the induction time offered in the initial contact, 'YYYY-MM-DDTHH:MM'. */
  inductionOffered: z.string().nullable().default(null),
  /** The appointment a follow-up is about (R8), or null. */
  appointmentId: z.string().nullable().default(null),
});

/** kind 'life-event': R15 events; each makes a plan review due (R7). */
export const lifeEventData = z.object({ lifeEvent: z.enum(LIFE_EVENT_KINDS) });

/** kind 'health-need': R9. */
export const healthNeedData = z.object({
  ohReferral: z.string().nullable().default(null),
  decidedNoReferral: z.string().nullable().default(null),
});

/** kind 'status': written by ParticipantService on every lifecycle change. */
export const statusEventData = z.object({ from: z.string(), to: z.string() });

/** The kinds the obligation facts read; other kinds are shown on the timeline only. */
export const FACT_EVENT_KINDS = [
  'status',
  'contact',
  'life-event',
  'moved-house',
  'health-need',
  'ppep-agreed',
  'better-off',
  'in-person-exemption',
  'exit-review',
] as const;
