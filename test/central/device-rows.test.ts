/**
 * Server-created referrals are rows in the device's own table format: a real encrypted caseload
 * inserts the pulled participant and event rows as they are, and the app reads them back.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { openStore, type Store } from '../../src-central/db/open';
import { addUser, initOrganisation } from '../../src-central/org/organisation';
import { importReferrals } from '../../src-central/org/referrals';
import { exportAdviser } from '../../src-central/org/export';
import type { Database } from '../../src-main/db/schema';
import { tempCaseload, type TempCaseload } from '../support/temp-caseload';
import { toCsv, validRow } from '../support/referral-csv';

let dir: string;
let store: Store;
let device: TempCaseload;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'waymark-rows-'));
  store = await openStore({ data: dir });
  device = await tempCaseload();
}, 120_000);
afterAll(async () => {
  await device?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

it('imports referrals as participant rows a device inserts as they are', async () => {
  await initOrganisation(store.db, 'North Works');
  const { id: adviser } = await addUser(store.db, { name: 'Priya Shah' });
  const csv = toCsv([validRow(7, { preferred_name: 'Jo', address_line2: 'Flat 2' }), validRow(8)]);
  const counts = await importReferrals(store.db, csv, adviser, new Date('2026-11-30T10:00:00Z'));
  expect(counts).toEqual({ imported: 2, duplicates: 0, failed: 0 });
  const rows = await store.db
    .selectFrom('records')
    .select(['entity_type', 'data'])
    .orderBy('entity_type')
    .execute();
  const allocations = await store.db
    .selectFrom('allocations')
    .select(['adviser_id', 'role', 'from_date', 'to_date'])
    .execute();
  expect(allocations).toEqual([
    { adviser_id: adviser, role: 'owner', from_date: '2026-11-30', to_date: null },
    { adviser_id: adviser, role: 'owner', from_date: '2026-11-30', to_date: null },
  ]);
  const db = device.services.wp.db as unknown as Kysely<Database>;
  // A device names the central advisers its rows refer to (participants.adviser_id is a key).
  await db
    .insertInto('advisers')
    .values({
      id: adviser,
      name: 'Priya Shah',
      role: 'adviser',
      created_at: '2026-11-30T10:00:00.000Z',
    })
    .execute();
  for (const r of rows) {
    if (r.entity_type === 'participant')
      await db
        .insertInto('participants')
        .values(r.data as never)
        .execute();
    else
      await db
        .insertInto('participant_events')
        .values(r.data as never)
        .execute();
  }
  // The device's own services read them as their own, searchable, with the timeline event.
  const exported = await exportAdviser(store.db, adviser);
  for (const p of exported.participants) {
    const onDevice = await device.services.participants.get(p.id);
    expect(onDevice).toEqual(p);
  }
  const found = await device.services.participants.get(
    exported.participants.find((p) => p.referralId === 'JCP-B000007')!.id,
  );
  expect(found).toMatchObject({
    preferredName: 'Jo',
    status: 'referred',
    address: { line2: 'Flat 2' },
  });
  const events = await db.selectFrom('participant_events').select(['kind', 'date']).execute();
  expect(events).toEqual([
    { kind: 'referral', date: '2026-10-01' },
    { kind: 'referral', date: '2026-10-01' },
  ]);
});
