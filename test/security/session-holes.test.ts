/**
 * Session holes from the security review: locking during an import (unhandled rejection, the
 * import "running" for ever, also after kill -9), bulk reads not audited, auto-lock minutes
 * forgotten on restart.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { Session } from '../../src-main/app/session';
import { createBackend, APP_ORIGIN } from '../../src-main/app/backend';
import { PASSPHRASE, TEST_KDF, tempCaseload, type TempCaseload } from '../support/temp-caseload';
import { toCsv, validRow } from '../support/referral-csv';

let c: TempCaseload;
beforeEach(async () => {
  c = await tempCaseload();
});
afterEach(() => c.close());

const reopen = async () => {
  const s = new Session({ paths: c.paths, kdfCost: TEST_KDF });
  await s.unlock(PASSPHRASE);
  return s;
};

describe('an import when the session locks', () => {
  it('stops cleanly: no unhandled rejection, and the import is not left running', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const rows = Array.from({ length: 600 }, (_, i) => validRow(i));
      const started = await c.services.imports.start('big.csv', toCsv(rows));
      await c.session.lock('quit');
      await new Promise((r) => setTimeout(r, 50));
      expect(unhandled).toEqual([]);
      const s = await reopen();
      const p = await s.require().services.imports.progress(started.importId);
      expect(p.state).not.toBe('running');
      expect(['cancelled', 'finished']).toContain(p.state);
      await s.lock('quit');
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('an import left running by a crash is marked as stopped when the caseload opens', async () => {
    const id = uuidv7();
    c.session
      .require()
      .opened.raw.prepare(
        `INSERT INTO referral_imports (id, file_name, file_sha256, started_at, finished_at, state,
          total, processed, imported, duplicates, failed, errors)
         VALUES (?, 'x.csv', 'ab', '2026-01-01T00:00:00Z', NULL, 'running', 10, 3, 3, 0, 0, '[]')`,
      )
      .run(id);
    await c.session.lock('quit');
    const s = await reopen();
    const services = s.require().services;
    expect((await services.imports.progress(id)).state).toBe('failed');
    const audit = await services.wp.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('action', '=', 'import.interrupted')
      .execute();
    expect(audit).toEqual([{ action: 'import.interrupted', entity_id: id }]);
    await s.lock('quit');
  });
});

describe('bulk reads', () => {
  it('each caseload:list call is audited with the count returned, never the search text', async () => {
    await c.session.lock('quit');
    const backend = createBackend({ paths: c.paths, kdfCost: TEST_KDF });
    await backend.router('session:unlock', { passphrase: PASSPHRASE }, APP_ORIGIN);
    const r = await backend.router('caseload:list', { search: 'Canary', limit: 50 }, APP_ORIGIN);
    expect(r.ok).toBe(true);
    const rows = await backend.session
      .require()
      .services.wp.db.selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('action', '=', 'caseload.list')
      .execute();
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0]!.detail)).toEqual({ via: 'app', rows: 0, offset: 0, total: 0 });
    expect(rows[0]!.detail).not.toContain('Canary');
    await backend.session.lock('quit');
  });
});

describe('auto-lock', () => {
  it('the minutes chosen are kept across a restart', async () => {
    await c.session.setAutoLock(25);
    await c.session.lock('quit');
    const s = new Session({ paths: c.paths, kdfCost: TEST_KDF });
    await s.unlock(PASSPHRASE);
    expect(s.status().autoLockMinutes).toBe(25);
    await s.lock('quit');
  });
});
