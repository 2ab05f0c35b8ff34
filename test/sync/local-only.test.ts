/**
 * Complaints, "you told us, we did" and survey records never enter the sync outbox: the central
 * service has no home for them (pushing them only filled the quarantine) and an anonymous survey
 * answer must not travel. A caseload that queued some before migration 0016 has them taken out
 * and the rest renumbered, consecutive, in order, since the server expects consecutive positions.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Migration } from 'kysely/migration';
import { openDatabase } from '../../src-main/db/open';
import { migrations } from '../../src-main/db/migrations';
import { startServices } from '../../src-main/app/session';
import { referralSchema } from '../../src-shared/schemas/participant';
import { ENTITY_TYPES, LOCAL_ONLY_ENTITIES } from '../../src-shared/sync/protocol';
import { pendingCount, readBatch } from '../../src-main/sync/outbox';
import { referral } from '../support/referrals';
import { tempDir } from '../support/temp-caseload';

const upTo = (last: string): Record<string, Migration> =>
  Object.fromEntries(Object.entries(migrations).filter(([name]) => name <= last));

const ROOT = resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory()
      ? sourceFiles(join(dir, d.name))
      : d.name.endsWith('.ts')
        ? [join(dir, d.name)]
        : [],
  );
}

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  cleanup = undefined;
});

describe('records that stay on the device', () => {
  it('every journal entity type the app writes is either synced or named local-only', () => {
    const written = new Set<string>();
    for (const f of sourceFiles(join(ROOT, 'src-main')))
      for (const m of readFileSync(f, 'utf8').matchAll(/entityType: '([a-z_-]+)'/g))
        written.add(m[1]!);
    expect(written.size).toBeGreaterThan(10);
    const known = new Set<string>([...ENTITY_TYPES, ...LOCAL_ONLY_ENTITIES]);
    expect([...written].filter((t) => !known.has(t))).toEqual([]);
    expect(
      LOCAL_ONLY_ENTITIES.filter((t) => (ENTITY_TYPES as readonly string[]).includes(t)),
    ).toEqual([]);
  });

  it('the outbox trigger names exactly the local-only types', () => {
    const text = readFileSync(
      join(ROOT, 'src-main/db/migrations/0016-keep-local-records.ts'),
      'utf8',
    );
    const list = /const LOCAL_ONLY = sql`\(([^)]*)\)`/.exec(text)?.[1];
    expect(list).toBeDefined();
    const named = list!.split(',').map((s) => s.trim().replace(/'/g, ''));
    expect(named.sort()).toEqual([...LOCAL_ONLY_ENTITIES].sort());
  });

  it('takes queued local records out of the outbox on upgrade and queues none afterwards', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const file = join(t.dir, 'caseload.waymark');
    const key = randomBytes(32);
    const old = await openDatabase({ file, key, migrations: upTo('0015-create-surveys') });
    await old.db
      .insertInto('advisers')
      .values({ id: 'a1', name: 'Ada', role: 'manager', created_at: '2026-01-01' })
      .execute();
    await old.db
      .insertInto('meta')
      .values([
        { key: 'adviser_id', value: 'a1' },
        { key: 'hlc_node', value: '0123456789abcdef' },
      ])
      .execute();
    const before = await startServices(old, () => new Date());
    const journalLocal = (type: string, id: string) =>
      before.services.wp.transaction((w) => w.journal(type, id, 'insert', { id }));
    await before.services.participants.create(referralSchema.parse(referral()));
    await journalLocal('complaint', 'c1');
    await before.services.participants.create(
      referralSchema.parse(referral({ referralId: 'JCP-0002', niNumber: 'AB 12 34 57 C' })),
    );
    await journalLocal('survey_response', 's1');
    const queuedBefore = await readBatch(old.db, 1, 100);
    expect(queuedBefore.map((e) => e.entity)).toContain('complaint');
    const syncedIds = queuedBefore
      .filter((e) => !(LOCAL_ONLY_ENTITIES as readonly string[]).includes(e.entity))
      .map((e) => e.journalId);
    await old.close();

    const now = await openDatabase({ file, key });
    try {
      const queued = await readBatch(now.db, 1, 100);
      expect(queued.map((e) => e.journalId)).toEqual(syncedIds);
      expect(queued.map((e) => e.seq)).toEqual(syncedIds.map((_, i) => i + 1));
      const state = await now.db
        .selectFrom('sync_state')
        .select('last_seq')
        .executeTakeFirstOrThrow();
      expect(state.last_seq).toBe(syncedIds.length);

      const after = await startServices(now, () => new Date());
      await after.services.wp.transaction((w) =>
        w.journal('you_told_us', 'y1', 'insert', { id: 'y1' }),
      );
      expect(await pendingCount(now.db)).toBe(syncedIds.length);
      await after.services.participants.create(
        referralSchema.parse(referral({ referralId: 'JCP-0009', niNumber: 'AB 12 34 59 C' })),
      );
      const all = await readBatch(now.db, 1, 100);
      expect(all.map((e) => e.seq)).toEqual(all.map((_, i) => i + 1));
      expect(all.some((e) => (LOCAL_ONLY_ENTITIES as readonly string[]).includes(e.entity))).toBe(
        false,
      );
    } finally {
      await now.close();
    }
  });
});
