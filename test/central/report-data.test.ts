/** The report read side: participants with owner, cover and records in device row format. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openStore, type Store } from '../../src-central/db/open';
import {
  addOffice,
  addProvider,
  addUser,
  allocate,
  initOrganisation,
} from '../../src-central/org/organisation';
import { importReferrals } from '../../src-central/org/referrals';
import { loadReportData } from '../../src-central/reports/data';
import { toCsv, validRow } from '../support/referral-csv';

let dir: string;
let store: Store;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'waymark-report-data-'));
  store = await openStore({ data: dir });
}, 120_000);
afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

it('lists each participant with its owner, cover advisers and records, subcontractors included', async () => {
  await initOrganisation(store.db, 'Prime Ltd');
  const sub = await addProvider(store.db, 'Sub CIC');
  const office = await addOffice(store.db, {
    name: 'Outreach Hall',
    nation: 'scotland',
    providerId: sub.id,
    kind: 'outreach',
  });
  const owner = await addUser(store.db, { name: 'Owner', officeId: office.id });
  const cover = await addUser(store.db, { name: 'Cover' });
  await importReferrals(store.db, toCsv([validRow(1), validRow(2)]), owner.id);
  const first = await loadReportData(store.db);
  expect(first.providers.map((p) => [p.name, p.role])).toEqual([
    ['Prime Ltd', 'prime'],
    ['Sub CIC', 'subcontractor'],
  ]);
  expect(first.offices).toEqual([
    {
      id: office.id,
      name: 'Outreach Hall',
      nation: 'scotland',
      kind: 'outreach',
      providerId: sub.id,
    },
  ]);
  expect(first.participants).toHaveLength(2);
  const target = first.participants[0]!;
  expect(target.adviserId).toBe(owner.id);
  expect(target.records.participant![0]).toMatchObject({ id: target.id, status: 'referred' });
  expect(target.records.participant_event).toHaveLength(1);
  await allocate(store.db, { participantId: target.id, adviserId: cover.id, role: 'cover' });
  const second = await loadReportData(store.db);
  expect(second.participants.find((p) => p.id === target.id)!.coverAdviserIds).toEqual([cover.id]);
});
