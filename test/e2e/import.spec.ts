import { readFile } from 'node:fs/promises';
import { test, expect, expectNoAxeViolations } from './fixtures';
import { setUpDirectly } from './helpers';
import { toCsv, validRow } from '../support/referral-csv';

const batch = () =>
  toCsv([
    validRow(1),
    validRow(2),
    validRow(3, { ni_number: 'QQ123456A' }),
    validRow(4),
    validRow(5, { postcode: '' }),
    validRow(6, { referral_date: '2026-02-30' }),
    validRow(7),
  ]);

test('imports a CSV, reports failures as a download, and a second import adds no duplicates', async ({
  app,
  harness,
}) => {
  await setUpDirectly(app);
  await app.getByRole('link', { name: 'Import referrals' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Import referrals' })).toBeFocused();

  // Nothing chosen: a clear error, nothing imported.
  await app.getByRole('button', { name: 'Import referrals' }).click();
  await expect(app.getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText(
    'Select a CSV file of referrals',
  );

  const file = { name: 'batch 2026-11.csv', mimeType: 'text/csv', buffer: Buffer.from(batch()) };
  await app.getByLabel('Referral file (CSV)').setInputFiles(file);
  await app.getByRole('button', { name: 'Import referrals' }).click();

  const result = app.getByRole('heading', { name: 'Import complete' });
  await expect(result).toBeFocused();
  await expect(app.getByTestId('import-total')).toHaveText('7');
  await expect(app.getByTestId('import-imported')).toHaveText('4');
  await expect(app.getByTestId('import-duplicates')).toHaveText('0');
  await expect(app.getByTestId('import-failed')).toHaveText('3');
  // The problems are on screen too: line, reference, column and the reason in words.
  const problems = app.getByRole('table', { name: 'Problems by line of the file' });
  await expect(problems.getByRole('row')).toHaveCount(4);
  await expect(problems.getByRole('row').nth(1)).toHaveText(
    /^4\s*JCP-B000003\s*ni_number\s*A National Insurance number cannot start with Q$/,
  );
  await expect(problems.getByRole('row').nth(2)).toContainText('postcode');
  await expect(problems.getByRole('row').nth(3)).toContainText('referral_date');
  await expectNoAxeViolations(app);
  await app.screenshot({ path: '/tmp/waymark-import.png', fullPage: true });

  const [download] = await Promise.all([
    app.waitForEvent('download'),
    app.getByRole('link', { name: 'Download error report (CSV)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('batch 2026-11-errors.csv');
  const report = (await readFile((await download.path())!, 'utf8')).split(/\r?\n/);
  expect(report[0]).toBe('line,referral_id,column,problem');
  expect(report.slice(1).filter(Boolean)).toEqual([
    expect.stringMatching(
      /^4,JCP-B000003,ni_number,A National Insurance number cannot start with Q$/,
    ),
    expect.stringMatching(/^6,JCP-B000005,postcode,/),
    expect.stringMatching(/^7,JCP-B000006,referral_date,/),
  ]);

  // The same file again: everything valid is already there.
  await app.getByLabel('Referral file (CSV)').setInputFiles(file);
  await app.getByRole('button', { name: 'Import referrals' }).click();
  await expect(app.getByTestId('import-duplicates')).toHaveText('4');
  await expect(app.getByTestId('import-imported')).toHaveText('0');
  await expect(app.getByTestId('import-failed')).toHaveText('3');
  const services = harness.backend.session.require().services;
  expect((await services.participants.list({})).total).toBe(4);

  await app.getByRole('link', { name: 'Go to your caseload' }).click();
  await expect(app.getByRole('status').filter({ hasText: 'participants' })).toHaveText(
    '4 participants on your caseload',
  );
});

test('a large import shows progress and can be cancelled', async ({ app, harness }) => {
  await setUpDirectly(app);
  await app.getByRole('link', { name: 'Import referrals' }).click();
  const rows = Array.from({ length: 20_000 }, (_, i) => validRow(i + 1));
  await app
    .getByLabel('Referral file (CSV)')
    .setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(toCsv(rows)) });
  await app.getByRole('button', { name: 'Import referrals' }).click();
  const bar = app.getByRole('progressbar', { name: 'Progress' });
  await expect(bar).toBeVisible();
  await expect(app.getByRole('status').filter({ hasText: 'rows checked' })).toContainText(
    'of 20,000 rows checked',
  );
  await app.getByRole('button', { name: 'Cancel import' }).click();
  await expect(app.getByRole('heading', { name: 'Import cancelled' })).toBeFocused();
  const imported = Number(await app.getByTestId('import-imported').textContent());
  expect(imported).toBeLessThan(20_000);
  const services = harness.backend.session.require().services;
  expect((await services.participants.list({})).total).toBe(imported);
});
