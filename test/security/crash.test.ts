/**
 * kill -9 at random points while participants are written and referral imports run. After each
 * kill the caseload opens, audit-verify passes (chain and the head kept outside the database),
 * every write acknowledged before the kill is there, and no import is left "running".
 * 20 runs here; `npm run -s test:crash-long` runs 200.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { Session } from '../../src-main/app/session';
import { dataPathsFor } from '../../src-main/app/data-paths';
import { verifyAuditLog } from '../../src-main/services/protection/audit-verify';
import { PASSPHRASE, TEST_KDF, tempDir } from '../support/temp-caseload';

const RUNS = Number(process.env.WAYMARK_CRASH_RUNS ?? 20);
const ROOT = resolve(import.meta.dirname, '../..');
const t = tempDir('waymark crash ');
const file = join(t.dir, 'c.waymark');

beforeAll(async () => {
  const s = new Session({ paths: dataPathsFor(file), kdfCost: TEST_KDF });
  await s.setup('Ada', PASSPHRASE);
  await s.lock('quit');
});
afterAll(() => t.cleanup());

/** Runs the writer until it has acknowledged something, waits a random while, kills it. */
function writeThenKill(tag: string, extraMs: number): Promise<string[]> {
  return new Promise((done, fail) => {
    // node with tsx as a loader, not the tsx wrapper: SIGKILL must reach the writing process.
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/security/support/crash-child.ts', file, tag],
      { cwd: ROOT, env: { ...process.env, WAYMARK_PASSPHRASE: PASSPHRASE } },
    );
    const acks: string[] = [];
    let buffer = '';
    let timer: NodeJS.Timeout | null = null;
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) if (line.startsWith('ack ')) acks.push(line.slice(4));
      timer ??= setTimeout(() => child.kill('SIGKILL'), extraMs);
    });
    child.on('error', fail);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal !== 'SIGKILL') fail(new Error(`writer stopped by itself (${code}): ${stderr}`));
      else done(acks);
    });
  });
}

describe('kill -9 while writing', () => {
  it(
    `${RUNS} kills: the caseload opens, the audit verifies, acknowledged writes survive`,
    async () => {
      for (let run = 0; run < RUNS; run++) {
        const acks = await writeThenKill(`r${run}`, Math.floor(Math.random() * 400));
        expect(acks.length, `run ${run}`).toBeGreaterThan(0);
        const s = new Session({ paths: dataPathsFor(file), kdfCost: TEST_KDF });
        await s.unlock(PASSPHRASE);
        const { services, opened } = s.require();
        const verified = await verifyAuditLog(services.wp.db);
        expect(verified, `run ${run}`).toMatchObject({ ok: true });
        const have = new Set(
          (
            opened.raw.prepare('SELECT referral_id FROM participants').all() as {
              referral_id: string;
            }[]
          ).map((r) => r.referral_id),
        );
        for (const id of acks) expect(have.has(id), `run ${run}: ${id} lost`).toBe(true);
        const running = opened.raw
          .prepare("SELECT count(*) AS n FROM referral_imports WHERE state = 'running'")
          .get();
        expect(running).toEqual({ n: 0 });
        await s.lock('quit');
      }
    },
    RUNS * 30_000,
  );
});
