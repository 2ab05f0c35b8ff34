import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { retryDelayMs, Vault } from '../../src-main/vault/vault';
import type { OsKeyProtector } from '../../src-main/vault/os-protector';
import {
  tempCaseload,
  tempDir,
  TEST_KDF,
  PASSPHRASE,
  type TempCaseload,
} from '../support/temp-caseload';
import { Session } from '../../src-main/app/session';
import { referral } from '../support/referrals';
import { referralSchema } from '../../src-shared/schemas/participant';

let cleanup: (() => void) | undefined;
let c: TempCaseload | undefined;
afterEach(async () => {
  await c?.close();
  c = undefined;
  cleanup?.();
  cleanup = undefined;
});

/**
 * Electron's safeStorage cannot run under Node; this stands in for the OS keychain with a real
 * cipher and a key the "OS" holds, so the vault's layering is exercised for real.
 */
function fakeKeychain(available = true): OsKeyProtector {
  const osKey = randomBytes(32);
  return {
    isAvailable: () => available,
    encrypt: (plain) => {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', osKey, iv);
      const ct = Buffer.concat([c.update(plain), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), ct]);
    },
    decrypt: (blob) => {
      const d = createDecipheriv('aes-256-gcm', osKey, blob.subarray(0, 12));
      d.setAuthTag(blob.subarray(12, 28));
      return Buffer.concat([d.update(blob.subarray(28)), d.final()]);
    },
  };
}

describe('the vault', () => {
  it('never stores the database key unwrapped', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const file = join(t.dir, 'k.json');
    const key = await new Vault({ file, kdfCost: TEST_KDF }).create(PASSPHRASE);
    const stored = readFileSync(file);
    expect(stored.includes(key)).toBe(false);
    expect(stored.includes(Buffer.from(key.toString('hex')))).toBe(false);
    expect(stored.includes(Buffer.from(key.toString('base64')))).toBe(false);
    expect(stored.includes(Buffer.from(PASSPHRASE))).toBe(false);
    expect((await new Vault({ file, kdfCost: TEST_KDF }).unlock(PASSPHRASE)).equals(key)).toBe(
      true,
    );
  });

  it('slows down repeated failures, and the delay survives a restart', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const file = join(t.dir, 'k.json');
    let now = new Date('2026-11-23T09:00:00Z');
    const vault = () => new Vault({ file, kdfCost: TEST_KDF, now: () => now });
    await vault().create(PASSPHRASE);
    for (let i = 0; i < 3; i++)
      await expect(vault().unlock('wrong wrong wrong')).rejects.toMatchObject({
        code: 'wrong-passphrase',
      });
    // Fourth attempt within 30 s is refused without even trying the passphrase.
    await expect(vault().unlock(PASSPHRASE)).rejects.toMatchObject({ code: 'too-many-attempts' });
    now = new Date(now.getTime() + 30_001);
    await expect(vault().unlock('wrong again!!')).rejects.toMatchObject({
      code: 'wrong-passphrase',
    });
    expect(vault().retryAfter()?.toISOString()).toBe(
      new Date(now.getTime() + 60_000).toISOString(),
    );
    now = new Date(now.getTime() + 60_001);
    expect((await vault().unlock(PASSPHRASE)).length).toBe(32);
    expect(vault().retryAfter()).toBeNull();
    expect([0, 1, 2, 3, 4, 10, 99].map(retryDelayMs)).toEqual([
      0, 0, 0, 30_000, 60_000, 900_000, 900_000,
    ]);
  });

  it('changes the passphrase without re-encrypting the database', async () => {
    c = await tempCaseload();
    await c.services.participants.create(referralSchema.parse(referral()));
    await c.session.lock();
    const dbBefore = readFileSync(c.paths.database);
    const s = new Session({ paths: c.paths, kdfCost: TEST_KDF });
    await s.unlock(PASSPHRASE);
    await s.changePassphrase(PASSPHRASE, 'a brand new passphrase');
    await s.lock();
    // The checkpoint on close rewrites pages, but the key is the same: the old bytes still open.
    const again = new Session({ paths: c.paths, kdfCost: TEST_KDF });
    await expect(again.unlock(PASSPHRASE)).rejects.toMatchObject({ code: 'wrong-passphrase' });
    await again.unlock('a brand new passphrase');
    expect((await again.require().services.participants.list({})).total).toBe(1);
    await again.lock();
    expect(dbBefore.subarray(0, 16).equals(readFileSync(c.paths.database).subarray(0, 16))).toBe(
      true,
    );
  });

  it('with an OS keychain, needs both the keychain and the passphrase', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const file = join(t.dir, 'k.json');
    const os = fakeKeychain();
    const key = await new Vault({ file, os, kdfCost: TEST_KDF }).create(PASSPHRASE);
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    expect(stored.wrapped).toBeUndefined();
    expect(typeof stored.osWrapped).toBe('string');
    expect((await new Vault({ file, os, kdfCost: TEST_KDF }).unlock(PASSPHRASE)).equals(key)).toBe(
      true,
    );
    await expect(
      new Vault({ file, os, kdfCost: TEST_KDF }).unlock('wrong passphrase here'),
    ).rejects.toMatchObject({ code: 'wrong-passphrase' });
    await expect(new Vault({ file, kdfCost: TEST_KDF }).unlock(PASSPHRASE)).rejects.toMatchObject({
      code: 'refused',
    });
  });

  it('treats an unavailable keychain (Linux basic_text) as absent: passphrase only', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const file = join(t.dir, 'k.json');
    await new Vault({ file, os: fakeKeychain(false), kdfCost: TEST_KDF }).create(PASSPHRASE);
    expect(JSON.parse(readFileSync(file, 'utf8')).wrapped).toBeDefined();
  });
});

describe('auto-lock', () => {
  it('locks after the inactivity period and drops the key', async () => {
    c = await tempCaseload();
    await c.session.setAutoLock(1);
    const { vi } = await import('vitest');
    vi.useFakeTimers();
    try {
      c.session.touch();
      vi.advanceTimersByTime(59_000);
      expect(c.session.status().state).toBe('unlocked');
      c.session.touch(); // activity restarts the clock
      vi.advanceTimersByTime(59_000);
      expect(c.session.status().state).toBe('unlocked');
      vi.advanceTimersByTime(2_000);
    } finally {
      vi.useRealTimers();
    }
    await new Promise((r) => setTimeout(r, 50));
    expect(c.session.status().state).toBe('locked');
    expect(() => c!.session.require()).toThrow(/locked/);
  });
});
