/**
 * Push: one PostgreSQL transaction per request. The device row is locked first, so concurrent
 * copies of one push queue behind each other and the later ones find the ledger already written.
 * Each new mutation's effect, its ledger row and its audit row commit together; a retried push
 * returns the stored results and changes nothing.
 */
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import {
  ADVISER_ENTITIES,
  MAX_CLOCK_DRIFT_MS,
  PARTICIPANT_ENTITIES,
  hlcMillis,
  isEntityType,
  type EntityType,
  type Mutation,
  type MutationResult,
  type PushRequest,
  type PushResponse,
} from '@shared/sync/protocol';
import type { CentralDatabase, RecordTable } from '../db/schema';
import { SyncError } from '../errors';
import type { AuthedDevice } from '../org/devices';
import { currentEpoch } from '../org/organisation';
import { londonDate } from '@shared/domain/identity/civil-date';
import { merge, type StoredRecord } from './merge';
import { packFieldClocks, unpackFieldClocks } from './field-clocks';
import { reservePositions, type RecordKey } from './positions';
import { recordset, textList } from './bulk';

const participantEntities = new Set<string>(PARTICIPANT_ENTITIES);
const adviserEntities = new Set<string>(ADVISER_ENTITIES);

interface Working extends StoredRecord {
  participant_id: string | null;
  adviser_id: string | null;
  dirty: boolean;
}

const keyOf = (entity: string, id: string) => `${entity}\u0000${id}`;

function checkBatch(req: PushRequest, now: Date): void {
  req.mutations.forEach((m, i) => {
    if (i > 0 && m.seq !== req.mutations[0]!.seq + i)
      throw new SyncError(
        400,
        'invalid_request',
        'Mutations must have consecutive seq numbers in order',
      );
  });
  const limit = now.getTime() + MAX_CLOCK_DRIFT_MS;
  if (req.mutations.some((m) => hlcMillis(m.hlc) > limit))
    throw new SyncError(409, 'clock_skew', 'This device’s clock is ahead of the server’s', {
      serverTime: now.toISOString(),
    });
}

export async function push(
  db: Kysely<CentralDatabase>,
  device: AuthedDevice,
  req: PushRequest,
  now: Date,
): Promise<PushResponse> {
  if (req.deviceId !== device.id)
    throw new SyncError(400, 'invalid_request', 'deviceId does not match the device token');
  checkBatch(req, now);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('devices')
      .select(['applied_seq', 'revoked_at'])
      .where('id', '=', device.id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (row.revoked_at) throw new SyncError(403, 'device_revoked', 'This device has been revoked');
    const epoch = await currentEpoch(trx);
    const applied = row.applied_seq;
    if (req.epoch !== epoch)
      throw new SyncError(
        409,
        'epoch_changed',
        'The server’s history changed (restored or reset)',
        {
          epoch,
          appliedThrough: applied,
        },
      );
    const first = req.mutations[0]?.seq;
    if (first !== undefined && first > applied + 1)
      throw new SyncError(409, 'seq_gap', `Send from seq ${applied + 1}`, {
        appliedThrough: applied,
      });
    const results = await new PushBatch(trx, device, now).run(req.mutations, applied);
    return {
      epoch,
      appliedThrough: Math.max(applied, req.mutations.at(-1)?.seq ?? applied),
      results,
      serverTime: now.toISOString(),
    };
  });
}

class PushBatch {
  private readonly records = new Map<string, Working>();
  /** Participant id → advisers with an active allocation (owner or cover). */
  private readonly scope = new Map<string, Set<string>>();
  private readonly newParticipants: string[] = [];
  private readonly seenIds = new Map<string, number>();
  private readonly touched: RecordKey[] = [];
  private readonly ledger: {
    seq: number;
    mutation_id: string | null;
    entity_type: string;
    entity_id: string;
    status: string;
    result: MutationResult;
    payload: Mutation | null;
  }[] = [];
  private readonly conflictRows: {
    mutation_id: string;
    entity_type: string;
    entity_id: string;
    kind: 'identity' | 'lww';
    field: string;
    lost_value: unknown;
    winner_hlc: string | null;
  }[] = [];

  constructor(
    private readonly trx: Transaction<CentralDatabase>,
    private readonly device: AuthedDevice,
    private readonly now: Date,
  ) {}

