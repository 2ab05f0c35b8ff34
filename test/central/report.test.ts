/**
 * `central report`: the organisation's charter performance report over what devices synced to
 * the central store equals, rule by rule, each device's own `cli report` (the same engine over the
 * same records), grouped by adviser, office, provider and subcontractor from the organisation
 * model, and anonymised with small-number suppression. On PGlite, and once on PostgreSQL 15.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src-central/db/open';
import { buildApp } from '../../src-central/server/app';
import {
  addOffice,
  addProvider,
  addUser,
  initOrganisation,
} from '../../src-central/org/organisation';
import { createEnrolmentCode } from '../../src-central/org/devices';
import { centralAnonymisedReport, centralReport } from '../../src-central/reports/performance';
import { seedDemoCaseload } from '../../src-main/demo/demo-caseload';
import { DeviceReportService } from '../../src-main/services/reports/device-report';
import { syncSummary } from '../../src-main/sync/status';
import { buildReport, byParticipant, type Report } from '../../src-shared/domain/report';
import { startPostgres, type PostgresCluster } from '../support/postgres-cluster';
import { enrol, newDevice, type Central, type Device } from '../sync/harness';

const run = promisify(execFile);
const TODAY = '2026-11-20';
const PERIOD = { from: '2026-01-01', to: '2026-12-31', today: TODAY };

interface Org {
  central: Central;
  dir: string | null;
  /** Set once the in-process server has let go of the store. */
  released?: boolean;
  devices: Device[];
  advisers: { id: string; name: string; officeId: string; officeName: string }[];
  subcontractor: { id: string; name: string };
  prime: { id: string; name: string };
}

/**
 * An organisation with two offices (one under a subcontractor), an adviser in each, and a demo
 * caseload per adviser seeded on a real encrypted device and synced to the central service.
 */
async function organisation(database?: string): Promise<Org> {
  const dir = database ? null : mkdtempSync(join(tmpdir(), 'waymark central report '));
  const store: Store = await openStore(database ? { database } : { data: dir! });
  const org = await initOrganisation(store.db, 'Northern Employment Partnership');
  const sub = await addProvider(store.db, 'Calder Skills');
  const leeds = await addOffice(store.db, { name: 'Leeds Hub', nation: 'england' });
  const halifax = await addOffice(store.db, {
    name: 'Halifax Works',
    nation: 'england',
    providerId: sub.id,
  });
  const app = await buildApp({ store });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const central = {
    url,
    store,
    app,
    organisationId: org.id,
    code: async (adviserId: string) => (await createEnrolmentCode(store.db, adviserId)).code,
  } as unknown as Central;
  const advisers = [
    { name: 'Priya Shah', officeId: leeds.id, officeName: 'Leeds Hub' },
    { name: 'Tom Reed', officeId: halifax.id, officeName: 'Halifax Works' },
  ];
  const out: Org['advisers'] = [];
  const devices: Device[] = [];
  for (const [i, a] of advisers.entries()) {
    const { id } = await addUser(store.db, { name: a.name, officeId: a.officeId });
    out.push({ id, ...a });
    const device = await newDevice();
    devices.push(device);
    await seedDemoCaseload(device.c.services, { participants: 14, seed: 11 + i, today: TODAY });
    const client = await enrol(central, device, id);
    await client.sync();
    expect(await syncSummary(device.c.services.wp.db)).toMatchObject({ pending: 0, conflicts: 0 });
  }
  const prime = await store.db
    .selectFrom('providers')
    .select(['id', 'name'])
    .where('role', '=', 'prime')
    .executeTakeFirstOrThrow();
  return {
    central,
    dir,
    devices,
    advisers: out,
    subcontractor: { id: sub.id, name: 'Calder Skills' },
    prime,
  };
}

