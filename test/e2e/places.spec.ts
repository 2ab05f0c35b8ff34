/**
 * A new install to a booked induction using only the screens: set up, the first-run guide, an
 * office (with its errors shown next to the fields), the working pattern (several sessions a
 * day, shown back exactly as saved), a referral, and a booking from the slot finder. Axe on each
 * screen, and each screen reflows at 320 CSS pixels (200% zoom of a 640 px window).
 */
import type { Locator, Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations } from './fixtures';
import { expectReflow, fillReferralForm, SAMPLE, setUpThroughUi } from './helpers';

async function fillDate(page: Page | Locator, legend: string | RegExp, [d, m, y]: string[]) {
  const group = page.getByRole('group', { name: legend });
  await group.getByLabel('Day').fill(d!);
  await group.getByLabel('Month').fill(m!);
  await group.getByLabel('Year').fill(y!);
}

test('from an empty caseload to a booked induction using only the screens', async ({ app }) => {
  await setUpThroughUi(app);

  // The empty caseload says what to do first, and links to it.
  const guide = app.getByRole('region', { name: 'Get started' });
  await expect(guide).toContainText('Not done yet');
  await expectNoAxeViolations(app);
  await expectReflow(app);
  await guide.getByRole('link', { name: '1. Add your office' }).click();
  await expect(
    app.getByRole('heading', { level: 1, name: 'Add an office or venue' }),
  ).toBeVisible();

  // Nothing typed is lost: each problem is next to its field and in the summary.
  await app.getByLabel('Name', { exact: true }).fill('Cardiff Charles Street');
  await app.getByLabel('Monday').fill('9:00 to 12:30, 12:00 to 17:00');
  await app.getByRole('button', { name: 'Add a closure' }).click();
  await fillDate(app, 'First day closed', ['31', '11', '2026']);
  await fillDate(app, 'Last day closed', ['1', '12', '2026']);
  await app.getByLabel('Reason').fill('Staff training');
  await app.getByRole('button', { name: 'Save office or venue' }).click();
  const summary = app.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Sessions on the same day must not overlap');
  await expect(summary).toContainText('Enter a real date, for example 24 12 2026');
  await expect(summary).toContainText('Enter a real UK postcode');
  await expect(app.getByLabel('Monday')).toHaveValue('9:00 to 12:30, 12:00 to 17:00');
  await expect(app.locator('#office-monday-error, #office-hours-mon-error')).toContainText(
    'must not overlap',
  );
  await expectNoAxeViolations(app);

  await app
    .getByRole('group', { name: 'Which nation is it in?' })
    .getByLabel('England and Wales')
    .check();
  await app.getByLabel('Address line 1').fill('1 Charles Street');
  await app.getByLabel('Town or city').fill('Cardiff');
  await app.getByLabel('Postcode').fill('cf10 2sf');
  await app.getByLabel('Phone number').fill('029 2018 0001');
  await app.getByLabel('Email address').fill('cardiff@waymark.example');
  for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday'])
    await app.getByLabel(day).fill('9:00 to 12:30, 13:30 to 17:00');
  await app.getByLabel('Friday').fill('9:00 to 13:00');
  await fillDate(app, 'First day closed', ['30', '11', '2027']);
  await fillDate(app, 'Last day closed', ['1', '12', '2027']);
  await app.getByLabel('Travel directions (optional)').fill('Through the blue door, first floor');
  await app.getByLabel('Step-free entrance').check();
  await app.getByLabel('Hearing loop').check();
  await app.getByRole('button', { name: 'Save office or venue' }).click();

  await expect(app.getByRole('heading', { level: 1, name: 'Offices and venues' })).toBeVisible();
  await expect(app.getByRole('alert')).toContainText('Cardiff Charles Street added.');
  const card = app.getByRole('region', { name: 'Cardiff Charles Street' });
  await expect(card).toContainText('Monday: 09:00 to 12:30 and 13:30 to 17:00');
  await expect(card).toContainText('Friday: 09:00 to 13:00');
  await expect(card).toContainText('30 November 2027 to 1 December 2027: Staff training');
  await expect(card).toContainText('Step-free entrance, hearing loop');
  await expect(card).toContainText('Through the blue door, first floor');
  await expect(
    app.getByText('Contains OS data © Crown copyright and database right 2025.'),
  ).toBeAttached();
  await expectNoAxeViolations(app);
  await expectReflow(app);

  // The working pattern: a lunch break and a 1pm Friday finish, shown back exactly as saved.
  await app.getByRole('link', { name: 'Caseload' }).click();
  await app
    .getByRole('region', { name: 'Get started' })
    .getByRole('link', { name: '2. Set your working hours' })
    .click();
  await expect(app.getByRole('heading', { level: 1, name: 'Diary settings' })).toBeVisible();
  const pattern = app.getByRole('form', { name: 'Your working pattern' });
  for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday'])
    await pattern.getByLabel(day).fill('9:00 to 12:30, 13:30 to 17:00');
  await pattern.getByLabel('Friday').fill('9 to 13');
  await pattern.getByRole('button', { name: 'Save working pattern' }).click();
  await expect(pattern.getByRole('status')).toHaveText('Working pattern saved.');
  await app.reload();
  const reloaded = app.getByRole('form', { name: 'Your working pattern' });
  await expect(reloaded.getByLabel('Monday')).toHaveValue('09:00 to 12:30, 13:30 to 17:00');
  await expect(reloaded.getByLabel('Friday')).toHaveValue('09:00 to 13:00');
  await expect(reloaded.getByLabel('Saturday')).toHaveValue('');
  await expectNoAxeViolations(app);
  await expectReflow(app);

  // A first referral, then a booking offered at the venue near their home.
  await app.getByRole('link', { name: 'Add referral' }).click();
  const today = new Date();
  await fillReferralForm(app, {
    ...SAMPLE,
    referralDate: [
      String(today.getDate()),
      String(today.getMonth() + 1),
      String(today.getFullYear()),
    ],
  });
  await app
    .getByRole('button', { name: /Add referral|Save/ })
    .first()
    .click();
  await expect(app.getByRole('heading', { level: 1, name: /Siân ap Gruffydd|Sian/ })).toBeVisible();
  await app.getByRole('link', { name: 'Book appointment' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Book appointment' })).toBeVisible();
  await app
    .getByRole('group', { name: 'Time of day' })
    .getByLabel(/Afternoons/)
    .check();
  await app.getByRole('button', { name: 'Find times' }).click();
  const choices = app.locator('label.choice__label', { hasText: 'Cardiff Charles Street' });
  await expect(choices.first()).toBeVisible();
  const labels = await choices.allInnerTexts();
  expect(labels.length).toBeGreaterThan(1);
  for (const l of labels) {
    expect(l).toMatch(/ at 1[2-6]:\d\d to /);
    expect(l).toContain('km from home');
  }
  // Spread across days: no two offers on the same day while other days have room.
  const days = labels.map((l) => l.split(' at ')[0]);
  expect(new Set(days).size).toBe(days.length);
  await expectNoAxeViolations(app);
  await expectReflow(app);
  await app.getByRole('group', { name: 'Choose a time' }).getByRole('radio').first().check();
  await app.getByRole('button', { name: 'Book this time' }).click();
  const booked = app.getByRole('status').filter({ hasText: 'Booked: Induction' });
  await expect(booked).toBeFocused();
  await expectNoAxeViolations(app);

  // From the search box, one Tab reaches "Skip to results", which lands on the first row.
  await app.getByRole('link', { name: 'Caseload' }).click();
  await app.locator('#caseload-search').focus();
  await app.keyboard.press('Tab');
  await expect(app.getByRole('link', { name: 'Skip to results' })).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(app.locator(':focus')).toContainText(/ap Gruffydd/);
});

test('closing a venue takes it out of the offers and says so', async ({ app }) => {
  await setUpThroughUi(app);
  await app.getByRole('link', { name: 'Offices and venues' }).click();
  await expect(
    app.getByRole('heading', { level: 2, name: 'No offices or venues yet' }),
  ).toBeVisible();
  await app.getByRole('link', { name: 'Add an office or venue' }).first().click();
  await app.getByLabel('An outreach venue (a library, community centre or similar)').check();
  await app.getByLabel('Name', { exact: true }).fill('Splott library');
  await app.getByLabel('Scotland').check();
  await app.getByLabel('Address line 1').fill('Singleton Road');
  await app.getByLabel('Town or city').fill('Cardiff');
  await app.getByLabel('Postcode').fill('CF24 2ET');
  await app.getByLabel('Phone number').fill('029 2018 0002');
  await app.getByLabel('Email address').fill('outreach@waymark.example');
  await app.getByLabel('Tuesday').fill('10:00 to 12:00');
  await app.getByRole('button', { name: 'Save office or venue' }).click();
  const card = app.getByRole('region', { name: 'Splott library' });
  await expect(card).toContainText('Outreach venue, Scotland');

  await card.getByText('for good').click();
  await fillDate(card, 'First day it is closed', ['30', '2', '2030']);
  await card.getByRole('button', { name: 'Close Splott library' }).click();
  await expect(card.getByRole('alert')).toContainText('Enter a real date, for example 31 3 2027');
  await fillDate(card, 'First day it is closed', ['1', '1', '2030']);
  await card.getByRole('button', { name: 'Close Splott library' }).click();
  await expect(app.getByRole('heading', { level: 2, name: 'Closed' })).toBeVisible();
  await expect(app.getByRole('region', { name: 'Splott library' })).toContainText(
    'Closed from 1 January 2030',
  );
  await expectNoAxeViolations(app);
  await app.getByRole('button', { name: 'Reopen Splott library' }).click();
  await expect(app.getByRole('alert')).toContainText('Splott library is open again.');
});
