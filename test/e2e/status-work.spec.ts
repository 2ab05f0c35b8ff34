/**
 * Status, attendance and exit using only the screens: from a new referral, record a reason the
 * participant cannot attend in person (errors next to the fields and in the focused summary),
 * correct the status with a required reason, record the exit review (which exits them) and print
 * the hand-back summary for Jobcentre Plus (the PDF the harness desktop received is read back).
 * The timeline then shows each in words. Axe on every state; focus lands on each confirmation.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations } from './fixtures';
import { fillReferralForm, SAMPLE, setUpThroughUi } from './helpers';
import { pdfText } from '../pdf/pdf-reader';

async function fillDate(page: Page, legend: string | RegExp, [d, m, y]: string[]) {
  const group = page.getByRole('group', { name: legend });
  await group.getByLabel('Day').fill(d!);
  await group.getByLabel('Month').fill(m!);
  await group.getByLabel('Year').fill(y!);
}

const parts = (d: Date) => [String(d.getDate()), String(d.getMonth() + 1), String(d.getFullYear())];

test('exemption, status correction, exit review and hand-back using only the screens', async ({
  app,
  harness,
}) => {
  await setUpThroughUi(app);
  const today = new Date();
  const referralDay = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 20);
  await app.getByRole('link', { name: 'Add referral' }).click();
  await fillReferralForm(app, { ...SAMPLE, referralDate: parts(referralDay) as never });
  await app
    .getByRole('button', { name: /Add referral|Save/ })
    .first()
    .click();
  await expect(app.getByRole('heading', { level: 1, name: /Siân ap Gruffydd|Sian/ })).toBeVisible();

  await app.getByRole('link', { name: 'Status, attendance and exit review' }).click();
  await expect(
    app.getByRole('heading', { level: 1, name: 'Status, attendance and exit' }),
  ).toBeVisible();
  await expect(app.getByText('No reason to meet other than in person is recorded.')).toBeVisible();
  await expectNoAxeViolations(app);

  // The exemption: an impossible end date and no reason are named, and nothing is lost.
  const exemption = app.locator('form', {
    has: app.getByRole('heading', { name: /cannot attend in person/ }),
  });
  await fillDate(app, 'To (inclusive)', ['31', '11', String(today.getFullYear())]);
  await exemption.getByRole('button', { name: 'Record the exemption' }).click();
  let summary = exemption.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Enter a real date, for example 7 11 2026');
  await expect(summary).toContainText('Enter the reason they cannot attend in person');
  await expect(summary).not.toContainText('YYYY');
  await expect(app.getByRole('group', { name: 'To (inclusive)' }).getByLabel('Day')).toHaveValue(
    '31',
  );
  await expectNoAxeViolations(app);
  const until = new Date(today.getFullYear(), today.getMonth(), today.getDate() + 30);
  await fillDate(app, 'To (inclusive)', parts(until));
  await app.getByLabel('Why can they not attend in person?').fill('Caring for a parent at home');
  await exemption.getByRole('button', { name: 'Record the exemption' }).click();
  const banner = app
    .getByRole('region', { name: 'Success' })
    .or(app.locator('.notification-banner'));
  await expect(banner.first()).toContainText('Reason for not attending in person recorded');
  // The banner itself takes focus (it shows the focus outline and is announced as an alert).
  await expect(
    app.getByRole('alert').filter({ hasText: 'Reason for not attending in person recorded' }),
  ).toBeFocused();
  await expect(app.getByRole('list', { name: 'Recorded in-person exemptions' })).toContainText(
    'Caring for a parent at home',
  );
  await expectNoAxeViolations(app);

  // Correcting the status needs a reason.
  const correct = app.locator('form', {
    has: app.getByRole('heading', { name: 'Correct the status' }),
  });
  await correct.getByLabel('Started').check();
  await correct.getByRole('button', { name: 'Correct the status' }).click();
  summary = correct.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Enter why the status needs correcting');
  await expectNoAxeViolations(app);
  await correct
    .getByLabel('Why does the status need correcting?')
    .fill('Inducted by the previous adviser before the records moved over');
  await correct.getByRole('button', { name: 'Correct the status' }).click();
  await expect(app.locator(':focus')).toContainText('Status corrected to started');

  // The exit review exits them; the hand-back summary prints.
  const exit = app.locator('form', {
    has: app.getByRole('heading', { name: 'Record the exit review' }),
  });
  await exit.getByRole('button', { name: 'Record the exit review' }).click();
  summary = exit.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Choose the outcome of the review');
  await expect(summary).toContainText('Enter a summary of the review');
  await exit.getByLabel('Not in work: handed back to Jobcentre Plus').check();
  await exit
    .getByLabel('Where do they go next?')
    .fill('Their work coach at Cardiff Charles Street');
  await exit
    .getByLabel('Summary for Jobcentre Plus')
    .fill('Finished a forklift course; looking for warehouse work near home.');
  await exit.getByRole('button', { name: 'Record the exit review' }).click();
  await expect(app.locator(':focus')).toContainText('Exit review recorded. Status is now exited');
  await expectNoAxeViolations(app);
  await app.getByRole('button', { name: 'Print the hand-back summary for Jobcentre Plus' }).click();
  await expect(app.getByRole('status').filter({ hasText: 'sent to the printer' })).toBeVisible();
  const printed = harness.desktop.calls.at(-1)!;
  const text = (await pdfText(readFileSync(printed.file))).replace(/\s+/g, ' ');
  expect(text).toContain('Exit review: hand-back summary for Jobcentre Plus');
  expect(text).toContain('Finished a forklift course; looking for warehouse work near home.');

  // The timeline says each in words, with what was typed.
  await app.getByRole('link', { name: /Back to/ }).click();
  const timeline = app.locator('ol.timeline');
  await expect(timeline).toContainText('Status corrected: Started');
  await expect(timeline).toContainText('Reason: Inducted by the previous adviser');
  await expect(timeline).toContainText('Cannot attend in person');
  await expect(timeline).toContainText('Reason: Caring for a parent at home');
  await expect(timeline).toContainText('Exit review');
  await expect(timeline).toContainText('Finished a forklift course');
  await expect(timeline).not.toContainText(/\d{4}-\d{2}-\d{2}|handed-back|in-person-exemption/);
  await expectNoAxeViolations(app);
});

test('when a participant can attend, and the adviser’s leave, using only the screens', async ({
  app,
}) => {
  await setUpThroughUi(app);
  const today = new Date();
  await app.getByRole('link', { name: 'Add referral' }).click();
  await fillReferralForm(app, { ...SAMPLE, referralDate: parts(today) as never });
  await app
    .getByRole('button', { name: /Add referral|Save/ })
    .first()
    .click();
  await app.getByRole('link', { name: 'Status, attendance and exit review' }).click();

  // The participant's days, time of day and needs are saved and shown back as saved.
  const days = app.getByRole('group', { name: /Which days can they come/ });
  await days.getByLabel('Tuesday').check();
  await days.getByLabel('Thursday').check();
  await app
    .getByRole('group', { name: 'What time of day?' })
    .getByLabel(/Afternoons/)
    .check();
  await app.getByLabel('Step-free access').check();
  await app.getByRole('button', { name: 'Save when they can attend' }).click();
  await expect(app.locator(':focus')).toContainText('When they can attend saved');
  await app.reload();
  await expect(days.getByLabel('Tuesday')).toBeChecked();
  await expect(days.getByLabel('Thursday')).toBeChecked();
  await expect(days.getByLabel('Monday')).not.toBeChecked();
  await expect(
    app.getByRole('group', { name: 'What time of day?' }).getByLabel(/Afternoons/),
  ).toBeChecked();
  await expect(app.getByLabel('Step-free access')).toBeChecked();
  await expectNoAxeViolations(app);

  // Leave: a last day before the first is named; then added, listed in words and removed.
  await app.getByRole('link', { name: 'Diary', exact: true }).click();
  await app.getByRole('link', { name: 'Your leave' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Your leave' })).toBeVisible();
  await expect(app.getByText('No leave is recorded.')).toBeVisible();
  await expectNoAxeViolations(app);
  const later = new Date(today.getFullYear(), today.getMonth(), today.getDate() + 14);
  const earlier = new Date(today.getFullYear(), today.getMonth(), today.getDate() + 10);
  await fillDate(app, 'First day', parts(later));
  await fillDate(app, 'Last day', parts(earlier));
  await app.getByRole('button', { name: 'Add leave' }).click();
  const summary = app.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Leave must end on or after it starts');
  await expectNoAxeViolations(app);
  await fillDate(app, 'Last day', parts(later));
  await app.getByLabel('Reason (optional)').fill('Annual leave');
  await app.getByRole('button', { name: 'Add leave' }).click();
  await expect(app.locator(':focus')).toContainText(
    'Leave added. No booked appointments fall in it.',
  );
  const list = app.getByRole('list', { name: 'Your recorded leave' });
  await expect(list).toContainText('Annual leave');
  await expect(list).not.toContainText(/\d{4}-\d{2}-\d{2}/);
  await expectNoAxeViolations(app);
  await list.getByRole('button', { name: /Remove/ }).click();
  await expect(app.locator(':focus')).toContainText('Leave removed');
  await expect(app.getByText('No leave is recorded.')).toBeVisible();
});
