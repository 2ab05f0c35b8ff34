/**
 * Who made a value the server holds. Every stored field keeps the HLC of the change that wrote it,
 * and an HLC ends with the node of the device that made it; devices report their node with every
 * push (`devices.hlc_node`). So a conflict names the other change's adviser, device and time
 * without an author column per field. Only read when a push meets a conflict.
 */
import type { Kysely, Transaction } from 'kysely';
import { hlcMillis, HLC_PATTERN, type ChangeAuthor } from '@shared/sync/protocol';
import type { CentralDatabase } from '../db/schema';

/** The node (device) part of an HLC string. */
export const hlcNode = (hlc: string): string => hlc.slice(-16);

export interface DeviceAuthor {
  adviserName: string;
  deviceName: string | null;
}

/** The organisation's devices by HLC node (the most recently seen one if a node repeats). */
export async function devicesByNode(
  db: Kysely<CentralDatabase> | Transaction<CentralDatabase>,
  organisationId: string,
): Promise<Map<string, DeviceAuthor>> {
  const rows = await db
    .selectFrom('devices as d')
    .innerJoin('users as u', 'u.id', 'd.user_id')
    .select(['d.hlc_node', 'd.name', 'u.name as adviser'])
    .where('d.organisation_id', '=', organisationId)
    .where('d.hlc_node', 'is not', null)
    .orderBy('d.last_seen_at')
    .execute();
  const out = new Map<string, DeviceAuthor>();
  for (const r of rows) out.set(r.hlc_node!, { adviserName: r.adviser, deviceName: r.name });
  return out;
}

/** The author of a change stamped `hlc`: its device's adviser if known, and when it was made. */
export function authorOf(
  hlc: string | null | undefined,
  devices: Map<string, DeviceAuthor>,
): ChangeAuthor | undefined {
  if (!hlc || !HLC_PATTERN.test(hlc)) return undefined;
  const d = devices.get(hlcNode(hlc));
  return {
    adviserName: d?.adviserName ?? null,
    deviceName: d?.deviceName ?? null,
    at: new Date(hlcMillis(hlc)).toISOString(),
  };
}
