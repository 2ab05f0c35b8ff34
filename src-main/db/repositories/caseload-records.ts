/**
 * A participant's contact attempts, travel claims and life events: rows ↔ domain objects and
 * the per-participant reads. Functions take the db first. Here rather than in services/caseload
 * so the meetings overview reads them without importing those services.
 */
import type { Kysely, Selectable } from 'kysely';
import type { ContactAttemptTable, Database, LifeEventTable, TravelClaimTable } from '../schema';
import type { ClaimStatus, TravelMode } from '@shared/domain/travel-claims';
import type {
  ContactAttempt,
  ContactOutcome,
  LifeEvent,
  TravelClaim,
} from '@shared/schemas/meeting';
import type { LifeEventKind } from '@shared/schemas/timeline-events';

export function toContact(r: Selectable<ContactAttemptTable>): ContactAttempt {
  return {
    id: r.id,
    appointmentId: r.appointment_id,
    contactKind: r.contact_kind as ContactAttempt['contactKind'],
    channel: r.channel as ContactAttempt['channel'],
    outcome: r.outcome as ContactOutcome,
    reached: r.reached === 1,
    date: r.date,
    note: r.note,
    recordedBy: r.recorded_by,
  };
}

export function toClaim(r: Selectable<TravelClaimTable>): TravelClaim {
  return {
    id: r.id,
    appointmentId: r.appointment_id,
    mode: r.mode as TravelMode,
    amountPence: r.amount_pence,
    receiptSeen: r.receipt_seen === 1,
    status: r.status as ClaimStatus,
    reason: r.reason,
    claimedOn: r.claimed_on,
    version: r.version,
  };
}

export function toLifeEvent(r: Selectable<LifeEventTable>): LifeEvent {
  return {
    id: r.id,
    kind: r.kind as LifeEventKind,
    date: r.date,
    employer: r.employer,
    hoursPerWeek: r.hours_per_week,
    hourlyWagePence: r.hourly_wage_pence,
    note: r.note,
    recordedBy: r.recorded_by,
  };
}

/** Oldest first, in the order they were recorded on a day. */
export async function contactsOf(db: Kysely<Database>, participantId: string) {
  const rows = await db
    .selectFrom('contact_attempts')
    .selectAll()
    .where('participant_id', '=', participantId)
    .orderBy('date')
    .orderBy('recorded_at')
    .execute();
  return rows.map(toContact);
}

/** In the order they were claimed; `appointmentId` ties each to its meeting. */
export async function claimsOf(db: Kysely<Database>, participantId: string) {
  const rows = await db
    .selectFrom('travel_claims')
    .selectAll()
    .where('participant_id', '=', participantId)
    .orderBy('created_at')
    .execute();
  return rows.map(toClaim);
}

export async function lifeEventsOf(
  db: Kysely<Database>,
  participantId: string,
  order: 'oldest-first' | 'newest-first',
) {
  const direction = order === 'oldest-first' ? 'asc' : 'desc';
  const rows = await db
    .selectFrom('life_events')
    .selectAll()
    .where('participant_id', '=', participantId)
    .orderBy('date', direction)
    .orderBy('recorded_at', direction)
    .execute();
  return rows.map(toLifeEvent);
}
