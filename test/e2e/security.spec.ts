import { test, expect, expectNoAxeViolations } from './fixtures';
import { E2E_PASSPHRASE, setUpDirectly } from './helpers';

test('change the passphrase and the auto-lock time from the Security page', async ({ app }) => {
  await setUpDirectly(app);
  await app.getByRole('link', { name: 'Security' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Security' })).toBeVisible();

  // A wrong current passphrase is refused on its field.
  await app.getByLabel('Current passphrase').fill('not my passphrase');
  await app.getByLabel('New passphrase', { exact: true }).fill('a much newer passphrase');
  await app.getByLabel('Confirm the new passphrase').fill('a much newer passphrase');
  await app.getByRole('button', { name: 'Change passphrase' }).click();
  const summary = app.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('That passphrase is not right');
  await expectNoAxeViolations(app);

  await app.getByLabel('Current passphrase').fill(E2E_PASSPHRASE);
  await app.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(
    app.getByRole('alert').filter({ hasText: 'passphrase has been changed' }),
  ).toBeVisible();

  await app.getByLabel('Lock after this many minutes without activity').fill('90');
  await app.getByRole('button', { name: 'Save' }).click();
  await expect(summary).toContainText(/60/);
  await app.getByLabel('Lock after this many minutes without activity').fill('5');
  await app.getByRole('button', { name: 'Save' }).click();
  await expect(app.getByRole('alert').filter({ hasText: 'lock after 5 minutes' })).toBeVisible();
  await expectNoAxeViolations(app);

  // The new passphrase unlocks; the old one no longer does.
  await app.getByRole('button', { name: 'Lock' }).click();
  await app.getByLabel('Passphrase', { exact: true }).fill(E2E_PASSPHRASE);
  await app.getByRole('button', { name: 'Unlock' }).click();
  await expect(app.getByText('That passphrase is not right').first()).toBeVisible();
  await app.getByLabel('Passphrase', { exact: true }).fill('a much newer passphrase');
  await app.getByRole('button', { name: 'Unlock' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Security' })).toBeVisible();
});
