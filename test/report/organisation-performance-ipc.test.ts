/**
 * The manager's organisation figures over the real router, from a real central service over real
 * HTTP: the figures equal the central report; when the service is gone, the last figures fetched
 * for the same question come back marked as not live with their time; a question never asked
 * before is refused plainly; an adviser is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouter } from '../../src-main/ipc/router';
import { createHandlers } from '../../src-main/ipc/handlers';
import { APP_ORIGIN } from '../../src-main/app/backend';
import { addUser } from '../../src-central/org/organisation';
import { centralReport } from '../../src-central/reports/performance';
import { londonDate } from '../../src-shared/domain/identity/civil-date';
import { addDays } from '../../src-shared/domain/calendar/civil-date';
import type { CentralReportView } from '../../src-shared/ipc/channels/organisation';
import { enrol, newDevice, startCentral, type Central, type Device } from '../sync/harness';

const today = londonDate(new Date());
const period = { from: addDays(today, -90), to: today };
let central: Central;
let adviser: Device;
let manager: Device;
let centralClosed = false;

beforeAll(async () => {
  central = await startCentral();
  adviser = await newDevice();
  const adviserId = await central.addAdviser('Priya Shah');
  for (let n = 1; n <= 3; n++) await adviser.addParticipant(n);
  await (await enrol(central, adviser, adviserId)).sync();
  const office = await central.store.db
    .selectFrom('offices')
    .select('id')
    .executeTakeFirstOrThrow();
  const { id } = await addUser(central.store.db, {
    name: 'Mina Manager',
    officeId: office.id,
    role: 'manager',
  });
  manager = await newDevice();
  await enrol(central, manager, id);
  await manager.c.services.wp.db.updateTable('advisers').set({ role: 'manager' }).execute();
}, 180_000);
afterAll(async () => {
  await adviser?.close();
  await manager?.close();
  if (!centralClosed) await central?.close();
});

const router = () => {
  const session = manager.c.session;
  return createRouter(createHandlers(session), {
    trustedOrigins: [APP_ORIGIN],
    signedIn: () => session.signedIn(),
  });
};
const ask = (input: unknown) => router()('organisation:performance', input, APP_ORIGIN);

describe('organisation performance for a manager', () => {
  it('fetches the central figures, then shows the last fetched with their time when offline', async () => {
    const live = await ask({ ...period, view: 'office' });
    expect(live, JSON.stringify(live)).toMatchObject({ ok: true });
    const view = (live as { value: CentralReportView }).value;
    expect(view.live).toBe(true);
    expect(view.report).toEqual(
      await centralReport(central.store.db, { ...period, today, by: 'office' }),
    );
    expect(view.report.rules.length).toBeGreaterThan(0);
    expect(view.report.groups.map((g) => g.name)).toEqual(['Sheffield']);

    await central.app.close();
    const offline = await ask({ ...period, view: 'office' });
    expect(offline).toMatchObject({
      ok: true,
      value: { live: false, fetchedAt: view.fetchedAt, report: view.report },
    });
    expect((offline as { value: CentralReportView }).value.problem).toMatch(/could not be reached/);

    const never = await ask({ ...period, view: 'organisation' });
    expect(never).toMatchObject({
      ok: false,
      error: { code: 'refused', message: expect.stringMatching(/No figures for this period/) },
    });
    await central.store.close();
    centralClosed = true;
  });

  it('refuses an adviser and a bad question before asking the service', async () => {
    await manager.c.services.wp.db.updateTable('advisers').set({ role: 'adviser' }).execute();
    expect(await ask({ ...period, view: 'office' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    await manager.c.services.wp.db.updateTable('advisers').set({ role: 'manager' }).execute();
    expect(await ask({ ...period, view: 'region' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', field: 'view' },
    });
    expect(await ask({ from: period.to, to: period.from, view: 'office' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', field: 'from' },
    });
  });
});
