/**
 * The audit log could be truncated or re-chained without `audit-verify` noticing. Now UPDATE and
 * DELETE are refused by triggers, and the chain head is also kept outside the database, in an
 * HMAC-authenticated file, checked on unlock and by audit-verify.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from '../../src-main/app/session';
import { verifyAuditLog } from '../../src-main/services/protection/audit-verify';
import { auditHash, GENESIS_HASH } from '../../src-main/write-path/audit-chain';
import { PASSPHRASE, TEST_KDF, tempCaseload, type TempCaseload } from '../support/temp-caseload';
import { referral } from '../support/referrals';
import { referralSchema } from '../../src-shared/schemas/participant';

let c: TempCaseload;
beforeEach(async () => {
  c = await tempCaseload();
  for (const i of [1, 2, 3, 4])
    await c.services.participants.create(
      referralSchema.parse(referral({ referralId: `JCP-000${i}`, niNumber: `AB 12 34 5${i} C` })),
    );
});
afterEach(() => c.close());

const raw = (s: Session = c.session) => s.require().opened.raw;
const anchorFile = () => `${c.paths.database}.audit-head.json`;

/** What an attacker with the passphrase and an SQLite tool does: drop the triggers first. */
function dropTriggers(s: Session = c.session) {
  raw(s).exec(
    'DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;',
  );
}

async function reopen(whileClosed: () => void = () => undefined): Promise<Session> {
  await c.session.lock('quit');
  whileClosed();
  const s = new Session({ paths: c.paths, kdfCost: TEST_KDF });
  await s.unlock(PASSPHRASE);
  c.session = s;
  return s;
}

const verify = (s: Session) => verifyAuditLog(s.require().services.wp.db);

describe('the audit table', () => {
  it('refuses UPDATE and DELETE', () => {
    expect(() => raw().prepare("UPDATE audit_log SET action = 'x' WHERE seq = 1").run()).toThrow(
      /audit log/,
    );
    expect(() => raw().prepare('DELETE FROM audit_log WHERE seq = 1').run()).toThrow(/audit log/);
    expect(raw().prepare('SELECT action FROM audit_log WHERE seq = 1').get()).not.toEqual({
      action: 'x',
    });
  });
});

describe('the chain head outside the database', () => {
  it('follows every commit, and an untouched caseload verifies', async () => {
    const last = raw()
      .prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1')
      .get() as {
      seq: number;
      hash: string;
    };
    const anchor = JSON.parse(readFileSync(anchorFile(), 'utf8'));
    expect(anchor).toMatchObject({ seq: last.seq, hash: last.hash });
    expect(anchor.mac).toMatch(/^[0-9a-f]{64}$/);
    const s = await reopen();
    expect(await verify(s)).toMatchObject({ ok: true, brokenAt: null });
  });

  it('detects the last entries deleted (truncation)', async () => {
    dropTriggers();
    raw().prepare('DELETE FROM audit_log WHERE seq > (SELECT max(seq) - 3 FROM audit_log)').run();
    const s = await reopen();
    const result = await verify(s);
    expect(result.ok).toBe(false);
    expect(result.problem).toMatch(/removed/);
    // More work afterwards does not wash the evidence out.
    await s.require().services.participants.list({});
    await s.require().services.wp.transaction((w) => w.audit('test.more', 'test', null));
    expect((await verify(s)).ok).toBe(false);
  });

  it('detects an entry removed and the rest re-hashed (re-chaining)', async () => {
    dropTriggers();
    const db = raw();
    db.prepare('DELETE FROM audit_log WHERE seq = 3').run();
    const rows = db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Record<
      string,
      never
    >[];
    db.prepare('DELETE FROM audit_log').run();
    let prev = GENESIS_HASH;
    let seq = 0;
    const insert = db.prepare(
      'INSERT INTO audit_log (seq, id, at, actor, action, entity_type, entity_id, detail, prev_hash, hash) VALUES (@seq, @id, @at, @actor, @action, @entity_type, @entity_id, @detail, @prev_hash, @hash)',
    );
    for (const row of rows) {
      const fields = { ...(row as object), seq: ++seq } as Parameters<typeof auditHash>[1];
      const hash = auditHash(prev, fields);
      insert.run({ ...fields, prev_hash: prev, hash });
      prev = hash;
    }
    const s = await reopen();
    const result = await verify(s);
    expect(result.ok).toBe(false);
    expect(result.problem).toMatch(/rewritten|removed/);
  });

  it('detects a forged anchor file', async () => {
    const s = await reopen(() => {
      const anchor = JSON.parse(readFileSync(anchorFile(), 'utf8'));
      writeFileSync(anchorFile(), JSON.stringify({ ...anchor, seq: anchor.seq - 2 }));
    });
    expect((await verify(s)).problem).toMatch(/altered/);
  });

  it('detects the anchor file deleted, and keeps a head again from then on', async () => {
    const s = await reopen(() => rmSync(anchorFile()));
    expect(existsSync(anchorFile())).toBe(true);
    expect((await verify(s)).problem).toMatch(/missing/);
  });
});
