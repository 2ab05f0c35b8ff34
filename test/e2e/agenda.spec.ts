import type { Locator, Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations } from './fixtures';
import { setUpDirectly } from './helpers';
import { referral } from '../support/referrals';
import type { E2eServer } from '../support/e2e-server';
import { addDays } from '../../src-shared/domain/calendar/civil-date';
import { londonDate } from '../../src-shared/domain/identity/civil-date';
import type { ReferralInput } from '../../src-shared/schemas/participant';

const today = londonDate(new Date());

async function ipc(page: Page, channel: string, input: unknown): Promise<unknown> {
  const result = (await page.evaluate(
    ([c, i]) =>
      (window.waymark as unknown as Record<string, (x: unknown) => Promise<unknown>>)[c as string]!(
        i,
      ),
    [channel, input] as const,
  )) as { ok: boolean; value?: unknown; error?: unknown };
  expect(result, `${channel}: ${JSON.stringify(result.error)}`).toMatchObject({ ok: true });
  return result.value;
}

async function addParticipant(page: Page, r: Partial<ReferralInput>): Promise<string> {
  return ((await ipc(page, 'participant:create', referral(r))) as { id: string }).id;
}

/** Referred a week ago, allocated and first contacted since: the induction clock (R3) runs. */
async function contactedParticipant(page: Page): Promise<string> {
  const id = await addParticipant(page, {
    givenName: 'Priya',
    familyName: 'Shah',
    referralId: 'JCP-AGENDA-1',
    referralDate: addDays(today, -7),
  });
  await ipc(page, 'participant:setStatus', { id, status: 'allocated', date: addDays(today, -6) });
  await ipc(page, 'participant:setStatus', { id, status: 'contacted', date: addDays(today, -5) });
  return id;
}

/** The row of a rule by its title (a promise's words can name another rule's title). */
const ruleRow = (list: Locator, title: string) =>
  list.getByRole('listitem').filter({
    has: list.page().locator('.agenda-item__rule-title, .agenda-item__rule', {
      hasText: new RegExp(`^${title}$`),
    }),
  });

const diary = (harness: E2eServer) => harness.backend.session.require().services.diary;

test('booking an induction meets R3, and moving appointments changes the agenda', async ({
  app,
  harness,
}) => {
  await setUpDirectly(app);
  const priya = await contactedParticipant(app);
  // Referred a month ago and never allocated: R1 is overdue.
  await addParticipant(app, {
    givenName: 'Olu',
    familyName: 'Adebayo',
    referralId: 'JCP-AGENDA-2',
    niNumber: 'AB 65 43 21 C',
    referralDate: addDays(today, -30),
  });
  await addParticipant(app, {
    givenName: 'Zara',
    familyName: 'Khan',
    referralId: 'JCP-AGENDA-3',
    niNumber: 'AB 11 22 33 C',
    referralDate: addDays(today, -40),
  });

  await app.goto(`${harness.url}/#/participants/${priya}`);
  const obligations = app.getByRole('region', { name: 'Charter obligations' });
  const outstanding = obligations.getByRole('list', { name: 'Outstanding obligations' });
  await expect(ruleRow(outstanding, 'Induction meeting')).toContainText('Pending');

  // Book the induction in two days' time: R3 is met.
  const induction = await diary(harness).book({
    participantId: priya,
    start: `${addDays(today, 2)}T10:00`,
    end: `${addDays(today, 2)}T11:00`,
    kind: 'induction',
    channel: 'phone',
  });
  await app.reload();
  await expect(ruleRow(outstanding, 'Induction meeting')).toHaveCount(0);
  await obligations.getByText(/Met obligations/).click();
  const met = obligations.getByRole('list', { name: 'Met obligations' });
  const r3 = ruleRow(met, 'Induction meeting');
  await expect(r3.locator('.tag')).toHaveText('Met');
  await r3.getByText('The promise').click();
  await expect(r3.locator('blockquote')).toContainText('within 14 days of this initial contact');
  await expect(r3).toContainText('Work Programme');
  await expectNoAxeViolations(app);
  await app.screenshot({ path: '/tmp/waymark-participant-obligations.png', fullPage: true });

  // Moving it three weeks on makes the induction late.
  await diary(harness).move(
    induction.id,
    induction.version,
    `${addDays(today, 21)}T10:00`,
    `${addDays(today, 21)}T11:00`,
  );
  await app.reload();
  await obligations.getByText(/Met obligations/).click();
  await expect(ruleRow(met, 'Induction meeting').locator('.tag')).toHaveText('Met late');

  // A meeting today is on the agenda; moved to next week, it leaves today's list.
  const meeting = await diary(harness).book({
    participantId: priya,
    start: `${today}T16:00`,
    end: `${today}T16:30`,
    kind: 'regular',
    channel: 'phone',
  });
  await app.getByRole('link', { name: 'Agenda', exact: true }).click();
  await expect(app.getByRole('heading', { level: 1, name: /Agenda/ })).toBeVisible();
  const todays = app.locator('.grid-column-one-third ul').first();
  await expect(todays.getByRole('link', { name: 'Priya Shah' })).toBeVisible();
  await expect(todays).toContainText('16:00–16:30');

  const overdue = app.getByRole('region', { name: /^Overdue/ });
  const olu = ruleRow(overdue, 'Allocation to a provider').filter({ hasText: 'Olu Adebayo' });
  await expect(olu.getByRole('link', { name: /Olu Adebayo/ })).toBeVisible();
  await olu.getByText('The promise').click();
  await expect(olu.locator('blockquote')).toContainText('within 10 days of referral');
  await expectNoAxeViolations(app);
  await app.screenshot({ path: '/tmp/waymark-agenda.png', fullPage: true });

  await diary(harness).move(
    meeting.id,
    meeting.version,
    `${addDays(today, 7)}T16:00`,
    `${addDays(today, 7)}T16:30`,
  );
  await app.reload();
  await expect(app.getByText('No appointments today.')).toBeVisible();

  // Most overdue first; j and k move between rows, o opens the participant.
  const zaraLink = overdue.getByRole('link', { name: /Zara Khan/ });
  const oluLink = overdue.getByRole('link', { name: /Olu Adebayo/ });
  await expect(app.locator('a[data-agenda-row]').first()).toHaveAccessibleName(/Zara Khan/);
  await zaraLink.focus();
  await app.keyboard.press('j');
  await expect(oluLink).toBeFocused();
  await app.keyboard.press('k');
  await expect(zaraLink).toBeFocused();
  await app.keyboard.press('j');
  await app.keyboard.press('o');
  await expect(app.getByRole('heading', { level: 1, name: /Olu Adebayo/ })).toBeVisible();
});

