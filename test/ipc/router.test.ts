import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createBackend, APP_ORIGIN, type Backend } from '../../src-main/app/backend';
import { dataPathsFor } from '../../src-main/app/data-paths';
import { CHANNEL_NAMES } from '../../src-shared/ipc/channel-names';
import { contract } from '../../src-shared/ipc/contract';
import { tempDir, TEST_KDF, PASSPHRASE } from '../support/temp-caseload';
import { referral } from '../support/referrals';
import { snapshot } from '../support/snapshot';

let backend: Backend;
let cleanup: () => void;
beforeEach(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  backend = createBackend({ paths: dataPathsFor(join(t.dir, 'c.waymark')), kdfCost: TEST_KDF });
});
afterEach(async () => {
  await backend.session.lock('quit');
  cleanup();
});

const call = (channel: string, input: unknown, origin = APP_ORIGIN) =>
  backend.router(channel, input, origin);

describe('the IPC router', () => {
  it('lists the same channels in the contract and in the preload list', () => {
    expect(Object.keys(contract).sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  it('refuses a caller from any origin but the app', async () => {
    for (const origin of ['https://evil.example', 'file://', 'null', 'app://waymark.evil']) {
      expect(await call('session:status', {}, origin)).toEqual({
        ok: false,
        error: { code: 'forbidden-sender', message: expect.any(String) },
      });
    }
  });

  it('refuses an unknown channel, including prototype names', async () => {
    for (const ch of ['nope', '__proto__', 'constructor', 'toString']) {
      expect(await call(ch, {})).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    }
  });

  it('rejects malformed input on every channel with a typed error and changes nothing', async () => {
    await call('session:setup', {
      adviserName: 'Ada',
      passphrase: PASSPHRASE,
      confirm: PASSPHRASE,
    });
    const created = await call('participant:create', referral());
    expect(created.ok).toBe(true);
    const db = backend.session.require().services.wp.db;
    const before = await snapshot(db);
    const junk: unknown[] = [
      null,
      42,
      'text',
      [],
      { unexpected: true },
      { id: '../../etc/passwd' },
    ];
    for (const channel of CHANNEL_NAMES) {
      for (const input of junk) {
        const result = await call(channel, input);
        expect(result, `${channel} with ${JSON.stringify(input)}`).toMatchObject({
          ok: false,
          error: { code: 'invalid-input', message: expect.any(String) },
        });
      }
    }
    expect(await snapshot(db)).toEqual(before);
  });

  it('names the field at fault and keeps nothing of a rejected referral', async () => {
    await call('session:setup', {
      adviserName: 'Ada',
      passphrase: PASSPHRASE,
      confirm: PASSPHRASE,
    });
    const db = backend.session.require().services.wp.db;
    const before = await snapshot(db);
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ niNumber: 'DA123456C' }, 'niNumber', /cannot start with D/],
      [{ niNumber: 'AO123456C' }, 'niNumber', /second letter .* cannot be O/],
      [{ niNumber: 'GB123456A' }, 'niNumber', /not an allocated/],
      [{ niNumber: 'AB123456E' }, 'niNumber', /right format/],
      [
        { address: { line1: '1 Road', town: 'Leeds', postcode: 'XX1 1XX9' } },
        'address.postcode',
        /postcode/,
      ],
      [{ dateOfBirth: '1990-02-30' }, 'dateOfBirth', /real date/],
      [{ dateOfBirth: '2030-01-01' }, 'dateOfBirth', /before the referral date/],
      [{ contactChannel: 'email', email: undefined }, 'email', /email/],
      [{ phone: '12345' }, 'phone', /UK phone/],
      [{ programme: 'made-up' }, 'programme', /programme/],
    ];
    for (const [override, field, message] of cases) {
      const result = await call('participant:create', referral(override as never));
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'invalid-input', field, message: expect.stringMatching(message) },
      });
    }
    expect(await snapshot(db)).toEqual(before);
  });

  it('answers locked when locked, and works again after unlock', async () => {
    await call('session:setup', {
      adviserName: 'Ada',
      passphrase: PASSPHRASE,
      confirm: PASSPHRASE,
    });
    await call('session:lock', {});
    expect(await call('caseload:list', {})).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(await call('session:unlock', { passphrase: 'wrong passphrase' })).toMatchObject({
      ok: false,
      error: { code: 'wrong-passphrase', field: 'passphrase' },
    });
    expect(await call('session:unlock', { passphrase: PASSPHRASE })).toMatchObject({
      ok: true,
      value: { state: 'unlocked', adviserName: 'Ada' },
    });
    expect(await call('caseload:list', {})).toMatchObject({ ok: true, value: { total: 0 } });
  });

  it('refuses a status change the lifecycle does not allow, and an exit without a reason', async () => {
    await call('session:setup', {
      adviserName: 'Ada',
      passphrase: PASSPHRASE,
      confirm: PASSPHRASE,
    });
    const created = (await call('participant:create', referral())) as {
      ok: true;
      value: { id: string };
    };
    const id = created.value.id;
    expect(
      await call('participant:setStatus', { id, status: 'in-work', date: '2026-11-10' }),
    ).toMatchObject({ ok: false, error: { code: 'refused', field: 'status' } });
    expect(
      await call('participant:setStatus', { id, status: 'exited', date: '2026-11-10' }),
    ).toMatchObject({ ok: false, error: { field: 'exitReason' } });
    expect(
      await call('participant:setStatus', { id, status: 'allocated', date: '2026-11-03' }),
    ).toMatchObject({ ok: true, value: { status: 'allocated', version: 2 } });
    const stale = await call('participant:update', {
      id,
      expectedVersion: 1,
      referral: referral({ givenName: 'Zosia' }),
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const timeline = (await call('participant:timeline', { id })) as {
      ok: true;
      value: { kind: string }[];
    };
    expect(timeline.value.map((e) => e.kind)).toEqual(['status', 'referral']);
  });
});