  async run(mutations: Mutation[], applied: number): Promise<MutationResult[]> {
    const old = mutations.filter((m) => m.seq <= applied);
    const fresh = mutations.filter((m) => m.seq > applied);
    const stored = new Map<number, MutationResult>();
    if (old.length > 0) {
      const rows = await this.trx
        .selectFrom('mutation_ledger')
        .select(['seq', 'mutation_id', 'result'])
        .where('device_id', '=', this.device.id)
        .where(
          'seq',
          'in',
          old.map((m) => m.seq),
        )
        .execute();
      const sentIds = new Map(old.map((m) => [m.seq, m.id]));
      // A seq the ledger holds for a different mutation: the device lost what it had sent (it was
      // restored from an older copy) and is numbering new changes again. Answering with the stored
      // result would archive its new change unsent; it must renumber after the server's position.
      if (rows.some((r) => r.mutation_id !== null && r.mutation_id !== sentIds.get(r.seq)))
        throw new SyncError(
          409,
          'seq_reused',
          `This device’s changes repeat numbers already used: send them from seq ${applied + 1}`,
          { appliedThrough: applied },
        );
      for (const r of rows) stored.set(r.seq, r.result as MutationResult);
    }
    const results: MutationResult[] = old.map(
      (m) =>
        stored.get(m.seq) ?? {
          seq: m.seq,
          status: 'duplicate',
          message: 'Already received',
        },
    );
    if (fresh.length === 0) return results;
    await this.load(fresh);
    for (const m of fresh) results.push(this.apply(m));
    await this.write(fresh.at(-1)!.seq);
    return results;
  }

  /** Locks and loads every record the batch touches, the participants' allocations, known ids. */
  private async load(ms: Mutation[]): Promise<void> {
    const keys = [...new Map(ms.map((m) => [keyOf(m.entity, m.entityId), m])).values()].map(
      (m) => ({ t: m.entity, id: m.entityId }),
    );
    const { rows } = await sql<Selectable<RecordTable>>`select r.* from records r
      where (r.entity_type, r.entity_id) in (select k.t, k.id from ${recordset(keys, 'k', 't text, id text')})
      order by r.entity_type, r.entity_id
      for update of r`.execute(this.trx);
    const pids = new Set<string>();
    for (const r of rows) {
      if (r.organisation_id !== this.device.organisationId) continue;
      this.records.set(keyOf(r.entity_type, r.entity_id), {
        data: r.data,
        version: r.version,
        field_hlc: unpackFieldClocks(r.field_hlc, r.data),
        field_version: unpackFieldClocks(r.field_version, r.data),
        deleted: r.deleted,
        participant_id: r.participant_id,
        adviser_id: r.adviser_id,
        dirty: false,
      });
      if (r.participant_id) pids.add(r.participant_id);
    }
    // Records of another organisation are out of scope: remember them so they are never touched.
    for (const r of rows)
      if (r.organisation_id !== this.device.organisationId)
        this.foreign.add(keyOf(r.entity_type, r.entity_id));
    for (const m of ms) {
      const pid = this.participantIdOf(m);
      if (pid) pids.add(pid);
    }
    if (pids.size > 0) {
      const alloc = await this.trx
        .selectFrom('allocations')
        .select(['participant_id', 'adviser_id'])
        .where(sql<boolean>`participant_id in ${textList([...pids])}`)
        .where('to_date', 'is', null)
        .execute();
      for (const a of alloc) {
        const set = this.scope.get(a.participant_id) ?? new Set<string>();
        set.add(a.adviser_id);
        this.scope.set(a.participant_id, set);
      }
    }
    const ids = await this.trx
      .selectFrom('mutation_ledger')
      .select(['mutation_id', 'result'])
      .where(sql<boolean>`mutation_id in ${textList(ms.map((m) => m.id))}`)
      .execute();
    for (const r of ids)
      this.seenIds.set(r.mutation_id!, (r.result as MutationResult).version ?? 0);
  }

  private readonly foreign = new Set<string>();

  private participantIdOf(m: Mutation): string | null {
    if (m.entity === 'participant') return m.entityId;
    if (!participantEntities.has(m.entity)) return null;
    const existing = this.records.get(keyOf(m.entity, m.entityId));
    if (existing?.participant_id) return existing.participant_id;
    const pid = m.data?.participant_id;
    return typeof pid === 'string' && pid !== '' ? pid : null;
  }

  private reject(m: Mutation, code: MutationResult['code'], message: string): MutationResult {
    const result: MutationResult = { seq: m.seq, status: 'rejected', code, message };
    this.record(m, result, true);
    return result;
  }