test('profiles: read-only for an adviser; a manager copies one with a new number', async ({
  app,
  harness,
}) => {
  await setUpDirectly(app);
  await app.getByRole('link', { name: 'Charter profiles' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Charter profiles' })).toBeVisible();
  await expect(app.getByText('Only a manager can copy and change profiles')).toBeVisible();
  await expectNoAxeViolations(app);
  await app.getByRole('link', { name: 'Work Programme' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Work Programme' })).toBeVisible();
  await expect(app.getByRole('button', { name: 'Save copy' })).toHaveCount(0);
  await expectNoAxeViolations(app);

  // Provisioned as a manager (`init --role manager` in real use), the page offers the copy form.
  harness.backend.session
    .require()
    .opened.raw.prepare("UPDATE advisers SET role = 'manager'")
    .run();
  await app.reload();
  const r1 = app.getByRole('group', { name: /R1: Allocation to a provider/ });
  await app.getByLabel('Id for your copy').fill('acme-work-programme');
  await app.getByLabel('Name', { exact: true }).fill('Acme Work Programme');
  await r1.getByLabel('Days').fill('0');
  await app.getByRole('button', { name: 'Save copy' }).click();
  const summary = app.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('R1 days must be 1 or more');
  await expectNoAxeViolations(app);
  await app.screenshot({ path: '/tmp/waymark-profile-errors.png' });
  await summary.getByRole('link', { name: /R1 days/ }).click();
  await expect(r1.getByLabel('Days')).toBeFocused();

  await r1.getByLabel('Days').fill('5');
  await r1
    .getByLabel('Promise, as participants are told it')
    .fill('Allocate you to an adviser within 5 days of referral.');
  await app.getByRole('button', { name: 'Save copy' }).click();
  await expect(app.getByRole('heading', { level: 1, name: /Acme Work Programme/ })).toBeVisible();
  await expect(app.getByRole('alert')).toContainText('Saved Acme Work Programme, version 1');
  await expectNoAxeViolations(app);

  // A participant on the copy is promised (and owed) allocation within 5 days.
  const id = await addParticipant(app, {
    charterProfile: 'acme-work-programme',
    referralDate: today,
  });
  await app.goto(`${harness.url}/#/participants/${id}`);
  const allocation = ruleRow(
    app.getByRole('list', { name: 'Outstanding obligations' }),
    'Allocation to a provider',
  );
  await allocation.getByText('The promise').click();
  await expect(allocation.locator('blockquote')).toHaveText(
    'Allocate you to an adviser within 5 days of referral.',
  );
  await expect(allocation).toContainText('Acme Work Programme (version 1)');
});
