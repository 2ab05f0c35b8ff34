/** Central-service test harness: a real store (PGlite folder or private PostgreSQL) behind real HTTP. */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { openStore, type Store } from '../../src-central/db/open';
import { buildApp } from '../../src-central/server/app';
import { initOrganisation, addUser } from '../../src-central/org/organisation';
import { createEnrolmentCode } from '../../src-central/org/devices';
import { startPostgres, type PostgresCluster } from '../support/postgres-cluster';
import type { EnrolResponse, Mutation, PushResponse, PullResponse } from '@shared/sync/protocol';

export type StoreKind = 'pglite' | 'postgres';

let cluster: Promise<PostgresCluster> | null = null;
/** One private cluster per test file (worker), stopped by `stopCluster`. */
export function sharedCluster(): Promise<PostgresCluster> {
  cluster ??= startPostgres();
  return cluster;
}
export async function stopCluster(): Promise<void> {
  if (cluster) await (await cluster).stop();
  cluster = null;
}

export interface Central {
  store: Store;
  app: FastifyInstance;
  url: string;
  organisationId: string;
  now: { value: Date | null };
  close(): Promise<void>;
}

export async function startCentral(
  kind: StoreKind,
  options: { poolSize?: number } = {},
): Promise<Central> {
  let dir: string | null = null;
  let store: Store;
  if (kind === 'pglite') {
    dir = mkdtempSync(join(tmpdir(), 'waymark-central-'));
    store = await openStore({ data: dir });
  } else {
    const c = await sharedCluster();
    store = await openStore(
      { database: await c.createDatabase(`t_${randomBytes(6).toString('hex')}`) },
      options,
    );
  }
  const org = await initOrganisation(store.db, 'Test Provider');
  const now: { value: Date | null } = { value: null };
  const app = await buildApp({ store, now: () => now.value ?? new Date() });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const port = (app.server.address() as { port: number }).port;
  return {
    store,
    app,
    url: `http://127.0.0.1:${port}`,
    organisationId: org.id,
    now,
    async close() {
      await app.close();
      await store.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function post<T = unknown>(
  url: string,
  path: string,
  body: unknown,
  token?: string,
): Promise<{ status: number; body: T; headers: Headers }> {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T, headers: res.headers };
}

export async function get<T = unknown>(url: string, path: string, token?: string) {
  const res = await fetch(`${url}${path}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: res.status, body: (await res.json()) as T };
}

export interface TestDevice {
  deviceId: string;
  token: string;
  epoch: string;
  adviserId: string;
  node: string;
  seq: number;
}

export async function newAdviser(c: Central, name = 'Ada Adviser'): Promise<string> {
  return (await addUser(c.store.db, { name })).id;
}

export async function enrol(c: Central, adviserId: string): Promise<TestDevice> {
  const { code } = await createEnrolmentCode(c.store.db, adviserId);
  const res = await post<EnrolResponse>(c.url, '/v1/enrol', { code, deviceKey: randomUUID() });
  if (res.status !== 200) throw new Error(`enrol failed ${res.status} ${JSON.stringify(res.body)}`);
  return {
    deviceId: res.body.deviceId,
    token: res.body.token,
    epoch: res.body.epoch,
    adviserId,
    node: randomBytes(8).toString('hex'),
    seq: 0,
  };
}

let hlcCounter = 0;
export function hlcFor(d: TestDevice, at = new Date()): string {
  hlcCounter = (hlcCounter + 1) % 0xffff;
  return `${at.toISOString()}-${hlcCounter.toString(16).padStart(4, '0')}-${d.node}`;
}

/** A participant row shaped like the device's (only the fields the tests read matter). */
export function participantData(
  id: string,
  given = 'Siân',
  family = 'Jones',
): Record<string, unknown> {
  return {
    id,
    referral_id: `R-${id.slice(-8)}`,
    given_name: given,
    family_name: family,
    town: 'Leeds',
    status: 'referred',
  };
}

/** Mutations with the device's next seq numbers. */
export function mutations(
  d: TestDevice,
  items: {
    entity: string;
    entityId: string;
    op?: Mutation['op'];
    data: Record<string, unknown> | null;
    baseVersion?: number;
    hlc?: string;
  }[],
): Mutation[] {
  return items.map((it) => ({
    seq: ++d.seq,
    id: uuidv7(),
    entity: it.entity,
    entityId: it.entityId,
    op: it.op ?? 'insert',
    hlc: it.hlc ?? hlcFor(d),
    data: it.data,
    baseVersion: it.baseVersion ?? 0,
  }));
}

export const newParticipantMutations = (d: TestDevice, n: number) =>
  mutations(
    d,
    Array.from({ length: n }, () => {
      const id = uuidv7();
      return { entity: 'participant', entityId: id, data: participantData(id) };
    }),
  );

export const pushBatch = (c: Central, d: TestDevice, ms: Mutation[], epoch = d.epoch) =>
  post<PushResponse & { code?: string; appliedThrough?: number }>(
    c.url,
    '/v1/sync/push',
    { deviceId: d.deviceId, epoch, schemaVersion: 1, mutations: ms },
    d.token,
  );

export const pullPage = (c: Central, d: TestDevice, cursor: number, limit = 500, epoch = d.epoch) =>
  post<PullResponse & { code?: string }>(
    c.url,
    '/v1/sync/pull',
    { deviceId: d.deviceId, epoch, cursor, limit },
    d.token,
  );

/** Pulls until up to date: returns every change in order and the final cursor. */
export async function pullAll(c: Central, d: TestDevice, from = 0) {
  const changes: PullResponse['changes'] = [];
  let cursor = from;
  for (;;) {
    const page = await pullPage(c, d, cursor);
    if (page.status !== 200)
      throw new Error(`pull failed ${page.status} ${JSON.stringify(page.body)}`);
    changes.push(...page.body.changes);
    cursor = page.body.cursor;
    if (!page.body.hasMore) return { changes, cursor };
  }
}
