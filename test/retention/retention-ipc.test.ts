/**
 * The retention channels over the real router and a real encrypted caseload: an adviser and
 * reception are refused at the boundary (and nothing changes); bad input is refused with the
 * field named and nothing changes; a manager lists, holds, lifts and deletes.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createBackend, APP_ORIGIN, type Backend } from '../../src-main/app/backend';
import { dataPathsFor } from '../../src-main/app/data-paths';
import type { LegalHoldView, RetentionItem } from '../../src-shared/ipc/channels/retention';
import { tempDir, TEST_KDF, PASSPHRASE } from '../support/temp-caseload';
import { recordingDesktop } from '../support/recording-desktop';
import { personWithRecords, TODAY } from './fixture';

const t = tempDir('waymark retention ipc ');
let backend: Backend;
let now = new Date('2019-06-30T10:00:00Z');
let gone: string;

beforeAll(async () => {
  backend = createBackend({
    paths: dataPathsFor(join(t.dir, 'c.waymark')),
    kdfCost: TEST_KDF,
    desktop: recordingDesktop(join(t.dir, 'desktop')),
    now: () => now,
  });
  await backend.session.setup('Mina Manager', PASSPHRASE);
  await setRole('manager');
  gone = await personWithRecords(backend.session.require(), {
    givenName: 'Ottoline',
    referralId: 'JCP-2001',
    niNumber: 'ZX 55 66 77 C',
    referralDate: '2019-01-07',
    exit: '2019-06-28',
  });
  now = new Date(`${TODAY}T10:00:00Z`);
}, 120_000);
afterAll(async () => {
  await backend.session.lock('quit');
  t.cleanup();
});

const call = (channel: string, input: unknown) => backend.router(channel, input, APP_ORIGIN);
async function ok<T>(channel: string, input: unknown): Promise<T> {
  const result = await call(channel, input);
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  return (result as { value: T }).value;
}
const setRole = async (role: 'manager' | 'adviser' | 'reception') => {
  await backend.session.require().services.wp.db.updateTable('advisers').set({ role }).execute();
};
const rows = async () =>
  (
    await sql<{
      n: number;
    }>`SELECT (SELECT count(*) FROM participants) + (SELECT count(*) FROM legal_holds) AS n`.execute(
      backend.session.require().services.wp.db,
    )
  ).rows[0]!.n;

describe('retention channels', () => {
  it.each(['adviser', 'reception'] as const)('refuses %s at the router', async (role) => {
    await setRole(role);
    const before = await rows();
    for (const [channel, input] of [
      ['retention:list', {}],
      ['retention:holds', {}],
      ['retention:participant', { participantId: gone }],
      ['retention:placeHold', { participantId: gone, reason: 'Claim' }],
      ['retention:apply', { action: 'delete', participantIds: [gone] }],
      [
        'retention:eraseOnRequest',
        { participantId: gone, requestedOn: TODAY, ground: 'consent-withdrawn' },
      ],
    ] as const)
      expect(await call(channel, input), channel).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    expect(await rows()).toBe(before);
  });

  it.each([
    ['retention:apply', { action: 'shred', participantIds: [] }, 'action'],
    ['retention:apply', { action: 'delete', participantIds: [] }, 'participantIds'],
    ['retention:apply', { action: 'delete', participantIds: ['not-an-id'] }, 'participantIds.0'],
    ['retention:placeHold', { participantId: 'x', reason: 'Claim' }, 'participantId'],
    ['retention:placeHold', { participantId: crypto.randomUUID(), reason: '  ' }, 'reason'],
    ['retention:liftHold', { holdId: crypto.randomUUID(), reason: '' }, 'reason'],
    [
      'retention:eraseOnRequest',
      {
        participantId: crypto.randomUUID(),
        requestedOn: '2026-02-30',
        ground: 'consent-withdrawn',
      },
      'requestedOn',
    ],
    [
      'retention:eraseOnRequest',
      { participantId: crypto.randomUUID(), requestedOn: TODAY, ground: 'felt-like-it' },
      'ground',
    ],
  ])('refuses %s %j as invalid input and changes nothing', async (channel, input, field) => {
    await setRole('manager');
    const before = await rows();
    expect(await call(channel, input)).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', field },
    });
    expect(await rows()).toBe(before);
  });

  it('refuses a request dated in the future, changing nothing', async () => {
    await setRole('manager');
    expect(
      await call('retention:eraseOnRequest', {
        participantId: gone,
        requestedOn: '2026-12-02',
        ground: 'consent-withdrawn',
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'requestedOn' } });
    expect(await ok<RetentionItem[]>('retention:list', {})).toHaveLength(1);
  });

  it('lets a manager hold, lift and delete', async () => {
    await setRole('manager');
    const hold = await ok<LegalHoldView>('retention:placeHold', {
      participantId: gone,
      reason: 'Employment tribunal',
    });
    expect(await ok<RetentionItem[]>('retention:list', {})).toEqual([]);
    expect(
      await call('retention:apply', { action: 'delete', participantIds: [gone] }),
    ).toMatchObject({ ok: false, error: { code: 'refused' } });
    await ok('retention:liftHold', { holdId: hold.id, reason: 'Settled' });
    const list = await ok<RetentionItem[]>('retention:list', {});
    expect(list.map((i) => i.participantId)).toEqual([gone]);
    expect(await ok('retention:apply', { action: 'delete', participantIds: [gone] })).toEqual({
      count: 1,
    });
    expect(await ok<RetentionItem[]>('retention:list', {})).toEqual([]);
    expect(await call('participant:get', { id: gone })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });
});
