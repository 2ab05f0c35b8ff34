import { test, expect, expectNoAxeViolations } from './fixtures';
import { setUpDirectly } from './helpers';
import { referralSchema } from '../../src-shared/schemas/participant';
import { referral } from '../support/referrals';

test('edit details with the version check; a concurrent change shows the conflict', async ({
  app,
  harness,
}) => {
  await setUpDirectly(app);
  const services = harness.backend.session.require().services;
  const { id } = await services.participants.create(referralSchema.parse(referral()));
  await app.goto(`${harness.url}/#/participants/${id}`);
  await expect(app.getByRole('heading', { level: 1, name: /Zofia Wiśniewska/ })).toBeVisible();

  await app.getByRole('link', { name: 'Change details' }).click();
  await expect(app.getByRole('heading', { level: 1, name: /Change details/ })).toBeFocused();
  await expect(app.getByLabel('First name')).toHaveValue('Zofia');
  await expect(app.getByRole('group', { name: 'Date of birth' }).getByLabel('Year')).toHaveValue(
    '1990',
  );
  await expectNoAxeViolations(app);

  await app.getByLabel('Postcode').fill('S2 4QR');
  await app.getByRole('button', { name: 'Save changes' }).click();
  await expect(app.getByRole('alert').filter({ hasText: 'Details saved' })).toBeFocused();
  await expect(app.locator('.summary-list').first()).toContainText('S2 4QR');
  await expect(app.locator('.timeline')).toContainText('Address changed');

  // Someone else saves while the adviser is editing: their save is refused, nothing lost.
  await app.getByRole('link', { name: 'Change details' }).click();
  await app.getByLabel('Jobcentre office').fill('Sheffield City');
  const current = await services.participants.get(id);
  await services.participants.update(
    id,
    current.version,
    referralSchema.parse(referral({ preferredName: 'Zosia' })),
  );
  await app.getByRole('button', { name: 'Save changes' }).click();
  const summary = app.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Someone else changed this record while you were editing');
  await expect(app.getByLabel('Jobcentre office')).toHaveValue('Sheffield City');
  expect((await services.participants.get(id)).jobcentreOffice).toBe('Sheffield Eastern Avenue');
});

test('keyboard: the skip link comes first and moves focus to the main content', async ({ app }) => {
  await setUpDirectly(app);
  await app.keyboard.press('Tab');
  const skip = app.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await app.keyboard.press('Enter');
  await expect(app.locator('#main-content')).toBeFocused();
  await app.keyboard.press('Tab');
  await expect(app.getByRole('searchbox', { name: 'Search' })).toBeFocused();
  // The route did not change.
  await expect(app.getByRole('heading', { level: 1, name: 'Caseload' })).toBeVisible();
});

test('an unknown participant shows a clear message', async ({ app, harness }) => {
  await setUpDirectly(app);
  await app.goto(`${harness.url}/#/participants/0190a000-0000-7000-8000-000000000000`);
  await expect(
    app.getByRole('heading', { level: 1, name: 'Participant not available' }),
  ).toBeVisible();
  await expect(app.getByText('That participant')).toBeVisible();
});
