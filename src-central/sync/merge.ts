/**
 * The server's conflict rules for one mutation against the stored record (pure: no database).
 * - Append-only entities: the first insert wins; the same id again is a duplicate.
 * - Participant identity and contact fields: compare-and-set on the version the device last saw.
 *   A field changed on the server since then is not overwritten: the result is a conflict carrying
 *   the server's values, and the adviser decides.
 * - Every other field: last writer wins by HLC, the losing value reported back and logged.
 */
import {
  APPEND_ONLY_ENTITIES,
  IDENTITY_FIELDS,
  type EntityType,
  type LostField,
  type Mutation,
} from '@shared/sync/protocol';

export interface StoredRecord {
  data: Record<string, unknown>;
  version: number;
  field_hlc: Record<string, string>;
  field_version: Record<string, number>;
  deleted: boolean;
}

export type MergeOutcome =
  | { kind: 'create'; record: StoredRecord }
  | { kind: 'update'; record: StoredRecord; lost: LostField[]; conflicts: Record<string, unknown> }
  | { kind: 'unchanged'; lost: LostField[]; conflicts: Record<string, unknown> }
  | { kind: 'duplicate' }
  | { kind: 'delete'; record: StoredRecord }
  | { kind: 'gone' };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const identity = new Set<string>(IDENTITY_FIELDS);
/** The node (device) part of an HLC string. */
const nodeOf = (hlc: string | undefined) => hlc?.slice(-16);

export function merge(entity: EntityType, m: Mutation, current: StoredRecord | null): MergeOutcome {
  if (m.op === 'delete') {
    if (!current || current.deleted) return { kind: 'gone' };
    return { kind: 'delete', record: { ...current, version: current.version + 1, deleted: true } };
  }
  const data = m.data ?? {};
  if (!current) {
    const fieldHlc: Record<string, string> = {};
    const fieldVersion: Record<string, number> = {};
    for (const k of Object.keys(data)) {
      fieldHlc[k] = m.hlc;
      fieldVersion[k] = 1;
    }
    return {
      kind: 'create',
      record: {
        data: { ...data },
        version: 1,
        field_hlc: fieldHlc,
        field_version: fieldVersion,
        deleted: false,
      },
    };
  }
  // Deletes win: a late edit of a deleted record does not bring it back.
  if (current.deleted) return { kind: 'gone' };
  if (APPEND_ONLY_ENTITIES.includes(entity) && (m.op === 'insert' || m.op === 'append'))
    return { kind: 'duplicate' };
  const next = current.version + 1;
  const out: StoredRecord = {
    data: { ...current.data },
    version: next,
    field_hlc: { ...current.field_hlc },
    field_version: { ...current.field_version },
    deleted: false,
  };
  const lost: LostField[] = [];
  const conflicts: Record<string, unknown> = {};
  let changed = false;
  const base = m.baseVersion ?? 0;
  for (const [k, value] of Object.entries(data)) {
    if (same(value, current.data[k])) continue;
    if (entity === 'participant' && identity.has(k)) {
      // A device's own later edit is not a conflict with its earlier one (same HLC node).
      const byThisDevice = nodeOf(current.field_hlc[k]) === nodeOf(m.hlc);
      if ((current.field_version[k] ?? 0) > base && !byThisDevice) {
        conflicts[k] = current.data[k] ?? null;
        continue;
      }
    } else {
      const winner = current.field_hlc[k];
      if (winner !== undefined && winner >= m.hlc) {
        lost.push({ field: k, value, winnerHlc: winner });
        continue;
      }
    }
    out.data[k] = value;
    out.field_hlc[k] = m.hlc;
    out.field_version[k] = next;
    changed = true;
  }
  return changed
    ? { kind: 'update', record: out, lost, conflicts }
    : { kind: 'unchanged', lost, conflicts };
}