async function closeOrg(o: Org | undefined): Promise<void> {
  if (!o) return;
  for (const d of o.devices) await d.close();
  if (!o.released) {
    await o.central.app.close();
    await o.central.store.close();
  }
  if (o.dir) rmSync(o.dir, { recursive: true, force: true });
}

const deviceReport = (d: Device) =>
  new DeviceReportService(d.c.services.obligations).report(PERIOD);

async function bothDevicesObligations(o: Org) {
  const all = [];
  for (const d of o.devices)
    all.push(
      ...(await new DeviceReportService(d.c.services.obligations).caseloadObligations(TODAY))
        .obligations,
    );
  return all;
}

describe('central report on the embedded store', () => {
  let o: Org;
  beforeAll(async () => {
    o = await organisation();
  }, 300_000);
  afterAll(async () => closeOrg(o));

  it('equals, rule by rule, the devices’ own reports over the same caseloads', async () => {
    const central = await centralReport(o.central.store.db, PERIOD);
    const obligations = await bothDevicesObligations(o);
    expect(obligations.length).toBeGreaterThan(50);
    const expected = buildReport(byParticipant(obligations), null, PERIOD);
    expect(central).toEqual(expected);
    expect(central.rules.length).toBeGreaterThan(3);
    expect(central.groups).toEqual([]);
    // Each device's own report is exactly its adviser's group.
    const byAdviser = await centralReport(o.central.store.db, { ...PERIOD, by: 'adviser' });
    for (const [i, device] of o.devices.entries()) {
      const own: Report = await deviceReport(device);
      const group = byAdviser.groups.find((g) => g.id === o.advisers[i]!.id)!;
      expect(group).toMatchObject({ by: 'adviser', name: o.advisers[i]!.name });
      expect(group.rules).toEqual(own.rules);
    }
    expect(byAdviser.rules).toEqual(central.rules);
  });

  it('groups by office, provider and subcontractor from the organisation model', async () => {
    const db = o.central.store.db;
    const own = await Promise.all(o.devices.map(deviceReport));
    const byOffice = await centralReport(db, { ...PERIOD, by: 'office' });
    expect(byOffice.groups.map((g) => [g.by, g.name])).toEqual([
      ['office', 'Halifax Works'],
      ['office', 'Leeds Hub'],
    ]);
    expect(byOffice.groups.find((g) => g.name === 'Leeds Hub')!.rules).toEqual(own[0]!.rules);
    expect(byOffice.groups.find((g) => g.name === 'Halifax Works')!.rules).toEqual(own[1]!.rules);
    const byProvider = await centralReport(db, { ...PERIOD, by: 'provider' });
    expect(byProvider.groups.map((g) => g.id).sort()).toEqual(
      [o.prime.id, o.subcontractor.id].sort(),
    );
    // Only the subcontractor's office counts under --by subcontractor; the prime's in the totals.
    const bySub = await centralReport(db, { ...PERIOD, by: 'subcontractor' });
    expect(bySub.groups).toEqual([
      { by: 'subcontractor', id: o.subcontractor.id, name: 'Calder Skills', rules: own[1]!.rules },
    ]);
    expect(bySub.rules).toEqual(byProvider.rules);
  });

  it('anonymises: no adviser names, no published row below K, totals unchanged', async () => {
    const db = o.central.store.db;
    const plain = await centralReport(db, { ...PERIOD, by: 'adviser' });
    const dues = plain.groups.flatMap((g) => g.rules.map((r) => r.due)).sort((a, b) => a - b);
    // A threshold between the smallest and largest cell so both kinds of row appear.
    const k = dues[Math.floor(dues.length / 2)]!;
    const anon = await centralAnonymisedReport(db, { ...PERIOD, by: 'adviser', minCell: k });
    const text = JSON.stringify(anon);
    for (const a of o.advisers) {
      expect(text).not.toContain(a.name);
      expect(text).not.toContain(a.id);
    }
    let suppressed = 0;
    for (const g of anon.groups) {
      expect(g).not.toHaveProperty('name');
      for (const r of g.rules) {
        if ('suppressed' in r && r.suppressed) {
          suppressed++;
          expect([r.due, r.met, r.metLate, r.missed, r.pending, r.onTimePercent]).toEqual([
            null,
            null,
            null,
            null,
            null,
            null,
          ]);
        } else expect(r.due).toBeGreaterThanOrEqual(k);
      }
    }
    expect(suppressed).toBeGreaterThan(0);
    // Totals are computed before suppression: the whole-scope rows are the plain ones (all >= K).
    for (const r of anon.rules)
      if (!('suppressed' in r && r.suppressed))
        expect(r).toEqual(plain.rules.find((p) => p.rule === r.rule));
  });

  it('serves GET /v1/reports/performance to managers only, with the query checked', async () => {
    const { db } = o.central.store;
    const tokenOf = async (role: string) => {
      const { id } = await addUser(db, {
        name: `A ${role}`,
        officeId: o.advisers[0]!.officeId,
        role,
      });
      const res = await fetch(`${o.central.url}/v1/enrol`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          code: await o.central.code(id),
          deviceKey: `key-${role}-0123456789abcdef`,
        }),
      });
      expect(res.status).toBe(200);
      return ((await res.json()) as { token: string }).token;
    };
    const manager = await tokenOf('manager');
    const adviser = await tokenOf('adviser');
    const get = (query: string, token?: string) =>
      fetch(`${o.central.url}/v1/reports/performance?${query}`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
    const query = `from=${PERIOD.from}&to=${PERIOD.to}&today=${TODAY}`;
    const ok = await get(`${query}&by=office`, manager);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual(await centralReport(db, { ...PERIOD, by: 'office' }));
    const anon = await get(`${query}&by=adviser&anonymised=true&minCell=1000`, manager);
    const body = (await anon.json()) as { groups: { rules: { suppressed?: boolean }[] }[] };
    expect(body.groups.flatMap((g) => g.rules).every((r) => r.suppressed === true)).toBe(true);
    expect((await get(query, adviser)).status).toBe(403);
    expect((await get(query)).status).toBe(401);
    expect((await get(query, 'x'.repeat(40))).status).toBe(401);
    for (const [bad, field] of [
      [`from=2026-02-30&to=${PERIOD.to}`, 'from'],
      [`from=${PERIOD.to}&to=${PERIOD.from}`, 'from'],
      [`${query}&by=region`, 'by'],
      [`${query}&minCell=5`, 'minCell'],
      [`${query}&anonymised=true&minCell=0`, 'minCell'],
      [`to=${PERIOD.to}`, 'from'],
    ] as const) {
      const res = await get(bad, manager);
      expect(res.status, bad).toBe(400);
      expect(await res.json()).toMatchObject({ code: 'invalid_request', field });
    }
  });

  it('gives a subcontractor’s manager only their own organisation’s figures, whatever they ask', async () => {
    const { db } = o.central.store;
    const managerIn = async (officeId: string, key: string) => {
      const { id } = await addUser(db, { name: `Manager ${key}`, officeId, role: 'manager' });
      const res = await fetch(`${o.central.url}/v1/enrol`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          code: await o.central.code(id),
          deviceKey: `key-${key}-0123456789abcdef`,
        }),
      });
      return ((await res.json()) as { token: string }).token;
    };
    const [leeds, halifax] = o.advisers;
    const subManager = await managerIn(halifax!.officeId, 'sub-manager');
    const primeManager = await managerIn(leeds!.officeId, 'prime-manager');
    const get = async (query: string, token: string) => {
      const res = await fetch(
        `${o.central.url}/v1/reports/performance?from=${PERIOD.from}&to=${PERIOD.to}&today=${TODAY}${query}`,
        { headers: { authorization: `Bearer ${token}` } },
      );
      expect(res.status).toBe(200);
      return (await res.json()) as Report;
    };
    // The subcontractor's whole-scope figures are exactly its adviser's device's own report.
    const own = await deviceReport(o.devices[1]!);
    const sub = await get('', subManager);
    expect(sub.rules).toEqual(own.rules);
    const whole = await get('', primeManager);
    expect(whole).toEqual(await centralReport(db, PERIOD));
    expect(whole.rules).not.toEqual(sub.rules);
    // Grouped any way, only the subcontractor's own groups appear.
    for (const by of ['adviser', 'office', 'provider', 'subcontractor'] as const) {
      const groups = (await get(`&by=${by}`, subManager)).groups.map((g) => g.name);
      const expected = {
        adviser: ['Tom Reed'],
        office: ['Halifax Works'],
        provider: ['Calder Skills'],
        subcontractor: ['Calder Skills'],
      }[by];
      expect(groups, by).toEqual(expected);
    }
    const primeOffices = (await get('&by=office', primeManager)).groups.map((g) => g.name);
    expect(primeOffices).toEqual(['Halifax Works', 'Leeds Hub']);
  });

  it('prints the same JSON through `npm run -s central -- report` and refuses bad options', async () => {
    // The command opens the embedded store itself, so the in-process server lets go first.
    await o.central.app.close();
    await o.central.store.close();
    o.released = true;
    const args = ['run', '-s', 'central', '--', 'report', '--data', o.dir!];
    const period = ['--from', PERIOD.from, '--to', PERIOD.to, '--today', TODAY];
    const { stdout } = await run('npm', [...args, ...period, '--by', 'office']);
    const printed = JSON.parse(stdout) as Report;
    const own = await Promise.all(o.devices.map(deviceReport));
    expect(printed.groups.find((g) => g.name === 'Leeds Hub')!.rules).toEqual(own[0]!.rules);
    const anon = JSON.parse(
      (await run('npm', [...args, ...period, '--anonymised', '--min-cell', '1'])).stdout,
    ) as Report;
    expect(anon.rules).toEqual(printed.rules);
    const bad = async (extra: string[]) =>
      run('npm', [...args, ...extra]).then(
        () => ({ code: 0, stderr: '' }),
        (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
      );
    expect(await bad(['--from', '2026-02-30', '--to', '2026-03-01'])).toMatchObject({
      code: 3,
      stderr: expect.stringContaining('--from'),
    });
    expect(await bad(['--from', '2026-03-02', '--to', '2026-03-01'])).toMatchObject({ code: 3 });
    expect(await bad([...period, '--by', 'region'])).toMatchObject({
      code: 3,
      stderr: expect.stringContaining('--by'),
    });
    expect(await bad([...period, '--min-cell', '5'])).toMatchObject({ code: 2 });
    expect(await bad([...period, '--anonymised', '--min-cell', '0'])).toMatchObject({ code: 3 });
    expect(await bad(['--to', PERIOD.to])).toMatchObject({ code: 2 });
  }, 120_000);
});

describe('central report on PostgreSQL 15', () => {
  let cluster: PostgresCluster;
  let o: Org;
  beforeAll(async () => {
    cluster = await startPostgres();
    o = await organisation(await cluster.createDatabase('central_report'));
  }, 300_000);
  afterAll(async () => {
    await closeOrg(o);
    await cluster?.stop();
  });

  it('equals the devices’ own reports, by adviser', async () => {
    const byAdviser = await centralReport(o.central.store.db, { ...PERIOD, by: 'adviser' });
    const expected = buildReport(byParticipant(await bothDevicesObligations(o)), null, PERIOD);
    expect(byAdviser.rules).toEqual(expected.rules);
    for (const [i, device] of o.devices.entries())
      expect(byAdviser.groups.find((g) => g.id === o.advisers[i]!.id)!.rules).toEqual(
        (await deviceReport(device)).rules,
      );
  });
});
