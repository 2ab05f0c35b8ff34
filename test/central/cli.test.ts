/**
 * The command-line contract of central-cli.md, end to end: real processes, a real embedded store
 * and a real PostgreSQL database, a device enrolled over HTTP that holds exactly what `export` says.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrolResponse, PullResponse } from '@shared/sync/protocol';
import { toCsv, validRow } from '../support/referral-csv';
import { sharedCluster, stopCluster } from './harness';

const ROOT = resolve(import.meta.dirname, '../..');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function central(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(
      resolve(ROOT, 'node_modules/.bin/tsx'),
      ['src-central/cli/index.ts', ...args],
      {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: '', ...env },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', fail);
    child.on('exit', (code) => done({ code: code ?? -1, stdout, stderr }));
  });
}

const json = <T = Record<string, unknown>>(r: Run): T => {
  if (r.code !== 0) throw new Error(`exit ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
};

async function startServe(args: string[], env: Record<string, string> = {}) {
  const child = spawn(
    resolve(ROOT, 'node_modules/.bin/tsx'),
    ['src-central/cli/index.ts', 'serve', ...args],
    {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: '', ...env },
    },
  ) as ChildProcessWithoutNullStreams;
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  const line = await new Promise<string>((done, fail) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) done(out.split('\n')[0]!);
    });
    child.on('exit', () => fail(new Error('serve exited before listening')));
  });
  return { child, exited, line, url: (JSON.parse(line) as { listening: string }).listening };
}

async function enrolAndPull(url: string, code: string) {
  const enrolled = await fetch(`${url}/v1/enrol`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, deviceKey: randomUUID(), deviceName: 'Test laptop' }),
  });
  expect(enrolled.status).toBe(200);
  const device = (await enrolled.json()) as EnrolResponse;
  const res = await fetch(`${url}/v1/sync/pull`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${device.token}` },
    body: JSON.stringify({
      deviceId: device.deviceId,
      epoch: device.epoch,
      cursor: 0,
      limit: 1000,
    }),
  });
  return { device, page: (await res.json()) as PullResponse };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'waymark-central-cli-'));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await stopCluster();
});

describe('central CLI on the embedded store', () => {
  it('runs the documented commands end to end', async () => {
    const data = join(dir, 'store');
    const init = json<{ organisation: { id: string; name: string } }>(
      await central(['init', '--data', data, '--organisation', 'North Works']),
    );
    expect(init.organisation.name).toBe('North Works');
    const office = json<{ id: string }>(
      await central([
        'office',
        'add',
        '--data',
        data,
        '--name',
        'Leeds Hub',
        '--nation',
        'england-and-wales',
      ]),
    );
    const adviser = json<{ id: string }>(
      await central([
        'adviser',
        'add',
        '--data',
        data,
        '--name',
        'Priya Shah',
        '--office',
        office.id,
      ]),
    );
    const bad = await central(['adviser', 'add', '--data', data, '--name', 'X', '--role', 'boss']);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toMatch(/Role must be one of/);

    const csv = join(dir, 'referrals.csv');
    writeFileSync(
      csv,
      toCsv([validRow(1), validRow(2), validRow(3), validRow(4, { date_of_birth: 'not a date' })]),
    );
    expect(
      json(await central(['import-referrals', '--data', data, csv, '--adviser', adviser.id])),
    ).toEqual({ imported: 3, duplicates: 0, failed: 1 });
    expect(
      json(await central(['import-referrals', '--data', data, csv, '--adviser', adviser.id])),
    ).toEqual({ imported: 0, duplicates: 3, failed: 1 });
    const missing = await central([
      'import-referrals',
      '--data',
      data,
      csv,
      '--adviser',
      randomUUID(),
    ]);
    expect(missing.code).toBe(5);

    const exported = json<{
      participants: {
        id: string;
        referralId: string;
        givenName: string;
        familyName: string;
        status: string;
      }[];
      counts: Record<string, number>;
    }>(await central(['export', '--data', data, '--adviser', adviser.id]));
    expect(exported.participants.map((p) => p.referralId).sort()).toEqual([
      'JCP-B000001',
      'JCP-B000002',
      'JCP-B000003',
    ]);
    expect(exported.participants[0]).toMatchObject({ status: 'referred' });
    expect(exported.counts).toEqual({ participant: 3, participant_event: 3 });

    const enrol = json<{ code: string; expiresAt: string }>(
      await central(['enrol', '--data', data, '--adviser', adviser.id]),
    );
    expect(Date.parse(enrol.expiresAt)).toBeGreaterThan(Date.now() + 23 * 3600_000);

    const server = await startServe(['--data', data, '--port', '0']);
    try {
      expect(server.line).toMatch(/^\{"listening":"http:\/\/127\.0\.0\.1:\d+"\}$/);
      // An administrative command refuses clearly while the server holds the store.
      const refused = await central(['devices', '--data', data]);
      expect(refused.code).toBe(6);
      expect(refused.stderr).toMatch(/in use by another process/);
      // A device enrolled with the code pulls exactly what export said it would hold.
      const { page } = await enrolAndPull(server.url, enrol.code);
      const puts = page.changes.filter((c) => c.op === 'put');
      const pulledIds = puts
        .filter((c) => c.entity === 'participant')
        .map((c) => c.id)
        .sort();
      expect(pulledIds).toEqual(exported.participants.map((p) => p.id).sort());
      const counts: Record<string, number> = {};
      for (const c of puts) counts[c.entity] = (counts[c.entity] ?? 0) + 1;
      expect(counts).toEqual(exported.counts);
      const row = puts.find((c) => c.entity === 'participant')!.data!;
      expect(row).toMatchObject({ status: 'referred', adviser_id: adviser.id, version: 1 });
      expect(typeof row.search_text).toBe('string');
    } finally {
      server.child.kill('SIGTERM');
    }
    expect(await server.exited).toBe(0);

    const devices = json<{
      devices: {
        id: string;
        adviserId: string;
        revoked: boolean;
        enrolledAt: string;
        lastSeenAt: string | null;
      }[];
    }>(await central(['devices', '--data', data]));
    expect(devices.devices).toHaveLength(1);
    expect(devices.devices[0]).toMatchObject({ adviserId: adviser.id, revoked: false });
    expect(
      json(await central(['revoke', '--data', data, '--device', devices.devices[0]!.id])),
    ).toEqual({ revoked: true });
    expect(
      json<{ devices: { revoked: boolean }[] }>(await central(['devices', '--data', data]))
        .devices[0]!.revoked,
    ).toBe(true);
  }, 300_000);

  it('refuses a command with no store as a usage error', async () => {
    const r = await central(['devices']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--data DIR/);
  });
});

describe('central CLI on PostgreSQL', () => {
  it('initialises, serves and administers a PostgreSQL database (URL or DATABASE_URL)', async () => {
    const cluster = await sharedCluster();
    const url = await cluster.createDatabase(`cli_${randomBytes(5).toString('hex')}`);
    json(await central(['init', '--database', url, '--organisation', 'South Works']));
    const adviser = json<{ id: string }>(
      await central(['adviser', 'add', '--name', 'Tom Reed'], { DATABASE_URL: url }),
    );
    const csv = join(dir, 'pg.csv');
    writeFileSync(csv, toCsv([validRow(10), validRow(11)]));
    expect(
      json(await central(['import-referrals', '--database', url, csv, '--adviser', adviser.id])),
    ).toEqual({ imported: 2, duplicates: 0, failed: 0 });
    const enrol = json<{ code: string }>(
      await central(['enrol', '--database', url, '--adviser', adviser.id]),
    );
    const server = await startServe(['--database', url, '--port', '0']);
    try {
      // PostgreSQL has its own locking: administration works while the server runs.
      const { page } = await enrolAndPull(server.url, enrol.code);
      expect(page.changes.filter((c) => c.entity === 'participant')).toHaveLength(2);
      expect(
        json<{ devices: unknown[] }>(await central(['devices', '--database', url])).devices,
      ).toHaveLength(1);
      // A request in flight when the signal arrives (its body still arriving) is finished.
      const second = json<{ code: string }>(
        await central(['enrol', '--database', url, '--adviser', adviser.id]),
      );
      const body = JSON.stringify({ code: second.code, deviceKey: randomUUID() });
      const { port } = new URL(server.url);
      const reply = await new Promise<{ status: number; body: string }>((done, fail) => {
        const req = request(
          {
            host: '127.0.0.1',
            port,
            path: '/v1/enrol',
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(body),
            },
          },
          (res) => {
            let text = '';
            res.on('data', (d) => (text += d));
            res.on('end', () => done({ status: res.statusCode ?? 0, body: text }));
          },
        );
        req.on('error', fail);
        req.write(body.slice(0, 10));
        setTimeout(() => {
          server.child.kill('SIGINT');
          setTimeout(() => req.end(body.slice(10)), 500);
        }, 300);
      });
      expect(reply.status).toBe(200);
      expect(JSON.parse(reply.body)).toHaveProperty('deviceId');
    } finally {
      server.child.kill('SIGINT');
    }
    expect(await server.exited).toBe(0);
  }, 300_000);
});
