/** The single sync_state row: who this device is to the server, and how far it has got. */
import type { Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type { Database, SyncStateTable } from '../db/schema';

export type SyncState = Selectable<SyncStateTable>;
type Db = Kysely<Database> | Transaction<Database>;

export async function readState(db: Db): Promise<SyncState> {
  return db.selectFrom('sync_state').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
}

export async function updateState(db: Db, patch: Updateable<SyncStateTable>): Promise<void> {
  await db.updateTable('sync_state').set(patch).where('id', '=', 1).execute();
}

export interface Enrolment {
  deviceId: string;
  token: string;
  serverUrl: string;
  epoch: string;
}

/** The enrolment if this device has one (a token and a device id). */
export function enrolmentOf(state: SyncState): Enrolment | null {
  if (!state.device_id || !state.token || !state.server_url || !state.epoch) return null;
  return {
    deviceId: state.device_id,
    token: state.token,
    serverUrl: state.server_url,
    epoch: state.epoch,
  };
}

/** Server URLs compare without a trailing slash. */
export const sameServer = (a: string, b: string) => a.replace(/\/+$/, '') === b.replace(/\/+$/, '');
