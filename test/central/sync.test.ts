/**
 * The sync endpoints against a real store over real HTTP, on PGlite and on a private PostgreSQL
 * cluster: enrolment, authorisation, push idempotency, seq gaps, clock skew, epochs, conflicts,
 * scope and reallocation.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { EnrolResponse, StateResponse } from '@shared/sync/protocol';
import { createEnrolmentCode, revokeDevice } from '../../src-central/org/devices';
import { allocate, resetEpoch } from '../../src-central/org/organisation';
import {
  enrol,
  get,
  hlcFor,
  mutations,
  newAdviser,
  newParticipantMutations,
  participantData,
  post,
  pullAll,
  pullPage,
  pushBatch,
  startCentral,
  stopCluster,
  type Central,
  type StoreKind,
} from './harness';

describe.each<StoreKind>(['pglite', 'postgres'])('sync on %s', (kind) => {
  let c: Central;
  beforeAll(async () => {
    c = await startCentral(kind);
  }, 180_000);
  afterAll(async () => {
    await c?.close();
    await stopCluster();
  });

  describe('enrolment', () => {
    it('gives the same device again to a retry with the same code and key, with a new token', async () => {
      const adviser = await newAdviser(c);
      const { code } = await createEnrolmentCode(c.store.db, adviser);
      const deviceKey = randomUUID();
      const first = await post<EnrolResponse>(c.url, '/v1/enrol', { code, deviceKey });
      const retry = await post<EnrolResponse>(c.url, '/v1/enrol', {
        code: code.toLowerCase(),
        deviceKey,
      });
      expect(first.status).toBe(200);
      expect(retry.status).toBe(200);
      expect(retry.body.deviceId).toBe(first.body.deviceId);
      expect(retry.body.token).not.toBe(first.body.token);
      expect(retry.body.adviser.id).toBe(adviser);
      // The first token was replaced: only the latest works.
      expect((await get(c.url, '/v1/sync/state', first.body.token)).status).toBe(401);
      expect((await get(c.url, '/v1/sync/state', retry.body.token)).status).toBe(200);
    });

    it('refuses a code used by another device, an unknown code and an expired code', async () => {
      const adviser = await newAdviser(c);
      const { code } = await createEnrolmentCode(c.store.db, adviser);
      expect((await post(c.url, '/v1/enrol', { code, deviceKey: randomUUID() })).status).toBe(200);
      const reused = await post<{ code: string }>(c.url, '/v1/enrol', {
        code,
        deviceKey: randomUUID(),
      });
      expect([reused.status, reused.body.code]).toEqual([410, 'code_used']);
      const unknown = await post<{ code: string }>(c.url, '/v1/enrol', {
        code: 'AAAAA-BBBBB-CCCCC',
        deviceKey: randomUUID(),
      });
      expect([unknown.status, unknown.body.code]).toEqual([400, 'code_unknown']);
      const old = await createEnrolmentCode(
        c.store.db,
        adviser,
        new Date(Date.now() - 24 * 3600_000 - 1000),
      );
      const expired = await post<{ code: string }>(c.url, '/v1/enrol', {
        code: old.code,
        deviceKey: randomUUID(),
      });
      expect([expired.status, expired.body.code]).toEqual([410, 'code_expired']);
      // A code one minute short of its 24 hours still enrols.
      const edge = await createEnrolmentCode(
        c.store.db,
        adviser,
        new Date(Date.now() - 24 * 3600_000 + 60_000),
      );
      expect(
        (await post(c.url, '/v1/enrol', { code: edge.code, deviceKey: randomUUID() })).status,
      ).toBe(200);
    });

    it('rejects a malformed request with a field and changes nothing', async () => {
      const res = await post<{ code: string; field?: string }>(c.url, '/v1/enrol', {
        code: 'ABCDE',
        deviceKey: 'short',
      });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'invalid_request', field: 'deviceKey' });
    });
  });

  describe('authorisation', () => {
    it('answers a wrong token 401 and a revoked device 403 device_revoked on every endpoint', async () => {
      const d = await enrol(c, await newAdviser(c));
      const body = { deviceId: d.deviceId, epoch: d.epoch, schemaVersion: 1, mutations: [] };
      expect((await post(c.url, '/v1/sync/push', body, 'x'.repeat(43))).status).toBe(401);
      expect((await post(c.url, '/v1/sync/push', body)).status).toBe(401);
      await revokeDevice(c.store.db, d.deviceId);
      for (const res of [
        await post<{ code: string }>(c.url, '/v1/sync/push', body, d.token),
        await post<{ code: string }>(
          c.url,
          '/v1/sync/pull',
          { deviceId: d.deviceId, epoch: d.epoch, cursor: 0 },
          d.token,
        ),
        await get<{ code: string }>(c.url, '/v1/sync/state', d.token),
      ]) {
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('device_revoked');
      }
    });

    it('never trusts a deviceId in the body over the token', async () => {
      const a = await enrol(c, await newAdviser(c));
      const b = await enrol(c, await newAdviser(c));
      const res = await post<{ code: string }>(
        c.url,
        '/v1/sync/push',
        {
          deviceId: b.deviceId,
          epoch: a.epoch,
          schemaVersion: 1,
          mutations: newParticipantMutations(a, 1),
        },
        a.token,
      );
      expect(res.status).toBe(400);
      expect((await get<StateResponse>(c.url, '/v1/sync/state', b.token)).body.appliedThrough).toBe(
        0,
      );
    });
  });

  describe('push', () => {
    it('applies a batch once: the same batch again returns the stored results and changes nothing', async () => {
      const d = await enrol(c, await newAdviser(c));
      const batch = newParticipantMutations(d, 5);
      const first = await pushBatch(c, d, batch);
      expect(first.status).toBe(200);
      expect(first.body.results.map((r) => r.status)).toEqual(Array(5).fill('applied'));
      expect(first.body.appliedThrough).toBe(5);
      const again = await pushBatch(c, d, batch);
      expect(again.body.results).toEqual(first.body.results);
      const state = await get<StateResponse>(c.url, '/v1/sync/state', d.token);
      expect(state.body.counts.participant).toBe(5);
      expect(state.body.appliedThrough).toBe(5);
    });

    it('applies one push sent ten times at once exactly once', async () => {
      const d = await enrol(c, await newAdviser(c));
      const batch = newParticipantMutations(d, 20);
      const all = await Promise.all(Array.from({ length: 10 }, () => pushBatch(c, d, batch)));
      for (const res of all) {
        expect(res.status).toBe(200);
        expect(res.body.appliedThrough).toBe(20);
        expect(res.body.results).toEqual(all[0]!.body.results);
      }
      const ledger = await c.store.db
        .selectFrom('mutation_ledger')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('device_id', '=', d.deviceId)
        .executeTakeFirstOrThrow();
      expect(ledger.n).toBe(20);
      const { changes } = await pullAll(c, d);
      expect(changes.filter((ch) => ch.entity === 'participant')).toHaveLength(20);
    });

    it('refuses a seq gap with 409 and where to resume, applying nothing', async () => {
      const d = await enrol(c, await newAdviser(c));
      await pushBatch(c, d, newParticipantMutations(d, 3));
      d.seq += 2; // seq 4 and 5 "lost"
      const res = await pushBatch(c, d, newParticipantMutations(d, 2));
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'seq_gap', appliedThrough: 3 });
      expect(
        (await get<StateResponse>(c.url, '/v1/sync/state', d.token)).body.counts.participant,
      ).toBe(3);
    });

    it('refuses a batch whose clock is over five minutes ahead, and accepts one just inside', async () => {
      const d = await enrol(c, await newAdviser(c));
      const ahead = new Date(Date.now() + 6 * 60_000);
      const id = uuidv7();
      const res = await pushBatch(
        c,
        d,
        mutations(d, [
          { entity: 'participant', entityId: id, data: participantData(id), hlc: hlcFor(d, ahead) },
        ]),
      );
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('clock_skew');
      d.seq -= 1;
      const ok = await pushBatch(
        c,
        d,
        mutations(d, [
          {
            entity: 'participant',
            entityId: id,
            data: participantData(id),
            hlc: hlcFor(d, new Date(Date.now() + 4 * 60_000)),
          },
        ]),
      );
      expect(ok.status).toBe(200);
    });

    it('answers a changed epoch with 409 on push and 410 resync on pull', async () => {
      const local = await startCentral(kind);
      try {
        const d = await enrol(local, await newAdviser(local));
        await pushBatch(local, d, newParticipantMutations(d, 2));
        const { epoch } = await resetEpoch(local.store.db);
        const res = await pushBatch(local, d, newParticipantMutations(d, 1));
        expect(res.status).toBe(409);
        expect(res.body).toMatchObject({ code: 'epoch_changed', epoch, appliedThrough: 2 });
        const pull = await pullPage(local, d, 0);
        expect([pull.status, pull.body.code]).toEqual([410, 'resync']);
        expect((await pushBatch(local, d, [], epoch)).status).toBe(200);
      } finally {
        await local.close();
      }
    });

    it('quarantines what it can never accept as results, and carries on behind them', async () => {
      const a = await enrol(c, await newAdviser(c));
      const b = await enrol(c, await newAdviser(c));
      const [mine] = newParticipantMutations(a, 1);
      await pushBatch(c, a, [mine!]);
      const res = await pushBatch(
        c,
        b,
        mutations(b, [
          {
            entity: 'meeting_record',
            entityId: uuidv7(),
            data: { participant_id: mine!.entityId, notes: 'x' },
          },
          { entity: 'no_such_thing', entityId: uuidv7(), data: {} },
          { entity: 'participant', entityId: mine!.entityId, op: 'update', data: { town: 'York' } },
          { entity: 'contact_attempt', entityId: uuidv7(), data: {} },
          { entity: 'office', entityId: uuidv7(), data: { name: 'Hub' } },
        ]),
      );
      expect(res.body.results.map((r) => [r.status, r.code])).toEqual([
        ['rejected', 'out_of_scope'],
        ['rejected', 'unknown_entity'],
        ['rejected', 'out_of_scope'],
        ['rejected', 'invalid'],
        ['applied', undefined],
      ]);
      expect(res.body.appliedThrough).toBe(5);
      const row = await c.store.db
        .selectFrom('records')
        .select('data')
        .where('entity_id', '=', mine!.entityId)
        .executeTakeFirstOrThrow();
      expect(row.data.town).toBe('Leeds');
    });
  });

  describe('conflicts', () => {
    it('merges append-only records by id, and identity edits by compare-and-set', async () => {
      const owner = await newAdviser(c);
      const a = await enrol(c, owner);
      const cover = await newAdviser(c);
      const b = await enrol(c, cover);
      const [p] = newParticipantMutations(a, 1);
      await pushBatch(c, a, [p!]);
      await allocate(c.store.db, { participantId: p!.entityId, adviserId: cover, role: 'cover' });
      const meeting = uuidv7();
      const m1 = await pushBatch(
        c,
        a,
        mutations(a, [
          {
            entity: 'meeting_record',
            entityId: meeting,
            data: { participant_id: p!.entityId, notes: 'first' },
          },
        ]),
      );
      const m2 = await pushBatch(
        c,
        b,
        mutations(b, [
          {
            entity: 'meeting_record',
            entityId: meeting,
            data: { participant_id: p!.entityId, notes: 'again' },
          },
        ]),
      );
      expect(m1.body.results[0]!.status).toBe('applied');
      expect(m2.body.results[0]!.status).toBe('duplicate');
      // Both saw version 1. The owner renames first; the cover's rename of the same field is a
      // conflict carrying the server's value, while its other field (town) still applies.
      const r1 = await pushBatch(
        c,
        a,
        mutations(a, [
          {
            entity: 'participant',
            entityId: p!.entityId,
            op: 'update',
            data: { family_name: 'Evans' },
            baseVersion: 1,
          },
        ]),
      );
      expect(r1.body.results[0]).toMatchObject({ status: 'applied', version: 2 });
      const r2 = await pushBatch(
        c,
        b,
        mutations(b, [
          {
            entity: 'participant',
            entityId: p!.entityId,
            op: 'update',
            data: { family_name: 'Morgan', town: 'Hull' },
            baseVersion: 1,
          },
        ]),
      );
      expect(r2.body.results[0]).toMatchObject({
        status: 'conflict',
        current: { family_name: 'Evans' },
        version: 3,
      });
      // The owner's own second edit on the same stale base is not a conflict with itself.
      const r3 = await pushBatch(
        c,
        a,
        mutations(a, [
          {
            entity: 'participant',
            entityId: p!.entityId,
            op: 'update',
            data: { family_name: 'Evans-Morgan' },
            baseVersion: 1,
          },
        ]),
      );
      expect(r3.body.results[0]!.status).toBe('applied');
      const row = await c.store.db
        .selectFrom('records')
        .select('data')
        .where('entity_id', '=', p!.entityId)
        .executeTakeFirstOrThrow();
      expect(row.data).toMatchObject({ family_name: 'Evans-Morgan', town: 'Hull' });
      const logged = await c.store.db
        .selectFrom('conflict_log')
        .select(['field', 'lost_value'])
        .where('entity_id', '=', p!.entityId)
        .execute();
      expect(logged).toEqual([{ field: 'family_name', lost_value: 'Morgan' }]);
    });

    it('keeps the later HLC for other fields and reports the losing value', async () => {
      const a = await enrol(c, await newAdviser(c));
      const [p] = newParticipantMutations(a, 1);
      await pushBatch(c, a, [p!]);
      const later = hlcFor(a, new Date(Date.now() + 1000));
      const earlier = hlcFor(a, new Date(Date.now() - 60_000));
      await pushBatch(
        c,
        a,
        mutations(a, [
          {
            entity: 'participant',
            entityId: p!.entityId,
            op: 'update',
            data: { status: 'started' },
            hlc: later,
          },
        ]),
      );
      const res = await pushBatch(
        c,
        a,
        mutations(a, [
          {
            entity: 'participant',
            entityId: p!.entityId,
            op: 'update',
            data: { status: 'exited' },
            hlc: earlier,
          },
        ]),
      );
      expect(res.body.results[0]).toMatchObject({
        status: 'applied',
        lost: [{ field: 'status', value: 'exited', winnerHlc: later }],
      });
    });
  });

  describe('pull and scope', () => {
    it('moves a reallocated participant: remove for the old adviser, put for the new', async () => {
      const oldAdviser = await newAdviser(c);
      const newOne = await newAdviser(c);
      const a = await enrol(c, oldAdviser);
      const b = await enrol(c, newOne);
      const [p] = newParticipantMutations(a, 1);
      const note = uuidv7();
      await pushBatch(c, a, [
        p!,
        ...mutations(a, [
          { entity: 'meeting_record', entityId: note, data: { participant_id: p!.entityId } },
        ]),
      ]);
      const aBefore = await pullAll(c, a);
      const bBefore = await pullAll(c, b);
      // Reference data (offices written by other tests) is everyone's; look at this caseload only.
      expect(
        aBefore.changes
          .filter((ch) => ch.op === 'put' && ch.entity !== 'office')
          .map((ch) => ch.id)
          .sort(),
      ).toEqual([p!.entityId, note].sort());
      expect(bBefore.changes.filter((ch) => ch.id === p!.entityId)).toEqual([]);
      await allocate(c.store.db, { participantId: p!.entityId, adviserId: newOne, role: 'owner' });
      const aAfter = await pullAll(c, a, aBefore.cursor);
      const bAfter = await pullAll(c, b, bBefore.cursor);
      expect(aAfter.changes.map((ch) => [ch.op, ch.id]).sort()).toEqual(
        [
          ['remove', note],
          ['remove', p!.entityId],
        ].sort(),
      );
      expect(bAfter.changes.map((ch) => [ch.op, ch.id]).sort()).toEqual(
        [
          ['put', note],
          ['put', p!.entityId],
        ].sort(),
      );
      // And the old adviser's device can no longer write to it.
      const res = await pushBatch(
        c,
        a,
        mutations(a, [
          { entity: 'participant', entityId: p!.entityId, op: 'update', data: { town: 'Leeds 2' } },
        ]),
      );
      expect(res.body.results[0]).toMatchObject({ status: 'rejected', code: 'out_of_scope' });
      const stateA = await get<StateResponse>(c.url, '/v1/sync/state', a.token);
      expect(stateA.body.counts.participant ?? 0).toBe(0);
    });

    it('gives a cover adviser the participant while the cover lasts, and the owner keeps it', async () => {
      const owner = await newAdviser(c);
      const cover = await newAdviser(c);
      const a = await enrol(c, owner);
      const b = await enrol(c, cover);
      const [p] = newParticipantMutations(a, 1);
      await pushBatch(c, a, [p!]);
      const aStart = await pullAll(c, a);
      const bStart = await pullAll(c, b);
      await allocate(c.store.db, { participantId: p!.entityId, adviserId: cover, role: 'cover' });
      const bCovered = await pullAll(c, b, bStart.cursor);
      expect(bCovered.changes.map((ch) => [ch.op, ch.id])).toEqual([['put', p!.entityId]]);
      // The cover adviser may write to it now.
      const write = await pushBatch(
        c,
        b,
        mutations(b, [
          {
            entity: 'contact_attempt',
            entityId: uuidv7(),
            data: { participant_id: p!.entityId, outcome: 'no answer' },
          },
        ]),
      );
      expect(write.body.results[0]!.status).toBe('applied');
      await allocate(c.store.db, {
        participantId: p!.entityId,
        adviserId: cover,
        role: 'cover',
        end: true,
      });
      const bEnded = await pullAll(c, b, bCovered.cursor);
      expect(bEnded.changes.filter((ch) => ch.op === 'remove')).toHaveLength(2);
      expect(bEnded.changes.filter((ch) => ch.op === 'put')).toEqual([]);
      // The owner never lost it: re-sent as put, never removed.
      const aAfter = await pullAll(c, a, aStart.cursor);
      expect(aAfter.changes.filter((ch) => ch.op === 'remove')).toEqual([]);
      expect(
        (await get<StateResponse>(c.url, '/v1/sync/state', a.token)).body.counts.contact_attempt,
      ).toBe(1);
      expect(
        (await get<StateResponse>(c.url, '/v1/sync/state', b.token)).body.counts.contact_attempt ??
          0,
      ).toBe(0);
    });

    it('pages in cursor order and reports the same counts and hash as the records it sent', async () => {
      const a = await enrol(c, await newAdviser(c));
      await pushBatch(c, a, newParticipantMutations(a, 30));
      const seen = new Map<string, number>();
      let cursor = 0;
      let last = 0;
      for (;;) {
        const page = await pullPage(c, a, cursor, 7);
        for (const ch of page.body.changes) {
          expect(ch.cursor).toBeGreaterThan(last);
          last = ch.cursor;
          if (ch.op === 'put') seen.set(`${ch.entity}:${ch.id}`, ch.version);
        }
        cursor = page.body.cursor;
        if (!page.body.hasMore) break;
      }
      const state = await get<StateResponse>(c.url, '/v1/sync/state', a.token);
      const participants = [...seen.keys()].filter((k) => k.startsWith('participant:'));
      expect(state.body.counts.participant).toBe(participants.length);
      expect(participants.length).toBe(30);
      const { scopeHashOf } = await import('@shared/sync/protocol');
      const { createHash } = await import('node:crypto');
      const hash = scopeHashOf(
        [...seen].map(([k, version]) => ({
          entity: k.split(':')[0]!,
          id: k.slice(k.indexOf(':') + 1),
          version,
        })),
        (s) => createHash('sha256').update(s).digest('hex'),
      );
      expect(state.body.scopeHash).toBe(hash);
    });
  });
});
