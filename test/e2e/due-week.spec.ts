/**
 * What is due comes first, and the adviser's week: the participant page leads with the next
 * appointment, what is overdue and the adjustments; the caseload filters on what is due; the
 * week view moves and cancels appointments and prints the day sheet and the run sheet. Axe on
 * each screen, each reflows at 320 CSS px (200% zoom), and focus lands on what happened.
 */
import { readFileSync } from 'node:fs';
import { test, expect, expectNoAxeViolations } from './fixtures';
import { expectReflow, setUpDirectly } from './helpers';
import { daysFromToday } from './plan-setup';
import type { E2eServer } from '../support/e2e-server';
import { referral } from '../support/referrals';
import { pdfText } from '../pdf/pdf-reader';
import { referralSchema } from '../../src-shared/schemas/participant';
import { bookingSchema, officeSchema } from '../../src-shared/schemas/diary';
import { mondayOf } from '../../src-renderer/features/diary/week-model';
import { toDayNumber } from '../../src-shared/domain/calendar/civil-date';

const squash = (s: string) => s.replace(/\s+/g, '');

const EVERY_DAY = Object.fromEntries(
  (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((d) => [
    d,
    [['08:00', '18:00']],
  ]),
);

/** An outreach venue, a participant referred 60 days ago (R1 overdue) with adjustments, and a booking. */
async function seed(harness: E2eServer) {
  const services = harness.backend.session.require().services;
  const hall = await services.diary.saveOffice(
    officeSchema.parse({
      kind: 'outreach',
      name: 'Parson Cross community hall',
      nation: 'england-and-wales',
      address: { line1: '2 Margetson Crescent', town: 'Sheffield', postcode: 'S5 9ND' },
      phone: '0114 496 0001',
      email: 'hall@waymark.example',
      stepFree: true,
      hearingLoop: true,
      openingHours: EVERY_DAY,
    }),
  );
  const { id } = await services.participants.create(
    referralSchema.parse(
      referral({
        givenName: 'Zofia',
        referralId: 'JCP-E2E-DUE',
        niNumber: 'AB 12 34 56 C',
        referralDate: daysFromToday(-60),
        adjustments: 'Needs a quiet room away from the entrance',
      }),
    ),
  );
  const day = daysFromToday(2);
  const appointment = await services.diary.book(
    bookingSchema.parse({
      participantId: id,
      officeId: hall.id,
      start: `${day}T10:00`,
      end: `${day}T11:00`,
      kind: 'regular',
      channel: 'in-person',
    }),
  );
  return { id, day, appointment };
}

test('the participant page opens on what is due, and the caseload filters on it', async ({
  app,
  harness,
}) => {
  await setUpDirectly(app);
  const { id } = await seed(harness);
  await app.reload();

  const table = app.getByRole('table');
  await expect(table.getByRole('columnheader', { name: 'Next due' })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'Overdue' })).toBeVisible();
  await expect(table.getByRole('row').nth(1)).toContainText(/\d+ overdue/);
  // The NI number is shown whole at 100%.
  const ni = app.locator('td.col-ni').first();
  await expect(ni).toHaveText('AB 12 34 56 C');
  expect(await ni.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);

  await app.getByLabel('What is due').selectOption({ label: 'Something overdue' });
  await expect(app.getByRole('status').filter({ hasText: 'participant' })).toContainText(
    '1 participant on your caseload',
  );
  // One Tab from the search box to the skip link; Enter lands on the first row's link.
  await app.getByRole('searchbox', { name: 'Search' }).focus();
  await app.keyboard.press('Tab');
  await expect(app.getByRole('link', { name: 'Skip to results' })).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(table.getByRole('link').first()).toBeFocused();
  await expectNoAxeViolations(app);
  await expectReflow(app);

  await table.getByRole('link').first().click();
  const due = app.getByRole('region', { name: 'What is due' });
  await expect(due).toBeVisible();
  await expect(due.getByRole('heading', { name: 'Next appointment' })).toBeVisible();
  await expect(due).toContainText('Meeting in person');
  await expect(due).toContainText('at 10:00 to 11:00');
  await expect(due.getByRole('heading', { name: 'Overdue' })).toBeVisible();
  await expect(due).toContainText('Allocation to a provider');
  await expect(due).toContainText('Needs a quiet room away from the entrance');
  // It comes before the details on the page.
  const [panelTop, detailsTop] = await Promise.all([
    due.evaluate((el) => el.getBoundingClientRect().top),
    app.getByRole('heading', { name: 'Details' }).evaluate((el) => el.getBoundingClientRect().top),
  ]);
  expect(panelTop).toBeLessThan(detailsTop);
  await expectNoAxeViolations(app);
  await expectReflow(app);

  // The adjustments are on the booking page and the meeting logger too.
  await app.goto(`${new URL(app.url()).origin}/#/participants/${id}/book`);
  await expect(app.getByRole('note')).toContainText('Needs a quiet room away from the entrance');
  await app.goto(`${new URL(app.url()).origin}/#/participants/${id}/meetings`);
  await expect(app.getByRole('note')).toContainText('Needs a quiet room away from the entrance');
});

