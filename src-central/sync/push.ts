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
import { reservePositions, type RecordKey, type Removal } from './positions';
import { ERASED_REASON, ERASURE_ENTITY } from '@shared/sync/erasure';
import {
  anonymise,
  checkErasure,
  erasedAmong,
  markErased,
  participantByHash,
  participantHash,
  participantRecords,
  purge,
  type StoredRow,
} from './erasure';
import { PlaceMatcher, placeRecordsFilter, touchesPlaces } from './places';
import { authorOf, devicesByNode, hlcNode } from './authors';
import { recordset, textList } from './bulk';

/** Rows per multi-row statement of scope removals (PostgreSQL allows 65,535 parameters). */
const CHUNK = 1000;

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

  /** Adoption of the device's offices and rooms (places.ts). */
  private readonly places: PlaceMatcher;

  constructor(
    private readonly trx: Transaction<CentralDatabase>,
    private readonly device: AuthedDevice,
    private readonly now: Date,
  ) {
    this.places = new PlaceMatcher(device.organisationId, device.userId);
  }

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
    for (const m of fresh)
      results.push(
        m.entity === ERASURE_ENTITY && !this.seenIds.has(m.id)
          ? await this.erase(m)
          : this.apply(m),
      );
    await this.nameAuthors(results);
    await this.write(fresh.at(-1)!.seq, hlcNode(fresh.at(-1)!.hlc));
    return results;
  }

  /** Locks and loads every record the batch touches, the participants' allocations, known ids. */
  private async load(ms: Mutation[]): Promise<void> {
    const keys = [...new Map(ms.map((m) => [keyOf(m.entity, m.entityId), m])).values()].map(
      (m) => ({ t: m.entity, id: m.entityId }),
    );
    // A batch that touches offices or rooms also locks the organisation's places: adoption
    // matches a device's office against them (places.ts).
    const places = touchesPlaces(ms)
      ? sql`or ${placeRecordsFilter(this.device.organisationId)}`
      : sql``;
    const { rows } = await sql<Selectable<RecordTable>>`select r.* from records r
      where (r.entity_type, r.entity_id) in (select k.t, k.id from ${recordset(keys, 'k', 't text, id text')})
        ${places}
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
    if (places)
      await this.places.load(
        this.trx,
        rows.filter(
          (r) =>
            r.organisation_id === this.device.organisationId &&
            (r.entity_type === 'office' || r.entity_type === 'room'),
        ),
      );
    // Records of another organisation are out of scope: remember them so they are never touched.
    for (const r of rows)
      if (r.organisation_id !== this.device.organisationId)
        this.foreign.add(keyOf(r.entity_type, r.entity_id));
    for (const m of ms) {
      const pid = this.participantIdOf(m);
      if (pid) pids.add(pid);
    }
    for (const id of await erasedAmong(this.trx, this.device.organisationId, pids))
      this.erased.add(id);
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
  /** Conflict results by seq: the HLC of the server value of each field not applied. */
  private readonly winners = new Map<number, Record<string, string | undefined>>();

  /**
   * Names who made each value a conflict or lost race kept (adviser, device, when), on the results
   * and on their ledger rows, so a retried push answers the same. Only when a conflict happened.
   */
  private async nameAuthors(results: MutationResult[]): Promise<void> {
    const named = results.filter((r) => this.winners.has(r.seq) || (r.lost?.length ?? 0) > 0);
    if (named.length === 0) return;
    const devices = await devicesByNode(this.trx, this.device.organisationId);
    for (const r of named) {
      const winners = this.winners.get(r.seq);
      if (winners) {
        const by: NonNullable<MutationResult['currentBy']> = {};
        for (const [field, hlc] of Object.entries(winners)) {
          const author = authorOf(hlc, devices);
          if (author) by[field] = author;
        }
        r.currentBy = by;
      }
      for (const l of r.lost ?? []) {
        const author = authorOf(l.winnerHlc, devices);
        if (author) l.winner = author;
      }
      const entry = this.ledger.findLast((e) => e.seq === r.seq);
      if (entry) entry.result = r;
    }
  }
  /** Participants erased centrally (before or in this batch): nothing about them is accepted. */
  private readonly erased = new Set<string>();
  /** Removals for the devices of advisers who held an erased participant. */
  private readonly removals: Removal[] = [];

  private participantIdOf(m: Mutation): string | null {
    if (m.entity === 'participant') return m.entityId;
    if (!participantEntities.has(m.entity)) return null;
    const existing = this.records.get(keyOf(m.entity, m.entityId));
    if (existing?.participant_id) return existing.participant_id;
    const pid = m.data?.participant_id;
    return typeof pid === 'string' && pid !== '' ? pid : null;
  }

  private reject(
    m: Mutation,
    code: MutationResult['code'],
    message: string,
    keepPayload = true,
  ): MutationResult {
    const result: MutationResult = { seq: m.seq, status: 'rejected', code, message };
    this.record(m, result, keepPayload);
    return result;
  }

  /**
   * A manager's erasure or anonymising of a participant (erasure.ts): checked, applied to every
   * record (including ones this batch changed), marked and audited, all in this transaction.
   * The ledger names the participant by hash only.
   */
  private async erase(m: Mutation): Promise<MutationResult> {
    const hash = m.entityId;
    const hashed = { ...m, data: null };
    const org = this.device.organisationId;
    if (!/^[0-9a-f]{64}$/.test(hash))
      return this.reject(hashed, 'invalid', 'An erasure names the participant by its hash', false);
    // Adopted in this very batch, or already stored.
    const pid =
      [...this.records.entries()]
        .filter(([key]) => key.startsWith(`participant\u0000`))
        .map(([key]) => key.slice('participant\u0000'.length))
        .find((id) => participantHash(id) === hash) ??
      (await participantByHash(this.trx, org, hash)) ??
      '';
    const inBatch: StoredRow[] = [];
    for (const [key, r] of this.records) {
      if (r.participant_id !== pid) continue;
      const [entity_type, entity_id] = key.split('\u0000') as [string, string];
      inBatch.push({
        entity_type,
        entity_id,
        data: r.data,
        version: r.version,
        deleted: r.deleted,
      });
    }
    const check = await checkErasure(
      this.trx,
      this.device,
      m,
      pid || null,
      inBatch.filter((r) => r.entity_type === 'legal_hold'),
    );
    if (!check.ok) return this.reject(hashed, check.code, check.message, false);
    const action = check.data.action;
    const rows = new Map<string, StoredRow>();
    for (const r of pid ? await participantRecords(this.trx, org, pid) : [])
      rows.set(keyOf(r.entity_type, r.entity_id), r);
    for (const r of inBatch)
      rows.set(keyOf(r.entity_type, r.entity_id), {
        ...rows.get(keyOf(r.entity_type, r.entity_id)),
        ...r,
      });
    // A participant the server never held: nothing to purge; the marker still stops a late push.
    const advisers = !pid
      ? []
      : await purge(
          this.trx,
          org,
          pid,
          [...rows.values()].map((r) => r.entity_id),
          action,
        );
    if (action === 'delete') {
      for (const key of rows.keys()) this.records.delete(key);
      for (let i = this.touched.length - 1; i >= 0; i--)
        if (rows.has(keyOf(this.touched[i]!.entity_type, this.touched[i]!.entity_id)))
          this.touched.splice(i, 1);
      const adopted = this.newParticipants.indexOf(pid);
      if (adopted >= 0) this.newParticipants.splice(adopted, 1);
      for (const adviser_id of advisers)
        for (const r of rows.values())
          this.removals.push({
            entity_type: r.entity_type,
            entity_id: r.entity_id,
            adviser_id,
            reason: ERASED_REASON,
          });
      this.scope.delete(pid);
      this.erased.add(pid);
    } else {
      for (const [key, r] of rows) {
        if (r.deleted) continue;
        const a = anonymise(r, pid);
        const had = this.records.get(key);
        this.records.set(key, {
          data: a.data,
          version: a.version,
          deleted: a.deleted,
          field_hlc: had?.field_hlc ?? unpackFieldClocks(r.field_hlc as never, r.data),
          field_version: had?.field_version ?? unpackFieldClocks(r.field_version as never, r.data),
          participant_id: pid,
          adviser_id: had?.adviser_id ?? r.adviser_id ?? null,
          dirty: true,
        });
        this.touched.push({ entity_type: r.entity_type, entity_id: r.entity_id });
      }
    }
    await markErased(
      this.trx,
      this.device,
      hash,
      action,
      { records: rows.size, devicesNotified: advisers.length },
      this.now.toISOString(),
    );
    // No version: an erasure is not a record the device keeps a version of.
    const result: MutationResult = { seq: m.seq, status: 'applied' };
    this.record(hashed, result, false);
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

  private apply(sent: Mutation): MutationResult {
    let m = sent;
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
    // Adoption: the device's own ids for a place the organisation already has are the
    // organisation's (places.ts); the reply names the canonical id so the device re-points.
    const placed = this.places.rewrite(m);
    m = placed.m;
    let canonicalId = placed.canonicalId;
    if (!this.records.has(keyOf(m.entity, m.entityId))) {
      const match = this.places.match(m);
      if (match && !match.adopt) {
        const result: MutationResult = {
          seq: m.seq,
          status: 'applied',
          version: this.records.get(keyOf(m.entity, match.id))?.version ?? 0,
          canonicalId: match.id,
        };
        this.record({ ...m, entityId: match.id }, result, false);
        return result;
      }
      if (match) {
        m = { ...m, entityId: match.id, data: { ...m.data, id: match.id } };
        canonicalId = match.id;
      }
    }
    const entity = m.entity as EntityType; // checked above (isEntityType)
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
      if (this.erased.has(participantId))
        return this.reject(
          m,
          'erased',
          'This participant’s records were erased; the change was not kept',
          false,
        );
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
        if (outcome.kind === 'create') this.places.created(entity, m.entityId, outcome.record.data);
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
    if (isConflict)
      this.winners.set(
        m.seq,
        Object.fromEntries(Object.keys(conflicts).map((f) => [f, existing?.field_hlc[f]])),
      );
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
      ...(canonicalId ? { canonicalId } : {}),
    };
    this.record(m, result, isConflict || lost.length > 0);
    return result;
  }

  private async write(appliedThrough: number, hlcNode: string): Promise<void> {
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
    await this.places.write(this.trx, this.device.id, at);
    await this.trx
      .updateTable('devices')
      .set({ applied_seq: appliedThrough, last_seen_at: at, hlc_node: hlcNode })
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
    if (ordered.length === 0 && this.removals.length === 0) return;
    let next = await reservePositions(this.trx, org, ordered.length + this.removals.length);
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
    if (rows.length > 0)
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
    // Then the removals of an erased participant, for each device that held them.
    for (let i = 0; i < this.removals.length; i += CHUNK)
      await this.trx
        .insertInto('scope_removals')
        .values(
          this.removals
            .slice(i, i + CHUNK)
            .map((r) => ({ ...r, organisation_id: org, change_seq: next++ })),
        )
        .execute();
  }
}
