/**
 * The engine's JSON input (shared/domain/obligations-format.md), validated at the edge so the
 * engine itself can trust every date. Unknown fields are ignored: the app's own records are richer.
 * A bad field is reported by its path, e.g. `participants[2].appointments[0].start`.
 */
import { z } from 'zod';
import { APPOINTMENT_CHANNELS, APPOINTMENT_KINDS, APPOINTMENT_OUTCOMES } from '../../schemas/diary';
import { LIFE_EVENT_KINDS } from '../../schemas/timeline-events';
import { isCivilDate, isLocalDateTime } from '../calendar/civil-date';
import { NATIONS } from '../calendar/nations';
import { charterProfileSchema, type CharterProfile } from './profile';
import { shippedProfile, shippedProfiles } from './shipped-profiles';
import type { ParticipantFacts as AppParticipantFacts } from './facts-from-rows';

const date = z.string().refine(isCivilDate, 'expected a real date as YYYY-MM-DD');
const optionalDate = date.nullish();
const localTime = z
  .string()
  .refine(isLocalDateTime, 'expected a local time as YYYY-MM-DDTHH:MM (no offset)');
const list = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .nullish()
    .transform((v) => v ?? []);

// The diary's own lists: an appointment means the same thing to the engine and the diary.
export { APPOINTMENT_KINDS, APPOINTMENT_CHANNELS, APPOINTMENT_OUTCOMES };
export const CONTACT_KINDS = ['dna-follow-up', 'in-work', 'general'] as const;
// Life events are the timeline's own list, for the same reason.
export const EVENT_KINDS = LIFE_EVENT_KINDS;

const appointmentSchema = z.object({
  id: z.string().min(1),
  start: localTime,
  kind: z.enum(APPOINTMENT_KINDS),
  channel: z.enum(APPOINTMENT_CHANNELS),
  outcome: z.enum(APPOINTMENT_OUTCOMES),
  priorNotice: z.boolean().nullish(),
});

const participantSchema = z
  .object({
    id: z.string().min(1),
    nation: z.enum(NATIONS).nullish(),
    referralDate: optionalDate,
    allocationDate: optionalDate,
    initialContact: z
      .object({
        date: optionalDate,
        channel: z.enum(['phone', 'letter', 'email']).nullish(),
        /** App field (R2): the induction time offered in the contact. */
        inductionOffered: localTime.nullish(),
      })
      .nullish(),
    startDate: optionalDate,
    /** For all time (the JSON format's field); `inPersonExemptions` limits it to spans. */
    cannotAttendInPerson: z.boolean().nullish(),
    /**
     * App field (R6): spans in which the participant has a recorded reason they cannot attend in
     * person, `to` inclusive or null while it goes on. Only inside one do other channels count.
     */
    inPersonExemptions: list(
      z.object({ from: date, to: optionalDate }).refine((e) => !e.to || e.to >= e.from, {
        message: 'an exemption cannot end before it starts',
        path: ['to'],
      }),
    ),
    /** App field (R13): the dates of recorded exit reviews; each meets R13 like an attended one. */
    exitReviews: list(date),
    healthNeed: z
      .object({
        recorded: optionalDate,
        ohReferral: optionalDate,
        decidedNoReferral: optionalDate,
      })
      .nullish(),
    appointments: list(appointmentSchema),
    contacts: list(z.object({ date, kind: z.enum(CONTACT_KINDS), channel: z.string().nullish() })),
    ppepAgreements: list(date),
    /** A calculation's date, or a record carrying one (the app's calculator stores more). */
    betterOffCalculations: list(z.union([date, z.object({ date }).transform((c) => c.date)])),
    events: list(z.object({ date, kind: z.enum(EVENT_KINDS) })),
    exitDate: optionalDate,
  })
  .superRefine((p, ctx) => {
    const seen = new Set<string>();
    p.appointments.forEach((a, i) => {
      if (seen.has(a.id))
        ctx.addIssue({
          code: 'custom',
          path: ['appointments', i, 'id'],
          message: `appointment id ${a.id} is used twice`,
        });
      seen.add(a.id);
    });
  });

/** A shipped profile's id, or an inline profile checked field by field like a manager's copy. */
const profileRef = z.unknown().transform((value, ctx): CharterProfile => {
  if (typeof value === 'string') {
    const found = shippedProfile(value);
    if (found) return found;
    ctx.addIssue({
      code: 'custom',
      message: `no shipped profile called "${value}" (known: ${[...shippedProfiles().keys()].join(', ')})`,
    });
    return z.NEVER;
  }
  const parsed = charterProfileSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues)
    ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  return z.NEVER;
});

export const obligationsInputSchema = z
  .object({
    today: date,
    profile: profileRef,
    nation: z.enum(NATIONS).nullish(),
    participants: z.array(participantSchema),
  })
  .superRefine((input, ctx) => {
    const seen = new Set<string>();
    input.participants.forEach((p, i) => {
      if (seen.has(p.id))
        ctx.addIssue({
          code: 'custom',
          path: ['participants', i, 'id'],
          message: `participant id ${p.id} is used twice`,
        });
      seen.add(p.id);
    });
  });

