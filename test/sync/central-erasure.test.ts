/**
 * Central erasure over real HTTP, on PGlite and on PostgreSQL (a private cluster): a manager
 * erases a participant on their laptop; the central service purges every record in one
 * transaction, keeps a hashed marker and an audit row, and the cover adviser's laptop erases the
 * participant on its next pull. A non-manager's erasure and one under a legal hold are refused
 * and change nothing. Canaries (a name, an NI number, an email) are searched for in every table.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { addUser } from '../../src-central/org/organisation';
import { ERASURE_TABLES, participantHash, vacuumsSettled } from '../../src-central/sync/erasure';
import { RetentionService } from '../../src-main/services/protection/retention';
import { SyncClient } from '../../src-main/sync/client';
import { NO_BACKOFF } from '../../src-main/sync/backoff';
import { ERASURE_ENTITY } from '../../src-shared/sync/erasure';
import { startPostgres, type PostgresCluster } from '../support/postgres-cluster';
import { personWithRecords, retentionCaseload, TODAY } from '../retention/fixture';
import {
  enrol,
  expectConverged,
  newDevice,
  startCentral,
  type Central,
  type Device,
} from './harness';

const NAME = 'Zebedeecanary';
const NI = 'ZX 98 76 54 A';
const CANARIES = [NAME.toLowerCase(), 'zx987654a', 'zx 98 76 54 a', 'zebedeecanary@example.com'];

const hasCanary = (text: string) => {
  const t = text.toLowerCase();
  return CANARIES.some((c) => t.includes(c));
};

/** Tables of the central store holding a canary anywhere in a row. */
async function centralTablesWithCanary(db: Kysely<unknown>): Promise<string[]> {
  const tables = (
    await sql<{ table_name: string }>`select table_name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(db)
  ).rows.map((r) => r.table_name);
  expect(tables).toContain('records');
  const found: string[] = [];
  for (const t of tables) {
    const rows = (
      await sql<{ row: string }>`select t::text as row from ${sql.table(t)} t`.execute(db)
    ).rows;
    if (rows.some((r) => hasCanary(r.row))) found.push(t);
  }
  return found;
}

/** Tables of a device caseload holding a canary anywhere in a row. */
async function deviceTablesWithCanary(d: Device): Promise<string[]> {
  const db = d.c.services.wp.db;
  const tables = (
    await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table'`.execute(db)
  ).rows.map((r) => r.name);
  const found: string[] = [];
  for (const t of tables) {
    const rows = (await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(t)}`.execute(db))
      .rows;
    if (rows.some((r) => hasCanary(JSON.stringify(r)))) found.push(t);
  }
  return found;
}

/**
 * Tables of the central store (PostgreSQL) whose data files, heap or TOAST, hold a canary's bytes
 * anywhere: live rows and old row versions alike. A checkpoint first writes every page out.
 */
async function dataFilesWithCanary(db: Kysely<unknown>): Promise<string[]> {
  await sql`checkpoint`.execute(db);
  const found: string[] = [];
  for (const t of ERASURE_TABLES) {
    const files = (
      await sql<{
        file: Buffer | null;
      }>`select pg_read_binary_file(pg_relation_filepath(c.oid)) as file
        from pg_class c where c.oid in (${t}::regclass,
          (select reltoastrelid from pg_class where oid = ${t}::regclass))`.execute(db)
    ).rows;
    expect(files.length).toBeGreaterThan(0);
    if (files.some((f) => f.file && hasCanary(f.file.toString('latin1')))) found.push(t);
  }
  return found;
}

const client = (d: Device) =>
  new SyncClient(d.c.services.wp, {
    backoff: NO_BACKOFF,
    sleep: async () => {},
    maxRetries: 6,
    timeoutMs: 5000,
  });

/** An erasure mutation written straight into a device's journal (not through the service). */
async function rawErasure(d: Device, participantId: string): Promise<void> {
  await d.c.services.wp.transaction(async (w) => {
    await w.journal(ERASURE_ENTITY, participantHash(participantId), 'insert', {
      action: 'delete',
    });
  });
}

async function participantRows(central: Central, pid: string) {
  return central.store.db
    .selectFrom('records')
    .select(['entity_type', 'entity_id', 'version', 'change_seq', 'data'])
    .where('participant_id', '=', pid)
    .orderBy('entity_type')
    .orderBy('entity_id')
    .execute();
}

function erasureSuite(backend: 'PGlite' | 'PostgreSQL') {
  describe(`central erasure on ${backend}`, () => {
    let cluster: PostgresCluster | undefined;
    let central: Central;
    beforeAll(async () => {
      if (backend === 'PostgreSQL') {
        cluster = await startPostgres();
        central = await startCentral({ database: await cluster.createDatabase('erasure_tests') });
        // So that what removes the old row versions in these tests is the service's own VACUUM,
        // not autovacuum arriving by chance.
        for (const t of ERASURE_TABLES)
          await sql`alter table ${sql.table(t)} set (autovacuum_enabled = false,
            toast.autovacuum_enabled = false)`.execute(central.store.db);
      } else central = await startCentral();
    }, 180_000);
    afterAll(async () => {
      await central?.close();
      await cluster?.stop();
    });

    it('purges the participant centrally and on the cover laptop; refuses a non-manager and a legal hold', async () => {
      const manager = (await addUser(central.store.db, { name: 'Mina Manager', role: 'manager' }))
        .id;
      const coverAdviser = await central.addAdviser('Cole Cover');
      const { c, clock } = await retentionCaseload();
      const mine: Device = {
        c,
        client: () => client(mine),
        addParticipant: null!,
        close: () => c.close(),
      };
      const cover = await newDevice();
      try {
        clock.set('2019-06-30T10:00:00Z');
        const gone = await personWithRecords(c, {
          givenName: NAME,
          referralId: 'JCP-1001',
          niNumber: NI,
          referralDate: '2019-01-07',
          exit: '2019-06-28',
          letter: false,
        });
        const kept = await personWithRecords(c, {
          givenName: 'Philomena',
          referralId: 'JCP-1002',
          niNumber: 'ZX 11 22 33 B',
          referralDate: '2019-01-07',
          exit: '2019-06-28',
          letter: false,
        });
        clock.set(`${TODAY}T10:00:00Z`);
        const retention = new RetentionService(c.services.wp, c.services.profiles);

        // The manager's laptop (used alone until now) is enrolled; a colleague covers Zebedee.
        const mgr = await enrol(central, mine, manager);
        await mgr.sync();
        await central.allocate(gone, coverAdviser, 'cover');
        const cov = await enrol(central, cover, coverAdviser);
        await cov.sync();
        expect(await deviceTablesWithCanary(cover)).toContain('participants');
        expect(await centralTablesWithCanary(central.store.db as never)).toContain('records');
        if (backend === 'PostgreSQL')
          expect(await dataFilesWithCanary(central.store.db as never)).toContain('records');
        const before = await participantRows(central, gone);
        expect(before.length).toBeGreaterThan(5);

        // A cover adviser's erasure is refused at the server and changes nothing.
        await rawErasure(cover, gone);
        expect(await cov.sync()).toMatchObject({ quarantined: 1 });
        const refused = await cover.c.services.wp.db
          .selectFrom('sync_quarantine')
          .select(['entity_type', 'code'])
          .execute();
        expect(refused).toEqual([{ entity_type: ERASURE_ENTITY, code: 'forbidden' }]);
        expect(await participantRows(central, gone)).toEqual(before);
        expect(await central.store.db.selectFrom('erasures').selectAll().execute()).toEqual([]);

        // A legal hold (placed on the manager's laptop, synced) blocks it on both ends.
        const hold = await retention.placeHold({ participantId: gone, reason: 'Tribunal claim' });
        await mgr.sync();
        await expect(retention.bulk('delete', [gone])).rejects.toThrow(/legal hold/);
        await rawErasure(mine, gone);
        await mgr.sync();
        const held = await c.services.wp.db
          .selectFrom('sync_quarantine')
          .select(['entity_type', 'code'])
          .execute();
        expect(held).toEqual([{ entity_type: ERASURE_ENTITY, code: 'legal_hold' }]);
        const withHold = await participantRows(central, gone);
        expect(withHold.map((r) => r.entity_type)).toContain('legal_hold');
        expect(withHold.filter((r) => r.entity_type !== 'legal_hold')).toEqual(before);
        await cov.sync();
        expect(
          await cover.c.services.wp.db.selectFrom('legal_holds').select('id').execute(),
        ).toEqual([{ id: hold.id }]);
        await retention.liftHold({ holdId: hold.id, reason: 'Claim settled' });
        await mgr.sync();

        // The manager erases: the central store keeps nothing of the person.
        expect(await retention.bulk('delete', [gone])).toEqual({ count: 1 });
        await mgr.sync();
        expect(await participantRows(central, gone)).toEqual([]);
        expect(await centralTablesWithCanary(central.store.db as never)).toEqual([]);
        // Nor do its data files, once the vacuum started after the commit has run.
        await vacuumsSettled(central.store.db);
        if (backend === 'PostgreSQL')
          expect(await dataFilesWithCanary(central.store.db as never)).toEqual([]);
        expect(await participantRows(central, kept)).not.toEqual([]);
        const marker = await central.store.db.selectFrom('erasures').selectAll().execute();
        expect(marker).toMatchObject([
          { participant_hash: participantHash(gone), action: 'delete', erased_by: manager },
        ]);
        const audit = await central.store.db
          .selectFrom('audit_log')
          .selectAll()
          .where('action', '=', 'participant.erase')
          .execute();
        expect(audit).toHaveLength(1);
        expect(audit[0]!.entity_id).toBe(participantHash(gone));
        expect(JSON.stringify(audit[0])).not.toContain(gone);
        expect(
          await central.store.db
            .selectFrom('allocations')
            .select('adviser_id')
            .where('participant_id', '=', gone)
            .execute(),
        ).toEqual([]);

        // The cover laptop forgets the person on its next pull, and stays in step.
        await cov.sync();
        expect(await deviceTablesWithCanary(cover)).toEqual([]);
        expect(
          await cover.c.services.wp.db
            .selectFrom('participants')
            .select('id')
            .where('id', '=', gone)
            .execute(),
        ).toEqual([]);
        await expectConverged(central, cover);
        expect(await deviceTablesWithCanary(mine)).toEqual([]);
        await mgr.sync();
        await expectConverged(central, mine);

        // A change about the erased person from a laptop that was offline is refused, not kept.
        await cover.c.services.wp.transaction(async (w) => {
          await w.journal('participant', gone, 'update', { id: gone, given_name: NAME });
        });
        await cov.sync();
        expect(await participantRows(central, gone)).toEqual([]);
        expect(await centralTablesWithCanary(central.store.db as never)).toEqual([]);
      } finally {
        await c.close();
        await cover.close();
      }
    }, 300_000);

    it('refuses up front an erasure by a manager the service knows only as an adviser, and the records never come back', async () => {
      // A manager on this laptop only: enrolled as a user the service knows as an adviser.
      const localManager = await central.addAdviser('Lorna Localmanager');
      const { c, clock } = await retentionCaseload();
      const mine: Device = {
        c,
        client: () => client(mine),
        addParticipant: null!,
        close: () => c.close(),
      };
      try {
        clock.set('2019-06-30T10:00:00Z');
        const pid = await personWithRecords(c, {
          givenName: NAME,
          referralId: 'JCP-3001',
          niNumber: NI,
          referralDate: '2019-01-07',
          exit: '2019-06-28',
          letter: false,
        });
        clock.set(`${TODAY}T10:00:00Z`);
        const retention = new RetentionService(c.services.wp, c.services.profiles);
        const sync = await enrol(central, mine, localManager);
        await sync.sync();
        const before = await participantRows(central, pid);
        expect(before.length).toBeGreaterThan(5);
        const journalBefore = await c.services.wp.db
          .selectFrom('change_journal')
          .select('id')
          .execute();

        // Refused with the reason, before anything is erased here or queued for the service.
        const reason = /does not know you as a manager.*Nothing was changed/;
        await expect(retention.bulk('delete', [pid])).rejects.toThrow(reason);
        await expect(retention.bulk('anonymise', [pid])).rejects.toThrow(reason);
        await expect(
          retention.eraseOnRequest({
            participantId: pid,
            ground: 'no-longer-necessary',
            requestedOn: TODAY,
          }),
        ).rejects.toThrow(reason);
        expect((await retention.forParticipant(pid)).erasure).toMatchObject({
          allowed: false,
          overridable: false,
          reasons: [expect.stringMatching(/does not know you as a manager/)],
        });
        expect(await deviceTablesWithCanary(mine)).toContain('participants');
        expect(await c.services.wp.db.selectFrom('change_journal').select('id').execute()).toEqual(
          journalBefore,
        );
        await sync.sync();
        expect(await participantRows(central, pid)).toEqual(before);
        expect(await c.services.wp.db.selectFrom('sync_quarantine').selectAll().execute()).toEqual(
          [],
        );

        // A caseload enrolled before the device kept the role has not checked it yet: refused
        // until a sync has asked the service.
        await c.services.wp.db.updateTable('sync_state').set({ server_role: null }).execute();
        await expect(retention.bulk('delete', [pid])).rejects.toThrow(
          /not yet checked that you are one there\. Sync this computer/,
        );
        await sync.sync();
        expect(
          (await c.services.wp.db.selectFrom('sync_state').select('server_role').execute())[0],
        ).toEqual({ server_role: 'adviser' });

        // Made a manager on the service: the next sync learns it, and the erasure goes through
        // on both ends and stays done.
        await central.store.db
          .updateTable('users')
          .set({ role: 'manager' })
          .where('id', '=', localManager)
          .execute();
        await sync.sync();
        expect(await retention.bulk('delete', [pid])).toEqual({ count: 1 });
        await sync.sync();
        expect(await participantRows(central, pid)).toEqual([]);
        await sync.sync();
        expect(await deviceTablesWithCanary(mine)).toEqual([]);
        await expectConverged(central, mine);
      } finally {
        await c.close();
      }
    }, 300_000);

    // Anonymising is the same SQL on both stores; purge (above) already runs on PostgreSQL too, so
    // this one runs once, on the embedded store, to keep the suite's PostgreSQL time down.
    it.runIf(backend === 'PGlite')(
      'anonymises centrally and every laptop in scope pulls the anonymised copies',
      async () => {
        const manager = (await addUser(central.store.db, { name: 'Ana Manager', role: 'manager' }))
          .id;
        const coverAdviser = await central.addAdviser('Colin Cover');
        const { c, clock } = await retentionCaseload();
        const mine: Device = {
          c,
          client: () => client(mine),
          addParticipant: null!,
          close: () => c.close(),
        };
        const cover = await newDevice();
        try {
          clock.set('2019-06-30T10:00:00Z');
          const pid = await personWithRecords(c, {
            givenName: NAME,
            referralId: 'JCP-2001',
            niNumber: NI,
            referralDate: '2019-01-07',
            exit: '2019-06-28',
            letter: false,
          });
          clock.set(`${TODAY}T10:00:00Z`);
          const mgr = await enrol(central, mine, manager);
          await mgr.sync();
          await central.allocate(pid, coverAdviser, 'cover');
          const cov = await enrol(central, cover, coverAdviser);
          await cov.sync();
          expect(await deviceTablesWithCanary(cover)).toContain('participants');

          const retention = new RetentionService(c.services.wp, c.services.profiles);
          expect(await retention.bulk('anonymise', [pid])).toEqual({ count: 1 });
          await mgr.sync();
          expect(await centralTablesWithCanary(central.store.db as never)).toEqual([]);
          const person = await central.store.db
            .selectFrom('records')
            .select('data')
            .where('entity_type', '=', 'participant')
            .where('entity_id', '=', pid)
            .executeTakeFirstOrThrow();
          expect(person.data).toMatchObject({ given_name: 'Anonymised', ni_number: '' });
          expect(
            await central.store.db
              .selectFrom('erasures')
              .select('action')
              .where('participant_hash', '=', participantHash(pid))
              .execute(),
          ).toEqual([{ action: 'anonymise' }]);

          await cov.sync();
          expect(await deviceTablesWithCanary(cover)).toEqual([]);
          const local = await cover.c.services.wp.db
            .selectFrom('participants')
            .select(['given_name', 'status'])
            .where('id', '=', pid)
            .executeTakeFirstOrThrow();
          expect(local).toEqual({ given_name: 'Anonymised', status: 'exited' });
          await expectConverged(central, cover);
          await mgr.sync();
          await expectConverged(central, mine);
          expect(await deviceTablesWithCanary(mine)).toEqual([]);
        } finally {
          await c.close();
          await cover.close();
        }
      },
      300_000,
    );
  });
}

erasureSuite('PGlite');
erasureSuite('PostgreSQL');
