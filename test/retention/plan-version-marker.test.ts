/**
 * Migration 0017 lets lawful erasure remove agreed plan versions, and nothing else: an ordinary
 * UPDATE or DELETE is still refused; only inside a transaction that set the erasure marker does
 * a DELETE go through, and the marker never outlives it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { PLAN, startedParticipant } from '../db/plan-fixture';
import type { TempCaseload } from '../support/temp-caseload';

let c: TempCaseload;
afterEach(() => c.close());

describe('agreed plan versions under the erasure marker', () => {
  it('still refuses an ordinary change or removal, and allows it only with the marker set', async () => {
    const s = await startedParticipant();
    c = s.c;
    await c.services.plans.saveDraft(s.id, PLAN, null);
    const v1 = await c.services.plans.agree(s.id, 1, {
      agreedOn: '2026-11-24',
      method: 'in-person',
      participantAgreed: true,
    });
    const db = c.services.wp.db;
    await expect(
      sql`UPDATE plan_versions SET content = '{}' WHERE id = ${v1.id}`.execute(db),
    ).rejects.toThrow(/cannot be changed/);
    await expect(sql`DELETE FROM plan_versions WHERE id = ${v1.id}`.execute(db)).rejects.toThrow(
      /cannot be removed/,
    );

    // A transaction that sets the marker and then fails leaves the version and no marker.
    await expect(
      db.transaction().execute(async (trx) => {
        await sql`INSERT INTO erasure_in_progress (id, started_at) VALUES (1, 'now')`.execute(trx);
        await sql`DELETE FROM plan_versions WHERE id = ${v1.id}`.execute(trx);
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    expect(await db.selectFrom('plan_versions').select('id').execute()).toHaveLength(1);
    expect(await db.selectFrom('erasure_in_progress').selectAll().execute()).toEqual([]);

    // Only one marker row can exist.
    await expect(
      sql`INSERT INTO erasure_in_progress (id, started_at) VALUES (2, 'now')`.execute(db),
    ).rejects.toThrow();

    await db.transaction().execute(async (trx) => {
      await sql`INSERT INTO erasure_in_progress (id, started_at) VALUES (1, 'now')`.execute(trx);
      await sql`DELETE FROM plan_versions WHERE id = ${v1.id}`.execute(trx);
      await sql`DELETE FROM erasure_in_progress`.execute(trx);
    });
    expect(await db.selectFrom('plan_versions').select('id').execute()).toHaveLength(0);
  });
});
