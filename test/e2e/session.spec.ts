import { test, expect, expectNoAxeViolations } from './fixtures';
import { E2E_PASSPHRASE, setUpDirectly } from './helpers';

test('set-up shows field errors inline and in the error summary', async ({ app }) => {
  await expect(app.getByText('Use at least 12 characters')).toBeVisible();
  await app.getByRole('button', { name: 'Set up Waymark' }).click();
  const summary = app.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Enter your name');
  await expect(app.getByLabel('Your name')).toHaveAttribute('aria-invalid', 'true');

  await app.getByLabel('Your name').fill('Ada Adviser');
  await app.getByLabel('Create a passphrase').fill('short');
  await app.getByRole('button', { name: 'Set up Waymark' }).click();
  await expect(summary).toContainText('Use at least 12 characters');

  await app.getByLabel('Create a passphrase').fill(E2E_PASSPHRASE);
  await app.getByLabel('Confirm your passphrase').fill('something else entirely');
  await app.getByRole('button', { name: 'Set up Waymark' }).click();
  await expect(summary).toContainText('The passphrases do not match');
  await summary.getByRole('link').click();
  await expect(app.getByLabel('Confirm your passphrase')).toBeFocused();
  await expectNoAxeViolations(app);
});

test('lock with the button and Ctrl+L, unlock, and come back to the same page', async ({ app }) => {
  await setUpDirectly(app);
  await app.getByRole('link', { name: 'Import referrals' }).click();
  await app.getByRole('button', { name: 'Lock' }).click();
  await expect(app.getByRole('heading', { level: 1, name: /Unlock your caseload/ })).toBeFocused();
  await expect(app.getByRole('navigation')).toHaveCount(0);
  await expectNoAxeViolations(app);
  await app.screenshot({ path: '/tmp/waymark-unlock.png', fullPage: true });

  await app.getByLabel('Passphrase').fill('not the passphrase');
  await app.getByRole('button', { name: 'Unlock' }).click();
  await expect(app.getByRole('alert')).toContainText('That passphrase is not right');
  await expect(app.getByLabel('Passphrase')).toHaveValue('');

  await app.getByLabel('Passphrase').fill(E2E_PASSPHRASE);
  await app.getByRole('button', { name: 'Unlock' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Import referrals' })).toBeVisible();

  await app.keyboard.press('Control+l');
  await expect(app.getByRole('heading', { level: 1, name: /Unlock your caseload/ })).toBeVisible();
});

test('repeated wrong passphrases show a wait countdown', async ({ app }) => {
  await setUpDirectly(app);
  await app.getByRole('button', { name: 'Lock' }).click();
  for (let i = 0; i < 3; i++) {
    await app.getByLabel('Passphrase').fill(`wrong guess ${i}`);
    await app.getByRole('button', { name: 'Unlock' }).click();
    await expect(app.getByLabel('Passphrase')).toHaveValue('');
  }
  await expect(app.getByRole('status').filter({ hasText: 'Too many attempts' })).toContainText(
    /You can try again in \d+ seconds?\./,
  );
  await expect(app.getByRole('button', { name: 'Unlock' })).toBeDisabled();
});

test('a call answering "locked" (auto-lock) returns to the unlock screen and back', async ({
  app,
  harness,
}) => {
  await setUpDirectly(app);
  const row = await app.evaluate(async () => {
    const r = await window.waymark['caseload:list']({});
    return r.ok;
  });
  expect(row).toBe(true);
  await app.getByRole('link', { name: 'Add referral' }).click();
  // The main process locks on inactivity; the renderer learns of it from its next call.
  await harness.backend.session.lock('inactivity');
  await app.getByRole('link', { name: 'Caseload', exact: true }).click();
  await expect(app.getByRole('heading', { level: 1, name: /Unlock your caseload/ })).toBeVisible();
  await app.getByLabel('Passphrase').fill(E2E_PASSPHRASE);
  await app.getByRole('button', { name: 'Unlock' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Caseload' })).toBeVisible();
});
