import { test, expect, expectNoAxeViolations } from './fixtures';
import { setUpDirectly } from './helpers';
import { referralSchema } from '../../src-shared/schemas/participant';
import { referral } from '../support/referrals';

test('better-off: prefilled from the record, recalculated as hours change, saved onto the timeline', async ({
  app,
  harness,
}) => {
  await setUpDirectly(app);
  const services = harness.backend.session.require().services;
  const { id } = await services.participants.create(
    referralSchema.parse(referral({ referralDate: '2025-01-06' })),
  );
  await app.goto(`${harness.url}/#/participants/${id}`);
  await app.getByRole('link', { name: 'Better-off calculation' }).click();
  await expect(
    app.getByRole('heading', { level: 1, name: /Better-off calculation/ }),
  ).toBeVisible();
  await expect(app.getByLabel('Hours a week', { exact: true })).toHaveValue('16');

  const headline = app.getByTestId('better-off-monthly');
  await expect(headline).toContainText('a month better off in work');
  const at16 = await headline.textContent();
  await app.getByLabel('Hours a week', { exact: true }).fill('30');
  await expect(headline).not.toHaveText(at16 ?? '');
  const at30 = await headline.textContent();
  await expect(
    app.getByRole('img', { name: /Monthly income by hours worked a week/ }),
  ).toBeVisible();
  await expectNoAxeViolations(app);

  await app.getByRole('button', { name: 'Save calculation' }).click();
  await expect(app.getByRole('alert').filter({ hasText: 'Calculation saved' })).toBeFocused();
  await expect(app.getByRole('table', { name: /Saved calculations/ })).toContainText('30 hours');

  await app.getByRole('link', { name: /^Back to / }).click();
  const timeline = app.locator('.timeline');
  await expect(timeline).toContainText('Better-off calculation explained');
  await expect(timeline).toContainText(at30!.replace(' a month better off in work', ''));
  const [saved] = await services.betterOff.list(id);
  expect(saved?.household.job.hoursPerWeek).toBe(30);
});
