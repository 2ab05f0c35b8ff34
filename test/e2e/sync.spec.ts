/**
 * Sync through the app's screens against the REAL central service: its command line creates the
 * organisation, office, adviser and one-time codes in an embedded store, and `serve --port 0`
 * listens on loopback. The adviser enrols through "This computer and the service", syncs, and
 * decides a two-device identity conflict on the conflicts screen; a second device (another real
 * encrypted caseload driven by the app's own sync service in this process) makes the other edit.
 */
import type { Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations } from './fixtures';
import { fillReferralForm, SAMPLE, setUpDirectly } from './helpers';
import { central, serveCentral, type CentralServer } from '../support/central-process';
import { tempCaseload, tempDir } from '../support/temp-caseload';
import {
  referralSchema,
  type Participant,
  type Referral,
} from '../../src-shared/schemas/participant';
import { referral } from '../support/referrals';

const ORGANISATION = 'Northern Employment Partnership';

let store: { dir: string; cleanup: () => void };
let server: CentralServer | null = null;
let adviserId = '';
const codes: string[] = [];

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  store = tempDir('waymark central ');
  await central('init', '--data', store.dir, '--organisation', ORGANISATION);
  const office = await central<{ id: string }>(
    'office',
    'add',
    '--data',
    store.dir,
    '--name',
    'Sheffield',
    '--nation',
    'england',
  );
  adviserId = (
    await central<{ id: string }>(
      'adviser',
      'add',
      '--data',
      store.dir,
      '--name',
      'Ada Adviser',
      '--office',
      office.id,
    )
  ).id;
  // Administrative commands need the store to themselves: make every code before serving.
  for (let i = 0; i < 3; i++)
    codes.push(
      (await central<{ code: string }>('enrol', '--data', store.dir, '--adviser', adviserId)).code,
    );
  server = await serveCentral(store.dir);
});

test.afterAll(async () => {
  await server?.stop();
  store?.cleanup();
});

const header = (page: Page) => page.getByRole('status', { name: 'Sync status' });

async function openSyncSettings(page: Page) {
  await page
    .getByRole('navigation', { name: 'Primary' })
    .getByRole('link', { name: 'Sync' })
    .click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'This computer and the service' }),
  ).toBeFocused();
}

async function syncNow(page: Page) {
  await page.getByRole('button', { name: 'Sync now' }).click();
  const banner = page.getByRole('alert').filter({ hasText: 'Sync finished' });
  await expect(banner).toBeFocused({ timeout: 30_000 });
  return banner;
}

async function enrolThroughUi(page: Page, code: string) {
  await openSyncSettings(page);
  await page.getByLabel('Service address').fill(server!.url);
  await page.getByLabel('Enrolment code').fill(code);
  await page.getByRole('button', { name: 'Connect this computer' }).click();
  const banner = page.getByRole('alert').filter({ hasText: 'Connected' });
  await expect(banner).toBeFocused({ timeout: 30_000 });
  await expect(banner).toContainText(`This computer is now connected to ${ORGANISATION}`);
}

/** 1280 px at 200% zoom is 640 CSS px: nothing may need scrolling sideways. */
async function expectReflowsAt200Percent(page: Page) {
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: 640, height: 720 });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  // The header is at the top of the page: a banner that took focus further down may have
  // scrolled it out of view vertically, which says nothing about reflow.
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(header(page)).toBeInViewport();
  await page.setViewportSize(size);
}

const time = /today at \d{2}:\d{2}/;