  private record(m: Mutation, result: MutationResult, keepPayload: boolean): void {
    const duplicateId = this.seenIds.has(m.id) && result.status === 'duplicate';
    this.ledger.push({
      seq: m.seq,
      mutation_id: duplicateId ? null : m.id,
      entity_type: m.entity,
      entity_id: m.entityId,
      status: result.status,
      result,
      payload: keepPayload ? m : null,
    });
    if (!duplicateId) this.seenIds.set(m.id, result.version ?? 0);
  }

  private apply(m: Mutation): MutationResult {
    if (this.seenIds.has(m.id)) {
      const result: MutationResult = {
        seq: m.seq,
        status: 'duplicate',
        version: this.seenIds.get(m.id)!,
      };
      this.record(m, result, false);
      return result;
    }
    if (!isEntityType(m.entity))
      return this.reject(m, 'unknown_entity', 'The server does not know this kind of record');
    const entity: EntityType = m.entity;
    const key = keyOf(entity, m.entityId);
    if (this.foreign.has(key))
      return this.reject(m, 'out_of_scope', 'This record is not in this device’s scope');
    if (m.op !== 'delete' && m.data === null)
      return this.reject(m, 'invalid', 'A change needs the record’s data');
    const existing = this.records.get(key) ?? null;
    const user = this.device.userId;
    let participantId: string | null = null;
    let adviserId: string | null = null;
    if (participantEntities.has(entity)) {
      participantId = this.participantIdOf(m);
      if (!participantId)
        return this.reject(m, 'invalid', 'This record does not name its participant');
      if (existing && existing.participant_id !== participantId)
        return this.reject(m, 'invalid', 'A record cannot move to another participant');
      const advisers = this.scope.get(participantId);
      if (!advisers || advisers.size === 0) {
        // A participant the server has never seen: this device's adviser owns it (adoption,
        // intake on the device). Anything else about an unknown participant is out of scope.
        if (entity !== 'participant' || existing || m.op === 'delete')
          return this.reject(
            m,
            'out_of_scope',
            'This participant is not on this device’s caseload',
          );
        this.scope.set(participantId, new Set([user]));
        this.newParticipants.push(participantId);
      } else if (!advisers.has(user)) {
        return this.reject(m, 'out_of_scope', 'This participant is not on this device’s caseload');
      }
    } else if (adviserEntities.has(entity)) {
      // Bound to the device's user on first write, whatever id the device used locally.
      adviserId = existing?.adviser_id ?? user;
      if (adviserId !== user)
        return this.reject(m, 'out_of_scope', 'This record belongs to another adviser');
    }
    const outcome = merge(entity, m, existing);
    switch (outcome.kind) {
      case 'gone': {
        const result: MutationResult = existing
          ? {
              seq: m.seq,
              status: 'rejected',
              code: 'not_found',
              message: 'This record was deleted',
              version: existing.version,
            }
          : { seq: m.seq, status: 'applied', version: 0 };
        this.record(m, result, result.status === 'rejected');
        return result;
      }
      case 'duplicate': {
        const result: MutationResult = {
          seq: m.seq,
          status: 'duplicate',
          version: existing!.version,
        };
        this.record(m, result, false);
        return result;
      }
      case 'create':
      case 'update':
      case 'delete': {
        this.records.set(key, {
          ...outcome.record,
          participant_id: participantId,
          adviser_id: adviserId,
          dirty: true,
        });
        this.touched.push({ entity_type: entity, entity_id: m.entityId });
        break;
      }
      case 'unchanged':
        break;
    }
    const version = this.records.get(key)?.version ?? 0;
    const conflicts =
      outcome.kind === 'update' || outcome.kind === 'unchanged' ? outcome.conflicts : {};
    const lost = outcome.kind === 'update' || outcome.kind === 'unchanged' ? outcome.lost : [];
    for (const field of Object.keys(conflicts))
      this.conflictRows.push({
        mutation_id: m.id,
        entity_type: entity,
        entity_id: m.entityId,
        kind: 'identity',
        field,
        lost_value: m.data?.[field] ?? null,
        winner_hlc: existing?.field_hlc[field] ?? null,
      });
    for (const l of lost)
      this.conflictRows.push({
        mutation_id: m.id,
        entity_type: entity,
        entity_id: m.entityId,
        kind: 'lww',
        field: l.field,
        lost_value: l.value ?? null,
        winner_hlc: l.winnerHlc,
      });
    const isConflict = Object.keys(conflicts).length > 0;
    const result: MutationResult = {
      seq: m.seq,
      status: isConflict ? 'conflict' : 'applied',
      version,
      ...(isConflict
        ? {
            current: conflicts,
            code: 'identity_changed',
            message: 'Someone else changed these details since this device last synced',
          }
        : {}),
      ...(lost.length > 0 ? { lost } : {}),
    };
    this.record(m, result, isConflict || lost.length > 0);
    return result;
  }

