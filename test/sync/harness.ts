/**
 * The sync test harness: the real central service (Fastify over PGlite, or PostgreSQL) listening
 * on loopback, real encrypted device caseloads with the real sync client, and the checks every
 * schedule ends with (sync design §7: nothing lost, nothing applied twice, convergence by record).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { openStore, type Store } from '../../src-central/db/open';
import { buildApp } from '../../src-central/server/app';
import { addOffice, addUser, allocate, initOrganisation } from '../../src-central/org/organisation';
import { createEnrolmentCode } from '../../src-central/org/devices';
import { referralSchema } from '../../src-shared/schemas/participant';
import { SyncClient, type SyncClientOptions } from '../../src-main/sync/client';
import { NO_BACKOFF } from '../../src-main/sync/backoff';
import { ENTITIES } from '../../src-main/sync/entities';
import { readState } from '../../src-main/sync/state';
import { referral } from '../support/referrals';
import { tempCaseload, type TempCaseload } from '../support/temp-caseload';

export interface Central {
  url: string;
  store: Store;
  app: FastifyInstance;
  organisationId: string;
  addAdviser(name: string): Promise<string>;
  code(adviserId: string): Promise<string>;
  allocate(participantId: string, adviserId: string, role: 'owner' | 'cover'): Promise<void>;
  close(): Promise<void>;
}

export async function startCentral(
  opts: { database?: string; now?: () => Date } = {},
): Promise<Central> {
  const dir = opts.database ? null : mkdtempSync(join(tmpdir(), 'waymark central '));
  const store = await openStore(opts.database ? { database: opts.database } : { data: dir! });
  const org = await initOrganisation(store.db, 'Northern Employment Partnership');
  const office = await addOffice(store.db, { name: 'Sheffield', nation: 'england' });
  const app = await buildApp({ store, now: opts.now });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${address.port}`,
    store,
    app,
    organisationId: org.id,
    addAdviser: async (name) => (await addUser(store.db, { name, officeId: office.id })).id,
    code: async (adviserId) => (await createEnrolmentCode(store.db, adviserId)).code,
    allocate: async (participantId, adviserId, role) => {
      await allocate(store.db, { participantId, adviserId, role });
    },
    close: async () => {
      await app.close();
      await store.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Device {
  c: TempCaseload;
  client(serverUrl: string, options?: SyncClientOptions): SyncClient;
  /** Adds a participant through the app's own service; returns its id. */
  addParticipant(n: number): Promise<string>;
  close(): Promise<void>;
}

export async function newDevice(opts: { now?: () => Date } = {}): Promise<Device> {
  const c = await tempCaseload(opts);
  return {
    c,
    client: (_url, options = {}) =>
      new SyncClient(c.services.wp, {
        backoff: NO_BACKOFF,
        sleep: async () => {},
        maxRetries: 6,
        timeoutMs: 2000,
        ...options,
      }),
    addParticipant: async (n) =>
      (
        await c.services.participants.create(
          referralSchema.parse(
            referral({
              referralId: `JCP-${String(n).padStart(6, '0')}`,
              givenName: `Given${n}`,
              niNumber: `AB ${String(n % 100).padStart(2, '0')} 34 56 C`,
            }),
          ),
        )
      ).id,
    close: () => c.close(),
  };
}

/** Enrols a device with a fresh code for the adviser. */
export async function enrol(
  central: Central,
  device: Device,
  adviserId: string,
  url = central.url,
) {
  const client = device.client(url);
  await client.enrol(url, await central.code(adviserId));
  return client;
}

const norm = (v: unknown): unknown =>
  typeof v === 'boolean'
    ? v
      ? 1
      : 0
    : v !== null && typeof v === 'object'
      ? JSON.stringify(v)
      : v;

/**
 * The invariants after a schedule has healed and the device has synced to quiescence:
 * I1 nothing lost — the outbox is empty and every journal entry is settled in the server ledger
 *    (applied, duplicate or conflict) or quarantined on the device;
 * I2 nothing applied twice — the ledger holds each seq once, gapless from 1, and each mutation id
 *    at most once;
 * I4 convergence — every record in the device's scope on the server is on the device with the
 *    same columns and version, and the device holds no synced record the server does not.
 */