test('enrol with a code through the screens, make a change, sync now: synced', async ({ app }) => {
  await setUpDirectly(app);
  await expect(header(app)).toContainText('Not connected to the service');
  await openSyncSettings(app);
  await expectNoAxeViolations(app);

  // Nothing entered: both problems next to their fields and in the summary, which takes focus.
  await app.getByRole('button', { name: 'Connect this computer' }).click();
  const summary = app.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Enter the sync server address');
  await expect(summary).toContainText('Enter the enrolment code your manager gave you');
  await expect(app.locator('#sync-server-error')).toContainText('Enter the sync server address');
  await expect(app.getByLabel('Service address')).toHaveAttribute('aria-invalid', 'true');
  await summary
    .getByRole('link', { name: 'Enter the enrolment code your manager gave you' })
    .click();
  await expect(app.getByLabel('Enrolment code')).toBeFocused();
  await expectNoAxeViolations(app);

  // A code the service does not know: the service's answer, next to the code.
  await app.getByLabel('Service address').fill(server!.url);
  await app.getByLabel('Enrolment code').fill('NOT-A-REAL-CODE');
  await app.getByRole('button', { name: 'Connect this computer' }).click();
  await expect(summary).toBeFocused({ timeout: 30_000 });
  await expect(app.locator('#sync-code-error')).toContainText('not known to the sync server');
  await expect(app.locator('#sync-server-error')).toHaveCount(0);
  await expect(header(app)).toContainText('Not connected to the service');

  await app.getByLabel('Enrolment code').fill(codes[0]!);
  await app.getByRole('button', { name: 'Connect this computer' }).click();
  const connected = app.getByRole('alert').filter({ hasText: 'Connected' });
  await expect(connected).toBeFocused({ timeout: 30_000 });
  await expect(connected).toContainText(`This computer is now connected to ${ORGANISATION}`);
  const details = app.locator('.summary-list');
  await expect(details).toContainText(ORGANISATION);
  await expect(details).toContainText(server!.url);
  await expect(details).toContainText('Ada Adviser');
  await expect(header(app)).toContainText('Synced');
  await expect(header(app)).toContainText(time);
  await expectNoAxeViolations(app);

  // A change made here waits, and the header says how many and since when.
  await app.getByRole('link', { name: 'Add referral' }).click();
  await fillReferralForm(app, SAMPLE);
  await app.getByRole('button', { name: 'Add referral' }).click();
  await expect(app.getByRole('heading', { level: 1, name: /Siân ap Gruffydd/ })).toBeVisible();
  const participantUrl = app.url();
  // The participant page says this participant's records wait, how many and since when.
  const panel = app.getByRole('region', { name: /^Sync:/ });
  await expect(panel).toHaveAccessibleName('Sync: Waiting to sync', { timeout: 20_000 });
  await expect(panel).toContainText(
    /\d+ changes? to these records (is|are) waiting to go to the service, since today at \d{2}:\d{2}\./,
  );
  await expectNoAxeViolations(app);
  await expect(header(app)).toContainText('Waiting to sync', { timeout: 20_000 });
  await expect(header(app)).toContainText(/\d+ changes? waiting since today at \d{2}:\d{2}/);
  await openSyncSettings(app);
  const waiting = app.getByRole('table', { name: /Changes waiting to sync/ });
  await expect(waiting.getByRole('row', { name: /Participant details/ })).toBeVisible();
  await expectNoAxeViolations(app);

  const banner = await syncNow(app);
  await expect(banner).toContainText(time);
  await expect(header(app)).toContainText('Synced');
  await expect(header(app)).not.toContainText('Waiting');
  await expect(app.getByText('Nothing is waiting.')).toBeVisible();
  await expectNoAxeViolations(app);
  await expectReflowsAt200Percent(app);

  await app.goto(participantUrl);
  await expect(panel).toHaveAccessibleName('Sync: Synced');
  await expect(panel).toContainText(
    'Every change to these records on this computer is on the service.',
  );
  await expectNoAxeViolations(app);
});

/** The participant as a referral again (the form's fields), for the second device's edit. */
function asReferral(p: Participant, change: Partial<Referral>): Referral {
  return referralSchema.parse({
    ...referral(),
    givenName: p.givenName,
    familyName: p.familyName,
    dateOfBirth: p.dateOfBirth,
    niNumber: p.niNumber,
    address: p.address,
    referralId: p.referralId,
    referralDate: p.referralDate,
    ...change,
  });
}

