/**
 * A read's audit entry (WritePath.readAudit) commits without waiting for the disk: it must still
 * be in the hash chain, leave every other commit durable (synchronous FULL), and leave the audit
 * anchor file naming a durable head, so a power cut that lost the newest read entries could
 * never look like a log cut short.
 */
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { caseloadQuerySchema } from '../../src-shared/ipc/channels/caseload';
import { anchorFileFor } from '../../src-main/write-path/audit-anchor';
import {
  AUDIT_VERIFY_FAILED,
  verifyAuditLog,
} from '../../src-main/services/protection/audit-verify';
import { PASSPHRASE, tempCaseload, type TempCaseload } from '../support/temp-caseload';

let c: TempCaseload;
afterEach(async () => c?.close());

const synchronous = async () =>
  (await sql<{ synchronous: number }>`PRAGMA synchronous`.execute(c.services.wp.db)).rows[0]!
    .synchronous;
const lastSeq = async () =>
  (
    await c.services.wp.db
      .selectFrom('audit_log')
      .select('seq')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow()
  ).seq;
const anchoredSeq = () =>
  (JSON.parse(readFileSync(anchorFileFor(c.paths.database), 'utf8')) as { seq: number }).seq;

describe('read audit entries', () => {
  it('are chained like any other entry and leave later commits durable', async () => {
    c = await tempCaseload();
    const FULL = 2;
    expect(await synchronous()).toBe(FULL);
    const s = c.services;
    await s.participants.browse(caseloadQuerySchema.parse({}), s.obligations);
    const row = await s.wp.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(row.action).toBe('caseload.list');
    expect(JSON.parse(row.detail)).toMatchObject({ rows: 0, total: 0 });
    // Put back: the next change to the caseload waits for the disk again.
    expect(await synchronous()).toBe(FULL);
    expect(await verifyAuditLog(s.wp.db)).toMatchObject({ ok: true, brokenAt: null });
  });

  it('are anchored only with the next durable commit, and a lagging anchor opens cleanly', async () => {
    c = await tempCaseload();
    const s = c.services;
    await s.wp.transaction((w) => w.audit('test.durable', 'test', null));
    const durable = await lastSeq();
    expect(anchoredSeq()).toBe(durable);

    await s.wp.readAudit('caseload.list', 'caseload', null, { rows: 0 });
    await s.wp.readAudit('caseload.list', 'caseload', null, { rows: 0 });
    expect(await lastSeq()).toBe(durable + 2);
    expect(anchoredSeq()).toBe(durable);

    // Closed with the anchor behind the log: opening again finds nothing wrong.
    await c.session.lock('adviser');
    await c.session.unlock(PASSPHRASE);
    const again = c.session.require().services;
    const failed = await again.wp.db
      .selectFrom('audit_log')
      .select('seq')
      .where('action', '=', AUDIT_VERIFY_FAILED)
      .execute();
    expect(failed).toEqual([]);

    // The next durable commit anchors everything up to it, the read entries included.
    await again.wp.transaction((w) => w.audit('test.durable', 'test', null));
    const head = (
      await again.wp.db
        .selectFrom('audit_log')
        .select('seq')
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow()
    ).seq;
    expect(head).toBeGreaterThan(durable + 2);
    expect(anchoredSeq()).toBe(head);
    expect(await verifyAuditLog(again.wp.db)).toMatchObject({ ok: true });
  });
});
