/**
 * Backup and recovery through the screens: the recovery key shown once at set-up, a backup to a
 * folder, unlocking with the recovery key after "forgetting" the passphrase, and restoring the
 * backup on a second harness standing in for a new computer.
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, expectNoAxeViolations } from './fixtures';
import { ADVISER, E2E_PASSPHRASE } from './helpers';
import { initScript, startE2eServer } from '../support/e2e-server';
import { tempDir } from '../support/temp-caseload';

test('recovery key at set-up, backup now, recover a forgotten passphrase, restore elsewhere', async ({
  app,
  browser,
}) => {
  const scratch = tempDir('waymark usb ');
  try {
    const stick = join(scratch.dir, 'USB stick');
    mkdirSync(stick);

    await app.getByLabel('Your name').fill(ADVISER);
    await app.getByLabel('Create a passphrase').fill(E2E_PASSPHRASE);
    await app.getByLabel('Confirm your passphrase').fill(E2E_PASSPHRASE);
    await app.getByRole('button', { name: 'Set up Waymark' }).click();
    await expect(
      app.getByRole('heading', { level: 1, name: /Write down your recovery key/ }),
    ).toBeVisible();
    const recoveryKey = (await app.getByTestId('recovery-key').textContent())!.trim();
    expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){5}[0-9A-Z]{4}$/);
    await expectNoAxeViolations(app);
    await app.getByRole('button', { name: 'I have written down my recovery key' }).click();
    await expect(app.getByRole('heading', { level: 1, name: 'Caseload' })).toBeVisible();
    // The signed-in user's role is in the header.
    await expect(app.locator('.header__role')).toHaveText('Signed in as Adviser');

    await app.getByRole('link', { name: 'Backup and recovery' }).click();
    await expect(app.getByRole('heading', { level: 1, name: 'Backup and recovery' })).toBeVisible();
    await expect(app.getByTestId('last-backup')).toHaveText(/No backup has been made/);
    await app.getByLabel('Backup folder').fill('not/a/full/path');
    await app.getByRole('button', { name: 'Back up now' }).click();
    await expect(app.getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText(
      'Enter the full path of the backup folder',
    );
    await app.getByLabel('Backup folder').fill(stick);
    await app.getByRole('button', { name: 'Back up now' }).click();
    await expect(app.getByRole('alert')).toContainText('Backup saved as waymark-backup-');
    const [file] = readdirSync(stick);
    expect(file).toMatch(/\.wmbackup$/);
    await expect(app.getByTestId('last-backup')).toContainText(file!);
    await app.getByLabel('Every day').check();
    await app.getByRole('button', { name: 'Save schedule' }).click();
    await expect(app.getByRole('alert')).toContainText('every day');
    await expectNoAxeViolations(app);

    // "Forgot" the passphrase: the recovery key opens it and sets a new one.
    await app.getByRole('button', { name: 'Lock' }).click();
    await app.getByRole('button', { name: 'I have forgotten my passphrase' }).click();
    await expect(
      app.getByRole('heading', { level: 1, name: /Use your recovery key/ }),
    ).toBeVisible();
    await expectNoAxeViolations(app);
    await app.getByLabel('Recovery key').fill('AAAA-BBBB-CCCC-DDDD-EEEE-FFFF');
    await app.getByLabel('New passphrase', { exact: true }).fill('a passphrase I will remember');
    await app.getByLabel('Confirm the new passphrase').fill('a passphrase I will remember');
    await app.getByRole('button', { name: 'Unlock and set new passphrase' }).click();
    await expect(app.getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText(
      'That recovery key is not right',
    );
    await app.getByLabel('Recovery key').fill(recoveryKey.toLowerCase());
    await app.getByRole('button', { name: 'Unlock and set new passphrase' }).click();
    // Back where the user was when it locked.
    await expect(app.getByRole('heading', { level: 1, name: 'Backup and recovery' })).toBeVisible();

    // A new computer: restore the backup with the passphrase it was made under.
    const elsewhere = tempDir('waymark new computer ');
    const server = await startE2eServer(elsewhere.dir);
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await page.addInitScript(initScript);
      await page.goto(server.url);
      await page.getByRole('button', { name: 'Restore your caseload from a backup' }).click();
      await expect(
        page.getByRole('heading', { level: 1, name: /Restore your caseload from a backup/ }),
      ).toBeVisible();
      await expectNoAxeViolations(page);
      await page.getByLabel('Backup file').fill(join(stick, file!));
      await page.getByLabel('Passphrase').fill('not the passphrase at all');
      await page.getByRole('button', { name: 'Restore caseload' }).click();
      await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText(
        'That passphrase is not right',
      );
      await page.getByLabel('Passphrase').fill(E2E_PASSPHRASE);
      await page.getByRole('button', { name: 'Restore caseload' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Caseload' })).toBeVisible();
      await expect(page.locator('.header__name')).toHaveText(ADVISER);
    } finally {
      await context.close();
      await server.close();
      elsewhere.cleanup();
    }
  } finally {
    scratch.cleanup();
  }
});
