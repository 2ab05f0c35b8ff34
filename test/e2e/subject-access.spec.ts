/**
 * The subject-access button on the participant page: the received date gives the deadline in
 * words, the bundle is saved as a PDF through the desktop, and the JSON is offered as a download.
 */
import { readFileSync } from 'node:fs';
import { test, expect, expectNoAxeViolations } from './fixtures';
import { setUpDirectly } from './helpers';
import { referral } from '../support/referrals';
import { pdfText } from '../pdf/pdf-reader';

test('a subject access request from the participant page: deadline, PDF and JSON', async ({
  app,
  harness,
}) => {
  await setUpDirectly(app);
  const created = (await app.evaluate(
    (r) => window.waymark['participant:create'](r),
    referral({ givenName: 'Perpetua', familyName: 'Langstroth', referralId: 'JCP-SAR-E2E' }),
  )) as { ok: boolean; value: { id: string } };
  expect(created.ok).toBe(true);
  await app.goto(`${harness.url}/#/participants/${created.value.id}`);
  await expect(
    app.getByRole('heading', { level: 2, name: 'Subject access request' }),
  ).toBeVisible();

  const panel = app.getByRole('region', { name: 'Subject access request' });
  await panel.getByLabel('Day').fill('31');
  await panel.getByLabel('Month').fill('1');
  await panel.getByLabel('Year').fill('2099');
  await panel.getByRole('button', { name: 'Save the bundle as a PDF' }).click();
  await expect(app.getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText(
    'today or in the past',
  );

  await panel.getByLabel('Year').fill('2026');
  await panel.getByRole('button', { name: 'Save the bundle as a PDF' }).click();
  // 31 January: February has no 31st, so the last day of February (ICO).
  await expect(panel.getByRole('status')).toContainText('Respond by 28 February 2026');
  await expect(panel.getByRole('status')).toContainText('Saved as JCP-SAR-E2E-subject-access');
  const saved = harness.desktop.calls.at(-1)!;
  expect(saved.action).toBe('save');
  expect(await pdfText(readFileSync(saved.file))).toContain('Perpetua Langstroth');

  await panel.getByRole('button', { name: 'Prepare the bundle as data (JSON)' }).click();
  await expect(panel.getByRole('link', { name: /Download JCP-SAR-E2E.*\.json/ })).toBeVisible();
  await expectNoAxeViolations(app);
});
