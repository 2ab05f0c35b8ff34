/**
 * Races on the key file, each reproduced from the security review: parallel wrong passphrases
 * all tried with the failure count ending at 1, and two set-ups at once overwriting the key file
 * so the caseload could never be unlocked again.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Vault } from '../../src-main/vault/vault';
import { Session } from '../../src-main/app/session';
import { dataPathsFor } from '../../src-main/app/data-paths';
import { PASSPHRASE, TEST_KDF, tempDir } from '../support/temp-caseload';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const failures = (file: string) =>
  (JSON.parse(readFileSync(file, 'utf8')) as { failures: { count: number } }).failures.count;

describe('unlock attempts', () => {
  it('counts every one of 40 parallel wrong passphrases', async () => {
    const file = join(dir, 'k.json');
    const vault = new Vault({ file, kdfCost: TEST_KDF });
    (await vault.create(PASSPHRASE)).fill(0);
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) => vault.unlock(`wrong passphrase ${i}`)),
    );
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    expect(failures(file)).toBe(40);
    // Only the three free attempts ran the key derivation; the rest were refused by the wait.
    const codes = results.map((r) => (r as PromiseRejectedResult).reason.code);
    expect(codes.filter((c) => c === 'wrong-passphrase')).toHaveLength(3);
    expect(codes.filter((c) => c === 'too-many-attempts')).toHaveLength(37);
    await expect(vault.unlock(PASSPHRASE)).rejects.toMatchObject({ code: 'too-many-attempts' });
  });

  it('a second vault over the same file (another window) shares the count', async () => {
    const file = join(dir, 'k.json');
    const a = new Vault({ file, kdfCost: TEST_KDF });
    (await a.create(PASSPHRASE)).fill(0);
    const b = new Vault({ file, kdfCost: TEST_KDF });
    await Promise.allSettled([a.unlock('nope one'), b.unlock('nope two'), a.unlock('nope 3')]);
    expect(failures(file)).toBe(3);
  });
});

describe('set-up', () => {
  it('two set-ups at once: one wins, the other is refused, and the winner can unlock', async () => {
    const paths = dataPathsFor(join(dir, 'c.waymark'));
    const one = new Session({ paths, kdfCost: TEST_KDF });
    const two = new Session({ paths, kdfCost: TEST_KDF });
    const results = await Promise.allSettled([
      one.setup('Ada', PASSPHRASE),
      two.setup('Bea', 'another long passphrase'),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toMatchObject({ code: 'already-initialised' });
    const winner = results[0]!.status === 'fulfilled' ? one : two;
    const pass = winner === one ? PASSPHRASE : 'another long passphrase';
    await winner.lock('quit');
    const again = new Session({ paths, kdfCost: TEST_KDF });
    expect((await again.unlock(pass)).state).toBe('unlocked');
    await again.lock('quit');
  });
});
