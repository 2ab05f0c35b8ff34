/**
 * The key file was not fsynced: a power cut just after set-up or a passphrase change could leave
 * a caseload whose key is lost. The test watches the real system calls (strace) while the
 * command line sets up a caseload: the key file's temporary copy is flushed before it is linked
 * into place, and the folder is flushed after, so the new name survives too. No mock: where
 * strace is not installed the test is skipped and says so.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PASSPHRASE, tempDir } from '../support/temp-caseload';

const ROOT = resolve(import.meta.dirname, '../..');
const hasStrace = (() => {
  try {
    execFileSync('strace', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const t = tempDir('waymark fsync ');
afterAll(() => t.cleanup());

describe('the key file', () => {
  // Skipped only where strace is not installed: the order of fsync calls cannot be seen without
  // tracing the real process, and a stand-in would prove nothing.
  it.skipIf(!hasStrace)(
    'is flushed to disk before it takes its name, and its folder after (strace)',
    () => {
      const db = join(t.dir, 'c.waymark');
      const log = join(t.dir, 'strace.log');
      const run = spawnSync(
        'strace',
        [
          '-f',
          '-y', // print the path behind each file descriptor
          '-e',
          'trace=fsync,fdatasync,link,linkat,rename,renameat,renameat2',
          '-o',
          log,
          resolve(ROOT, 'node_modules/.bin/tsx'),
          'src-main/cli/index.ts',
          'init',
          '--db',
          db,
        ],
        {
          cwd: ROOT,
          env: { ...process.env, WAYMARK_PASSPHRASE: PASSPHRASE, WAYMARK_TEST_KDF_N: '1024' },
        },
      );
      expect(run.status, run.stderr.toString()).toBe(0);
      const calls = readFileSync(log, 'utf8').split('\n');
      const keyFile = `${db}.key.json`;
      const tmpSynced = calls.findIndex((l) =>
        new RegExp(`fsync\\(\\d+<${escape(keyFile)}\\.\\d+\\.[0-9a-f]+\\.tmp>\\)`).test(l),
      );
      const linked = calls.findIndex(
        (l) => /\b(link|linkat|rename|renameat2?)\(/.test(l) && l.includes(`"${keyFile}"`),
      );
      const dirSynced = calls.findIndex(
        (l, i) => i > linked && new RegExp(`fsync\\(\\d+<${escape(t.dir)}>\\)`).test(l),
      );
      expect(tmpSynced, 'fsync of the temporary key file').toBeGreaterThanOrEqual(0);
      expect(linked, 'the key file linked into place').toBeGreaterThan(tmpSynced);
      expect(dirSynced, 'fsync of the folder after the link').toBeGreaterThan(linked);
    },
    60_000,
  );
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
