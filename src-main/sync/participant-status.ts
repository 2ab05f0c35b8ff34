/**
 * One participant's sync state, read from the database each time (never a cached flag): whether
 * every change to the participant's records is on the service, how many are waiting and since
 * when, values in conflict, changes the service refused. A computer never connected to the
 * service keeps the records only here, and says so.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { AppError } from '../errors';
import { caseloadSyncMarkers, participantSyncCounts } from '../db/repositories/sync-participants';
import type {
  CaseloadSyncMarker,
  ParticipantSyncState,
  ParticipantSyncView,
} from '@shared/ipc/channels/sync';
import { heldWords, refusalWords } from '@shared/wording/sync-refusals';
import { syncSummary } from './status';

export async function participantSyncView(
  db: Kysely<Database>,
  participantId: string,
): Promise<ParticipantSyncView> {
  const found = await db
    .selectFrom('participants')
    .select('id')
    .where('id', '=', participantId)
    .executeTakeFirst();
  if (!found) throw new AppError('not-found', 'That participant was not found');
  const s = await syncSummary(db);
  const base = {
    participantId,
    lastSyncedAt: s.lastSyncedAt,
    offline: s.problemCode === 'unreachable' || s.problemCode === 'unavailable',
    held: null,
  };
  // Never connected: everything is queued for a first sync, but nothing is going anywhere yet.
  if (!s.enrolled && !s.revoked)
    return {
      ...base,
      state: 'local',
      pending: 0,
      pendingSince: null,
      conflicts: 0,
      quarantined: [],
    };
  const c = await participantSyncCounts(db, participantId);
  const held = await db
    .selectFrom('sync_held_participants')
    .select('reason')
    .where('participant_id', '=', participantId)
    .executeTakeFirst();
  // The worst thing that is true leads, in the header's order.
  const state: ParticipantSyncState = s.revoked
    ? 'removed'
    : c.conflicts > 0
      ? 'conflict'
      : c.quarantined.length > 0
        ? 'quarantined'
        : c.pending > 0
          ? 'waiting'
          : 'synced';
  return {
    ...base,
    state,
    pending: c.pending,
    pendingSince: c.pendingSince,
    conflicts: c.conflicts,
    quarantined: c.quarantined.map((q) => ({ ...refusalWords(q.code), at: q.at })),
    held: held ? heldWords(held.reason) : null,
  };
}

/** Participants with unsynced changes, conflicts or refused changes (none before enrolment). */
export async function caseloadSyncView(db: Kysely<Database>): Promise<CaseloadSyncMarker[]> {
  const s = await syncSummary(db);
  if (!s.enrolled && !s.revoked) return [];
  return caseloadSyncMarkers(db);
}
