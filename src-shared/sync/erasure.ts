/**
 * Central erasure (UK GDPR Art. 17, storage limitation): a manager's erasure or anonymising of a
 * participant on a device travels to the central service as its own mutation, which the server
 * applies to every record of that participant in one transaction (src-central/sync/erasure.ts),
 * and every device that held the participant forgets them on its next pull (removals with
 * reason `erased`) or receives the anonymised copies (anonymise).
 *
 * What anonymising replaces is stated once here, for the server's JSON records; the device's own
 * SQL (src-main/services/protection/retention.ts) writes the same values.
 */
import { z } from 'zod';
import { FACT_EVENT_KINDS } from '../schemas/timeline-events';
import { EMPTY_PLAN } from '../schemas/plan';

/** The journal entity of an erasure (entity id = the participant's id). Never a stored record. */
export const ERASURE_ENTITY = 'participant_erasure';
/** The removal reason a device receives for every record of an erased participant. */
export const ERASED_REASON = 'erased';

export const erasureDataSchema = z.object({ action: z.enum(['delete', 'anonymise']) }).strict();
export type ErasureData = z.infer<typeof erasureDataSchema>;

/** What an anonymised record says instead of the person's details. */
export const ANONYMISED = {
  givenName: 'Anonymised',
  familyName: 'participant',
  dateOfBirth: '1900-01-01',
  text: '',
} as const;

/** The text hashed (SHA-256, hex) to name a participant in audit entries and markers. */
export const participantHashInput = (id: string) => `waymark-participant:${id}`;

const FACTS = new Set<string>(FACT_EVENT_KINDS);

/**
 * The participant's own anonymised fields: one table for the device's anonymising (retention.ts)
 * and the copies the service sends to other devices, so the two ends cannot drift.
 */
export function anonymisedParticipant(tag: string) {
  const blank = ANONYMISED.text;
  return {
    referral_id: `ANON-${tag}`,
    given_name: ANONYMISED.givenName,
    family_name: ANONYMISED.familyName,
    preferred_name: null,
    date_of_birth: ANONYMISED.dateOfBirth,
    ni_number: blank,
    address_line1: blank,
    address_line2: null,
    town: blank,
    county: null,
    postcode: blank,
    phone: null,
    email: null,
    adjustments: blank,
    search_text: `anonymised participant anon-${tag}`,
  };
}

/**
 * The anonymised form of one record of the participant (a row in the device's columns), or null
 * when the record goes altogether (a plan draft). `tag` is the first 12 hex of the hash.
 */
export function anonymisedRow(
  entity: string,
  row: Record<string, unknown>,
  tag: string,
): Record<string, unknown> | null {
  const blank = ANONYMISED.text;
  switch (entity) {
    case 'participant':
      return { ...row, ...anonymisedParticipant(tag) };
    case 'participant_event':
      return {
        ...row,
        summary: 'Anonymised',
        ...(FACTS.has(String(row.kind)) ? {} : { data: '{}' }),
      };
    case 'meeting_record':
      return { ...row, notes: blank, decision_note: null };
    case 'contact_attempt':
      return { ...row, note: blank };
    case 'life_event':
      return { ...row, note: blank, employer: blank };
    case 'support_referral':
      return { ...row, detail: blank };
    case 'health_decision':
    case 'travel_claim':
      return { ...row, reason: blank };
    case 'better_off_calculation':
      return { ...row, label: null };
    case 'participant-constraints':
      return { ...row, unavailable: '[]' };
    case 'letter_log':
      return { ...row, snapshot: '{}' };
    case 'plan_version':
      return { ...row, content: JSON.stringify(EMPTY_PLAN) };
    case 'plan_draft':
      return null;
    case 'legal_hold':
      return { ...row, reason: blank, lift_reason: row.lift_reason == null ? null : blank };
    default:
      return row;
  }
}