  private async write(appliedThrough: number): Promise<void> {
    const org = this.device.organisationId;
    const at = this.now.toISOString();
    if (this.newParticipants.length > 0)
      await sql`insert into allocations
          (organisation_id, participant_id, adviser_id, role, from_date, to_date, created_at)
        select ${org}::uuid, p.pid, ${this.device.userId}::uuid, 'owner', ${londonDate(this.now)},
          null, ${at}::timestamptz
        from ${recordset(
          this.newParticipants.map((pid) => ({ pid })),
          'p',
          'pid text',
        )}`.execute(this.trx);
    // The ledger rows and one audit row per settled mutation (never its data: the ledger keeps
    // what is needed), in one statement.
    await sql`with l as (
        insert into mutation_ledger
          (device_id, seq, mutation_id, entity_type, entity_id, status, result, payload, applied_at)
        select ${this.device.id}::uuid, l.seq, l.mutation_id, l.entity_type, l.entity_id, l.status,
          l.result, l.payload, ${at}::timestamptz
        from ${recordset(
          this.ledger,
          'l',
          'seq bigint, mutation_id text, entity_type text, entity_id text, status text, result jsonb, payload jsonb',
        )}
        returning seq, entity_type, entity_id, status
      )
      insert into audit_log (organisation_id, at, actor, action, entity_type, entity_id, detail)
      select ${org}::uuid, ${at}::timestamptz, ${`device ${this.device.id}`}, 'sync.' || l.status,
        l.entity_type, l.entity_id, jsonb_build_object('seq', l.seq)
      from l order by l.seq`.execute(this.trx);
    if (this.conflictRows.length > 0)
      await sql`insert into conflict_log (organisation_id, device_id, mutation_id, entity_type,
          entity_id, kind, field, lost_value, winner_hlc, at)
        select ${org}::uuid, ${this.device.id}::uuid, c.mutation_id, c.entity_type, c.entity_id,
          c.kind, c.field, c.lost_value, c.winner_hlc, ${at}::timestamptz
        from ${recordset(
          this.conflictRows,
          'c',
          'mutation_id text, entity_type text, entity_id text, kind text, field text, lost_value jsonb, winner_hlc text',
        )}`.execute(this.trx);
    await this.trx
      .updateTable('devices')
      .set({ applied_seq: appliedThrough, last_seen_at: at })
      .where('id', '=', this.device.id)
      .execute();
    // Last: the changed records, in the order the batch last touched them, written with their
    // positions taken from the organisation's counter (locked only until commit). One pass: the
    // row is written once with its position rather than inserted and then updated.
    const seen = new Set<string>();
    const ordered = this.touched
      .reverse()
      .filter((k) => {
        const key = keyOf(k.entity_type, k.entity_id);
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .reverse();
    if (ordered.length === 0) return;
    let next = await reservePositions(this.trx, org, ordered.length);
    const rows = ordered.map((k) => {
      const r = this.records.get(keyOf(k.entity_type, k.entity_id))!;
      return {
        entity_type: k.entity_type,
        entity_id: k.entity_id,
        participant_id: r.participant_id,
        adviser_id: r.adviser_id,
        data: r.data,
        version: r.version,
        field_hlc: packFieldClocks(r.field_hlc),
        field_version: packFieldClocks(r.field_version),
        change_seq: next++,
        deleted: r.deleted,
      };
    });
    await sql`insert into records (organisation_id, entity_type, entity_id, participant_id,
        adviser_id, data, version, field_hlc, field_version, change_seq, deleted, updated_at)
      select ${org}::uuid, r.entity_type, r.entity_id, r.participant_id, r.adviser_id, r.data,
        r.version, r.field_hlc, r.field_version, r.change_seq, r.deleted, ${at}::timestamptz
      from ${recordset(
        rows,
        'r',
        'entity_type text, entity_id text, participant_id text, adviser_id uuid, data jsonb, version integer, field_hlc jsonb, field_version jsonb, change_seq bigint, deleted boolean',
      )}
      order by r.change_seq
      on conflict (entity_type, entity_id) do update set
        data = excluded.data, version = excluded.version, field_hlc = excluded.field_hlc,
        field_version = excluded.field_version, change_seq = excluded.change_seq,
        deleted = excluded.deleted, updated_at = excluded.updated_at`.execute(this.trx);
  }
}
