/**
 * The device commands of central-cli.md, run as an operator would, against `central serve` as a
 * child process: enrol-and-sync, the documented JSON, exit 8 with the server gone, kill -9 of the
 * device at points of a sync (env-selected crash points) then a clean re-run, and sync-status
 * counts equal to the server's `export --adviser` counts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toCsv, validRow } from '../support/referral-csv';
import { PASSPHRASE, tempDir } from '../support/temp-caseload';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = resolve(ROOT, 'node_modules/.bin/tsx');

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function run(script: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((done, fail) => {
    // node with tsx's loader, not the tsx wrapper: a SIGKILL must reach the test as a signal.
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd: ROOT,
      env: {
        ...process.env,
        WAYMARK_TEST_KDF_N: '1024',
        WAYMARK_PASSPHRASE: PASSPHRASE,
        WAYMARK_SYNC_NO_BACKOFF: '1',
        WAYMARK_SYNC_TIMEOUT_MS: '3000',
        ...env,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', fail);
    child.on('exit', (code, signal) => done({ code, signal, stdout, stderr }));
    child.stdin.end('');
  });
}

const device = (args: string[], env?: Record<string, string>) =>
  run('src-main/cli/index.ts', args, env);
const central = (args: string[]) => run('src-central/cli/index.ts', args);
const json = (r: Run) => JSON.parse(r.stdout) as Record<string, unknown>;

let dir: string;
let cleanup: () => void;
let data: string;
let adviser: string;
const codes: string[] = [];
let server: ChildProcess | null = null;
let url = '';

async function startServer(port = '0'): Promise<void> {
  server = spawn(TSX, ['src-central/cli/index.ts', 'serve', '--data', data, '--port', port], {
    cwd: ROOT,
  });
  const line = await new Promise<string>((done, fail) => {
    const rl = createInterface({ input: server!.stdout! });
    rl.once('line', done);
    server!.once('exit', () => fail(new Error('central serve exited')));
  });
  url = (JSON.parse(line) as { listening: string }).listening;
}

async function stopServer(): Promise<void> {
  if (!server) return;
  const exited = new Promise((r) => server!.once('exit', r));
  server.kill('SIGTERM');
  await exited;
  server = null;
}

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  data = join(dir, 'central data');
  expect((await central(['init', '--data', data, '--organisation', 'Test Org'])).code).toBe(0);
  adviser = json(await central(['adviser', 'add', '--data', data, '--name', 'Cli Adviser']))
    .id as string;
  for (let i = 0; i < 2; i++)
    codes.push(json(await central(['enrol', '--data', data, '--adviser', adviser])).code as string);
  await startServer();
}, 120_000);

afterAll(async () => {
  await stopServer();
  cleanup();
});

const KILL_POINTS = ['after-push-response', 'after-ack', 'mid-pull-apply', 'after-pull-apply'];

describe('waymark sync and sync-status', () => {
  it('enrols, syncs, survives kill -9 at each point of a sync, and agrees with the server', async () => {
    const db = join(dir, 'device one.waymark');
    expect((await device(['init', '--db', db, '--adviser', 'Cli Adviser'])).code).toBe(0);
    const csv = join(dir, 'referrals.csv');
    writeFileSync(csv, toCsv([1, 2, 3].map((i) => validRow(i))));
    expect((await device(['import-referrals', '--db', db, csv])).code).toBe(0);

    const before = json(await device(['sync-status', '--db', db]));
    expect(Object.keys(before)).toEqual([
      'pending',
      'conflicts',
      'quarantined',
      'lastSyncedAt',
      'counts',
    ]);
    expect(before).toMatchObject({ conflicts: 0, quarantined: 0, lastSyncedAt: null });
    expect(before.pending).toBeGreaterThan(3);

    // Killed right after enrolling and pushing: the next run carries on with the same enrolment.
    const killed = await device(['sync', '--db', db, '--server', url, '--code', codes[0]!], {
      WAYMARK_SYNC_CRASH: 'after-push-response',
    });
    expect(killed.signal).toBe('SIGKILL');
    for (const point of KILL_POINTS) {
      writeFileSync(csv, toCsv([validRow(10 + KILL_POINTS.indexOf(point))]));
      expect((await device(['import-referrals', '--db', db, csv])).code).toBe(0);
      const k = await device(['sync', '--db', db, '--server', url, '--code', codes[0]!], {
        WAYMARK_SYNC_CRASH: point,
        WAYMARK_SYNC_BATCH: '2',
        WAYMARK_SYNC_PULL_LIMIT: '3',
      });
      expect(k.signal, point).toBe('SIGKILL');
    }
    // Enrolled now: --server and --code again are accepted and ignored.
    const ok = await device(['sync', '--db', db, '--server', url, '--code', 'IGNORED-CODE']);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    const out = json(ok);
    expect(Object.keys(out)).toEqual([
      'pushed',
      'pulled',
      'pending',
      'conflicts',
      'quarantined',
      'lastSyncedAt',
    ]);
    expect(out).toMatchObject({ pending: 0, conflicts: 0, quarantined: 0 });
    expect(Date.parse(out.lastSyncedAt as string)).not.toBeNaN();

    // A second device of the adviser pulls the same caseload.
    const db2 = join(dir, 'device two.waymark');
    expect((await device(['init', '--db', db2, '--adviser', 'Cli Adviser'])).code).toBe(0);
    const second = await device(['sync', '--db', db2, '--server', url, '--code', codes[1]!]);
    expect(second.code).toBe(0);
    expect(json(second).pulled).toBeGreaterThan(0);

    const status = json(await device(['sync-status', '--db', db]));
    const status2 = json(await device(['sync-status', '--db', db2]));
    expect(status2.counts).toEqual(status.counts);

    // The server gone: exit 8, nothing lost, and the queue is still there.
    await stopServer();
    const exported = json(await central(['export', '--data', data, '--adviser', adviser]));
    expect(status.counts).toEqual(exported.counts);
    expect((status.counts as Record<string, number>).participant).toBe(3 + KILL_POINTS.length);
    expect((exported.participants as unknown[]).length).toBe(3 + KILL_POINTS.length);

    writeFileSync(csv, toCsv([validRow(99)]));
    expect((await device(['import-referrals', '--db', db, csv])).code).toBe(0);
    const offline = await device(['sync', '--db', db], { WAYMARK_SYNC_RETRIES: '1' });
    expect(offline.code).toBe(8);
    expect(offline.stderr).toMatch(/Nothing is lost/);
    expect(offline.stderr).not.toMatch(/Łukasz|Siân|Wiśniewski/);
    expect(json(offline).pending).toBeGreaterThan(0);

    await startServer(new URL(url).port);
    const back = await device(['sync', '--db', db]);
    expect(back.code).toBe(0);
    expect(json(back).pending).toBe(0);
  }, 300_000);

  it('refuses --server without --code, and a bad code with a plain message', async () => {
    const db = join(dir, 'device three.waymark');
    expect((await device(['init', '--db', db])).code).toBe(0);
    expect((await device(['sync', '--db', db, '--server', url])).code).toBe(2);
    const bad = await device(['sync', '--db', db, '--server', url, '--code', 'WRONG-CODE-1']);
    expect(bad.code).toBe(6);
    expect(bad.stderr).toMatch(/code/i);
    const notEnrolled = await device(['sync', '--db', db]);
    expect(notEnrolled.code).toBe(6);
    expect(notEnrolled.stderr).toMatch(/not enrolled/);
  }, 120_000);
});