/** Validated input, with the profile resolved to its full definition. */
export type ObligationsInput = z.output<typeof obligationsInputSchema>;
export type ParticipantFactsInput = ObligationsInput['participants'][number];
export type AppointmentInput = ParticipantFactsInput['appointments'][number];

export class ObligationsInputError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid obligations input: ${issues.join('; ')}`);
  }
}

function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path)
    out += typeof part === 'number' ? `[${part}]` : `${out ? '.' : ''}${String(part)}`;
  return out || '(input)';
}

/** Checks the JSON and resolves the profile; throws ObligationsInputError naming each bad field. */
export function parseObligationsInput(json: unknown): ObligationsInput {
  const result = obligationsInputSchema.safeParse(json);
  if (!result.success)
    throw new ObligationsInputError(
      result.error.issues.slice(0, 20).map((i) => `${pathText(i.path)}: ${i.message}`),
    );
  return result.data;
}

const NATION_SET: ReadonlySet<unknown> = new Set(NATIONS);
const APPOINTMENT_KIND_SET: ReadonlySet<unknown> = new Set(APPOINTMENT_KINDS);
const APPOINTMENT_CHANNEL_SET: ReadonlySet<unknown> = new Set(APPOINTMENT_CHANNELS);
const APPOINTMENT_OUTCOME_SET: ReadonlySet<unknown> = new Set(APPOINTMENT_OUTCOMES);
const CONTACT_KIND_SET: ReadonlySet<unknown> = new Set(CONTACT_KINDS);
const EVENT_KIND_SET: ReadonlySet<unknown> = new Set(EVENT_KINDS);
const INITIAL_CHANNEL_SET: ReadonlySet<unknown> = new Set(['phone', 'letter', 'email']);

const isDate = (v: unknown) => typeof v === 'string' && isCivilDate(v);
const isDateOrNull = (v: unknown) => v === null || isDate(v);
const allDates = (list: readonly unknown[]) => list.every(isDate);

/**
 * One participant's facts as the app itself builds them from its own rows (`factsFrom`), taken
 * as engine input without the schema when every field already passes the schema's own checks:
 * the schema costs about as much as the engine over a 5,000-participant caseload, and the app's
 * facts are plain arrays and strings with nothing to transform. Returns null when anything is
 * not plainly so; the caller then parses with the schema as before, which takes or refuses it.
 * Accepts nothing the schema refuses, and what it accepts computes the same obligations as the
 * schema's output (test/domain/charter/engine-facts.test.ts holds it to both).
 */
export function plainFactsInput(p: AppParticipantFacts): ParticipantFactsInput | null {
  if (typeof p.id !== 'string' || p.id === '' || !NATION_SET.has(p.nation)) return null;
  if (!isDateOrNull(p.referralDate) || !isDateOrNull(p.allocationDate)) return null;
  if (!isDateOrNull(p.startDate) || !isDateOrNull(p.exitDate)) return null;
  if (typeof p.cannotAttendInPerson !== 'boolean') return null;
  const contact = p.initialContact;
  if (contact !== null) {
    if (typeof contact !== 'object' || !isDateOrNull(contact.date)) return null;
    if (contact.channel !== null && !INITIAL_CHANNEL_SET.has(contact.channel)) return null;
    const offered = contact.inductionOffered;
    if (offered != null && !(typeof offered === 'string' && isLocalDateTime(offered))) return null;
  }
  const health = p.healthNeed;
  if (health !== null) {
    if (typeof health !== 'object' || !isDateOrNull(health.recorded)) return null;
    if (!isDateOrNull(health.ohReferral) || !isDateOrNull(health.decidedNoReferral)) return null;
  }
  if (
    !Array.isArray(p.exitReviews) ||
    !allDates(p.exitReviews) ||
    !Array.isArray(p.ppepAgreements) ||
    !allDates(p.ppepAgreements) ||
    !Array.isArray(p.betterOffCalculations) ||
    !allDates(p.betterOffCalculations)
  )
    return null;
  if (!Array.isArray(p.inPersonExemptions)) return null;
  for (const e of p.inPersonExemptions)
    if (!isDate(e.from) || !isDateOrNull(e.to) || (e.to !== null && e.to < e.from)) return null;
  if (!Array.isArray(p.contacts)) return null;
  for (const c of p.contacts)
    if (!isDate(c.date) || !CONTACT_KIND_SET.has(c.kind) || typeof c.channel !== 'string')
      return null;
  if (!Array.isArray(p.events)) return null;
  for (const e of p.events) if (!isDate(e.date) || !EVENT_KIND_SET.has(e.kind)) return null;
  if (!Array.isArray(p.appointments)) return null;
  const ids = new Set<string>();
  for (const a of p.appointments) {
    if (typeof a.id !== 'string' || a.id === '' || ids.has(a.id)) return null;
    ids.add(a.id);
    if (typeof a.start !== 'string' || !isLocalDateTime(a.start)) return null;
    if (!APPOINTMENT_KIND_SET.has(a.kind) || !APPOINTMENT_CHANNEL_SET.has(a.channel)) return null;
    if (!APPOINTMENT_OUTCOME_SET.has(a.outcome)) return null;
    if (a.priorNotice !== undefined && typeof a.priorNotice !== 'boolean') return null;
  }
  // Every field checked above has the type the schema's output gives it.
  return p as unknown as ParticipantFactsInput;
}