test('the week moves and cancels appointments and prints the day and run sheets', async ({
  app,
  harness,
}) => {
  await setUpDirectly(app);
  const { day } = await seed(harness);
  await app.reload();
  await app
    .getByRole('navigation', { name: 'Primary' })
    .getByRole('link', { name: 'Your week' })
    .click();
  await expect(app.getByRole('heading', { level: 1, name: 'Your week' })).toBeVisible();
  const weeksAhead = (toDayNumber(mondayOf(day)) - toDayNumber(mondayOf(daysFromToday(0)))) / 7;
  for (let i = 0; i < weeksAhead; i++) await app.getByRole('button', { name: 'Next week' }).click();

  const card = app.getByRole('listitem').filter({ hasText: 'Zofia' });
  await expect(card).toContainText('10:00 to 11:00');
  await expect(card).toContainText('Adjustments: Needs a quiet room away from the entrance');
  await expectNoAxeViolations(app);
  await expectReflow(app);

  // Day sheet and run sheet: sent to print, the PDF holds the participant and the adjustments.
  await app
    .getByRole('button', { name: /^Print day sheet/ })
    .nth(toDayNumber(day) - toDayNumber(mondayOf(day)))
    .click();
  const message = app.locator('.week-message');
  await expect(message).toContainText('The day sheet for');
  await expect(message).toBeFocused();
  await app
    .getByRole('button', { name: /^Print run sheet for Parson Cross community hall/ })
    .click();
  await expect(message).toContainText('The run sheet for Parson Cross community hall');
  const files = harness.desktop.calls.map((c) => readFileSync(c.file));
  expect(files).toHaveLength(2);
  const [daySheet, runSheet] = await Promise.all(files.map((f) => pdfText(f)));
  expect(squash(daySheet!)).toContain(squash('Needs a quiet room away from the entrance'));
  expect(squash(runSheet!)).toContain(squash('Outreach run sheet: Parson Cross community hall'));
  expect(squash(runSheet!)).toContain(squash('Home address'));

  // Move: a wrong time is named beside the field; a right one moves it and says so.
  await card.getByRole('button', { name: /^Move/ }).click();
  const move = app.getByRole('form', { name: /^Move/ });
  await move.getByLabel('New start time').fill('25:00');
  await move.getByRole('button', { name: 'Move appointment' }).click();
  await expect(move.getByText('Enter the new time as hours and minutes')).toBeVisible();
  await expectNoAxeViolations(app);
  await move.getByLabel('New start time').fill('14:30');
  await move.getByRole('button', { name: 'Move appointment' }).click();
  await expect(message).toContainText("Zofia Wiśniewska's appointment moved to");
  await expect(message).toBeFocused();
  await expect(card).toContainText('14:30 to 15:30');

  // Cancel: who cancelled is asked; then the card says so and offers another time.
  await card.getByRole('button', { name: /^Cancel/ }).click();
  const cancel = app.getByRole('form', { name: /^Cancel/ });
  await cancel.getByRole('button', { name: 'Cancel appointment' }).click();
  await expect(cancel.getByText('Say who cancelled the appointment')).toBeVisible();
  await cancel.getByLabel('We did').check();
  await cancel.getByRole('button', { name: 'Cancel appointment' }).click();
  await expect(message).toContainText('is cancelled');
  await expect(message).toBeFocused();
  await expect(card).toContainText('Cancelled by us');
  await expect(card.getByRole('button', { name: /^Move/ })).toHaveCount(0);
  await expect(card.getByRole('link', { name: /Book another time/ })).toBeVisible();
  await expectNoAxeViolations(app);
});
