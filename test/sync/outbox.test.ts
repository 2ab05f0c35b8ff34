/**
 * The outbox over the change journal, locally: every journal entry gets a gapless seq in the same
 * transaction, a rolled-back write leaves no seq behind, and a caseload used before sync existed
 * is adopted with its whole history queued in the order it was written.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Migration } from 'kysely/migration';
import { openDatabase } from '../../src-main/db/open';
import { migrations } from '../../src-main/db/migrations';
import { startServices } from '../../src-main/app/session';
import { referralSchema } from '../../src-shared/schemas/participant';
import { pendingCount, readBatch } from '../../src-main/sync/outbox';
import { syncSummary, scopeCounts } from '../../src-main/sync/status';
import { referral } from '../support/referrals';
import { tempCaseload, tempDir, type TempCaseload } from '../support/temp-caseload';

const upTo = (last: string): Record<string, Migration> =>
  Object.fromEntries(Object.entries(migrations).filter(([name]) => name <= last));

let c: TempCaseload | undefined;
let cleanup: (() => void) | undefined;
afterEach(async () => {
  await c?.close();
  c = undefined;
  cleanup?.();
  cleanup = undefined;
});

describe('the outbox', () => {
  it('queues every journal entry with the next seq, in the write transaction', async () => {
    c = await tempCaseload();
    const { participants } = c.services;
    const { id } = await participants.create(referralSchema.parse(referral()));
    await participants.create(referralSchema.parse(referral({ referralId: 'JCP-0002' })));
    const journal = await c.services.wp.db
      .selectFrom('change_journal')
      .select(['id', 'entity_type', 'entity_id'])
      .orderBy('hlc')
      .execute();
    const batch = await readBatch(c.services.wp.db, 1, 100);
    expect(batch.map((e) => e.seq)).toEqual(journal.map((_, i) => i + 1));
    expect(batch.map((e) => e.journalId)).toEqual(journal.map((j) => j.id));
    expect(batch[0]).toMatchObject({ entity: 'participant', entityId: id, baseVersion: null });

    // A write that fails part-way rolls its journal entry and its seq back together.
    await expect(
      c.services.wp.transaction(async (w) => {
        await w.journal('participant', id, 'update', { id });
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    await participants.setStatus({ id, status: 'allocated', date: '2026-11-03' });
    const after = await readBatch(c.services.wp.db, 1, 100);
    expect(after.map((e) => e.seq)).toEqual(after.map((_, i) => i + 1));
    expect(await pendingCount(c.services.wp.db)).toBe(after.length);
    const summary = await syncSummary(c.services.wp.db);
    expect(summary).toMatchObject({ enrolled: false, pending: after.length, conflicts: 0 });
    expect(summary.pendingSince).not.toBeNull();
    expect(await scopeCounts(c.services.wp.db)).toEqual({ participant: 2, participant_event: 3 });
  });

  it('adopts a caseload written before sync existed: its whole journal queued in created order', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const file = join(t.dir, 'old caseload.waymark');
    const key = randomBytes(32);
    const old = await openDatabase({ file, key, migrations: upTo('0008-create-profiles') });
    await old.db
      .insertInto('advisers')
      .values({ id: 'a1', name: 'Ada', role: 'adviser', created_at: '2026-01-01' })
      .execute();
    await old.db
      .insertInto('meta')
      .values([
        { key: 'adviser_id', value: 'a1' },
        { key: 'hlc_node', value: '0123456789abcdef' },
      ])
      .execute();
    const before = await startServices(old, () => new Date());
    for (let i = 1; i <= 3; i++)
      await before.services.participants.create(
        referralSchema.parse(referral({ referralId: `JCP-000${i}` })),
      );
    const oldJournal = await old.db
      .selectFrom('change_journal')
      .select('id')
      .orderBy('created_at')
      .orderBy('hlc')
      .execute();
    await old.close();

    const now = await openDatabase({ file, key });
    try {
      const queued = await readBatch(now.db, 1, 100);
      expect(queued.map((e) => e.journalId)).toEqual(oldJournal.map((j) => j.id));
      expect(queued.map((e) => e.seq)).toEqual(oldJournal.map((_, i) => i + 1));
      const after = await startServices(now, () => new Date());
      await after.services.participants.create(
        referralSchema.parse(referral({ referralId: 'JCP-0009' })),
      );
      const all = await readBatch(now.db, 1, 100);
      expect(all.map((e) => e.seq)).toEqual(all.map((_, i) => i + 1));
      expect(all.length).toBe(oldJournal.length + 2);
    } finally {
      await now.close();
    }
  });
});