test('two devices change the same family name: the adviser chooses, and the service holds it', async ({
  app,
  harness,
}) => {
  test.setTimeout(240_000);
  await setUpDirectly(app);
  const a = harness.backend.session.require().services;
  const { id } = await a.participants.create(
    referralSchema.parse(referral({ familyName: 'Wiśniewska', referralId: 'JCP-SYNC-1' })),
  );
  await enrolThroughUi(app, codes[1]!);
  await expect(header(app)).toContainText('Synced');

  // The second computer of the same adviser: enrol with its own code, pull, edit, sync first.
  const b = await tempCaseload();
  try {
    const enrolled = await b.services.sync.enrol(server!.url, codes[2]!);
    expect(enrolled.ok).toBe(true);
    const there = await b.services.participants.get(id);
    expect(there.familyName).toBe('Wiśniewska');
    // This computer changes the jobcentre office first; the other computer changes it later and
    // syncs first, so the later edit wins (last writer) and this computer's is shown as kept.
    const here = await a.participants.get(id);
    await a.participants.update(
      id,
      here.version,
      asReferral(here, { jobcentreOffice: 'Sheffield City' }),
    );
    await b.services.participants.update(
      id,
      there.version,
      asReferral(there, { familyName: 'Bevan', jobcentreOffice: 'Rotherham' }),
    );
    expect((await b.services.sync.syncNow()).ok).toBe(true);

    // Meanwhile, on this computer, the adviser changes it too.
    await app.goto(`${harness.url}/#/participants/${id}/edit`);
    await app.getByLabel('Last name').fill('Pritchard');
    await app.getByRole('button', { name: 'Save changes' }).click();
    await expect(app.getByRole('alert').filter({ hasText: 'Details saved' })).toBeFocused();

    await openSyncSettings(app);
    const banner = await syncNow(app);
    await expect(banner).toContainText('1 conflict needs you to choose a value');
    await expect(header(app)).toContainText('1 conflict to resolve');
    await expect(header(app).getByRole('link', { name: /1 conflict to resolve/ })).toHaveAttribute(
      'href',
      '#/sync/conflicts',
    );

    // The participant's page says so too, and links to this participant's conflicts.
    await app.goto(`${harness.url}/#/participants/${id}`);
    const panel = app.getByRole('region', { name: /^Sync:/ });
    await expect(panel).toHaveAccessibleName('Sync: 1 value to choose');
    await expect(panel).toContainText('Nothing has been overwritten');
    await expectNoAxeViolations(app);
    await panel.getByRole('link', { name: 'Choose which value to keep' }).click();
    await expect(app.getByRole('heading', { level: 1, name: 'Sync conflicts' })).toBeFocused();
    await expect(app.getByText(/Conflicts for Zofia \S+ only\./)).toBeVisible();
    const conflict = app.getByRole('region', { name: /^Zofia \S+: family name$/ });
    const mine = conflict.getByRole('radio', { name: /On this computer/ });
    const theirs = conflict.getByRole('radio', { name: /On the service/ });
    // Each value with who made it, on which computer, when; and which one the service holds.
    await expect(mine).toHaveAccessibleName(
      /Pritchard\s*Ada Adviser on this computer, today at \d{2}:\d{2}\.$/,
    );
    await expect(theirs).toHaveAccessibleName(
      /Bevan\s*Ada Adviser on .+, today at \d{2}:\d{2}\. The service holds this value\.$/,
    );
    await expectNoAxeViolations(app);

    // Confirming without a choice: the problem is named and focused, nothing is decided.
    await conflict.getByRole('button', { name: 'Keep this family name' }).click();
    const summary = app.getByRole('alert').filter({ hasText: 'There is a problem' });
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('Choose which family name to keep');
    await expectNoAxeViolations(app);

    await mine.check();
    await conflict.getByRole('button', { name: 'Keep this family name' }).click();
    const done = app.getByRole('alert').filter({ hasText: 'Done' });
    await expect(done).toBeFocused();
    await expect(done).toContainText(
      'Kept ‘Pritchard’ (the value on this computer) as the family name',
    );
    await expect(conflict).toHaveCount(0);
    await expectNoAxeViolations(app);
    await expectReflowsAt200Percent(app);

    const lost = app.getByRole('listitem').filter({ hasText: /jobcentre office/ });
    await expect(lost).toContainText('The service kept a later edit made on another computer');
    await expect(lost).toContainText('Yours, ‘Sheffield City’, is saved here');
    await expect(lost).toContainText(
      /Kept by the service\s*Ada Adviser on .+, today at \d{2}:\d{2}/,
    );
    await expect(lost).toContainText(/Yours\s*Ada Adviser on this computer, today at \d{2}:\d{2}/);
    await lost.getByRole('button', { name: /I have seen this/ }).click();
    await expect(app.getByRole('alert').filter({ hasText: 'noted' })).toBeFocused();
    await expect(lost).toHaveCount(0);
    await expect(app.getByText('There are no conflicts.')).toBeVisible();

    await openSyncSettings(app);
    await syncNow(app);
    await expect(header(app)).toContainText('Synced');
    expect((await a.participants.get(id)).familyName).toBe('Pritchard');
    expect((await a.participants.get(id)).jobcentreOffice).toBe('Rotherham');

    // The service now holds the choice: the other computer pulls it, and the store exports it.
    expect((await b.services.sync.syncNow()).ok).toBe(true);
    expect((await b.services.participants.get(id)).familyName).toBe('Pritchard');
  } finally {
    await b.close();
  }
  const url = server!.url;
  await server!.stop();
  server = null;
  const exported = await central<{ participants: { id: string; familyName: string }[] }>(
    'export',
    '--data',
    store.dir,
    '--adviser',
    adviserId,
  );
  expect(exported.participants.find((p) => p.id === id)?.familyName).toBe('Pritchard');

  // With the service down, a change waits and the header says offline, not synced.
  const now = await a.participants.get(id);
  await a.participants.update(id, now.version, asReferral(now, { phone: '0114 496 0000' }));
  await app.getByRole('button', { name: 'Sync now' }).click();
  const unreachable = app.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(unreachable).toBeFocused({ timeout: 60_000 });
  await expect(unreachable).toContainText('could not be reached');
  await expect(unreachable).toContainText('Your changes are kept on this computer');
  await expect(header(app)).toContainText('Offline');
  await expect(header(app)).toContainText(/1 change waiting since today at \d{2}:\d{2}/);
  await expect(
    app
      .getByRole('table', { name: /Changes waiting to sync/ })
      .getByRole('row', { name: /Participant details/ }),
  ).toBeVisible();
  await expectNoAxeViolations(app);

  // The organisation withdraws this computer: the screens say so and nothing claims "synced".
  const state = await a.wp.db
    .selectFrom('sync_state')
    .select('device_id')
    .executeTakeFirstOrThrow();
  await central('revoke', '--data', store.dir, '--device', state.device_id!);
  server = await serveCentral(store.dir, Number(new URL(url).port));
  await app.getByRole('button', { name: 'Sync now' }).click();
  const problem = app.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(problem).toBeFocused({ timeout: 30_000 });
  await expect(problem).toContainText('withdrawn');
  await expect(
    app.getByRole('region', { name: 'This computer has been removed from the service' }),
  ).toBeVisible();
  await expect(app.getByRole('button', { name: 'Sync now' })).toHaveCount(0);
  await expect(header(app)).toContainText('Removed from the service');
  await expect(header(app)).toContainText('kept on this computer');
  await expect(
    app.getByRole('region', { name: 'This computer has been removed from the service' }),
  ).toContainText('1 change made here could not be sent. It is kept on this computer.');
  await expectNoAxeViolations(app);
});