export async function checkInvariants(central: Central, device: Device): Promise<void> {
  const db = device.c.services.wp.db;
  const state = await readState(db);
  const deviceId = state.device_id!;
  expect(await db.selectFrom('sync_outbox').selectAll().execute()).toEqual([]);
  const journal = await db.selectFrom('change_journal').select(['id']).execute();
  const archived = new Map(
    (
      await db.selectFrom('sync_outbox_archive').select(['journal_id', 'status', 'seq']).execute()
    ).map((r) => [r.journal_id, r]),
  );
  const quarantined = new Set(
    (await db.selectFrom('sync_quarantine').select('journal_id').execute()).map(
      (r) => r.journal_id,
    ),
  );
  for (const j of journal) {
    const a = archived.get(j.id);
    expect(a, `journal entry ${j.id} settled`).toBeDefined();
    if (a!.status === 'rejected') expect(quarantined.has(j.id)).toBe(true);
  }
  expect(state.last_acked_seq).toBe(state.last_seq);

  const ledger = await central.store.db
    .selectFrom('mutation_ledger')
    .select(['seq', 'mutation_id', 'status'])
    .where('device_id', '=', deviceId)
    .orderBy('seq')
    .execute();
  expect(ledger.map((l) => Number(l.seq))).toEqual(journal.map((_, i) => i + 1));
  const bySeq = new Map([...archived.values()].map((a) => [a.seq, a]));
  for (const l of ledger) {
    const a = bySeq.get(Number(l.seq))!;
    if (l.mutation_id) expect(l.mutation_id).toBe(a.journal_id);
  }
  const ids = ledger.filter((l) => l.mutation_id).map((l) => l.mutation_id);
  expect(new Set(ids).size).toBe(ids.length);

  await expectConverged(central, device);
}

/** The device holds exactly the server's records of its scope, column for column. */
export async function expectConverged(central: Central, device: Device): Promise<void> {
  const db = device.c.services.wp.db;
  const state = await readState(db);
  const r = await fetch(new URL('/v1/sync/state', central.url), {
    headers: { authorization: `Bearer ${state.token}` },
  });
  const serverState = (await r.json()) as { scopeHash: string; counts: Record<string, number> };
  const records = await central.store.db
    .selectFrom('records')
    .select(['entity_type', 'entity_id', 'data', 'version'])
    .where('deleted', '=', false)
    .where('organisation_id', '=', central.organisationId)
    .execute();
  const versions = new Map(
    (await db.selectFrom('sync_record_versions').selectAll().execute()).map((v) => [
      `${v.entity_type}\u0000${v.entity_id}`,
      v.version,
    ]),
  );
  let inScope = 0;
  for (const rec of records) {
    const key = `${rec.entity_type}\u0000${rec.entity_id}`;
    if (!versions.has(key)) continue; // another adviser's record
    inScope++;
    expect(versions.get(key), key).toBe(Number(rec.version));
    const spec = ENTITIES[rec.entity_type]!;
    const parts = spec.key.length === 1 ? [rec.entity_id] : rec.entity_id.split('@');
    const where = sql.join(
      spec.key.map((k, i) => sql`${sql.ref(k)} = ${parts[i]}`),
      sql` AND `,
    );
    const local = (
      await sql<
        Record<string, unknown>
      >`SELECT * FROM ${sql.table(spec.table)} WHERE ${where}`.execute(db)
    ).rows[0];
    expect(local, `${rec.entity_type} on the device`).toBeDefined();
    const data = rec.data as Record<string, unknown>;
    for (const [k, v] of Object.entries(local!))
      if (k in data) expect(norm(v), `${rec.entity_type}.${k}`).toEqual(norm(data[k]));
  }
  expect(inScope).toBe(versions.size);
  const local = [...versions.entries()].map(([k, version]) => {
    const [entity, id] = k.split('\u0000') as [string, string];
    return { entity, id, version };
  });
  let hash = '0'.repeat(64);
  const { xorHex } = await import('../../src-shared/sync/protocol');
  for (const it of local)
    hash = xorHex(
      hash,
      createHash('sha256').update(`${it.entity}:${it.id}:${it.version}`).digest('hex'),
    );
  expect(hash).toBe(serverState.scopeHash);
}
