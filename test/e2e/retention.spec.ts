/**
 * Retention in the app, over a real encrypted caseload: no link for an adviser; a manager sees
 * the records past their retention period in plain dates, deletes one after a confirmation that
 * names the count, and the participant page's retention panel explains a refusal. axe runs on
 * each screen.
 */
import { test, expect, expectNoAxeViolations } from './fixtures';
import { setUpDirectly } from './helpers';
import { referral } from '../support/referrals';
import { referralSchema } from '../../src-shared/schemas/participant';

const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/;

test('a manager deletes a record past retention and sees why another must be kept', async ({
  app,
  harness,
}) => {
  test.setTimeout(180_000);
  await setUpDirectly(app);
  const nav = app.getByRole('navigation', { name: 'Primary' });
  await expect(nav.getByRole('link', { name: 'Caseload' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Retention' })).toHaveCount(0);

  const { services } = harness.backend.session.require();
  const person = async (givenName: string, referralId: string, start: string, exit: string) => {
    const { id } = await services.participants.create(
      referralSchema.parse(referral({ givenName, referralId, referralDate: start })),
    );
    await services.participants.setStatus({ id, status: 'allocated', date: start });
    await services.participants.setStatus({
      id,
      status: 'exited',
      date: exit,
      exitReason: 'withdrew',
    });
    return id;
  };
  await person('Ambrose', 'JCP-5001', '2018-03-01', '2018-09-14');
  const kept = await person('Clemency', 'JCP-5002', '2024-01-08', '2024-02-29');

  harness.backend.session
    .require()
    .opened.raw.prepare("UPDATE advisers SET role = 'manager'")
    .run();
  await app.reload();
  await nav.getByRole('link', { name: 'Retention' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Retention and erasure' })).toBeVisible();
  const table = app.getByRole('table', { name: 'Records past their retention period' });
  await expect(table.getByText('Ambrose Wiśniewska')).toBeVisible();
  await expect(table.getByText('14 September 2024')).toBeVisible();
  await expect(table.getByText('Clemency Wiśniewska')).toHaveCount(0);
  await expect(app.locator('main')).not.toContainText(ISO_DATE);
  await expectNoAxeViolations(app);

  await app.getByRole('checkbox', { name: 'Select all 1 record' }).check();
  await app.getByRole('button', { name: 'Delete selected' }).click();
  await expect(app.getByRole('heading', { name: 'Delete 1 record?' })).toBeFocused();
  await expectNoAxeViolations(app);
  await app.getByRole('button', { name: 'Yes, delete 1 record' }).click();
  await expect(app.getByText('1 record deleted')).toBeVisible();
  await expect(app.getByText('No records are past their retention period.')).toBeVisible();

  await app.goto(`${harness.url}#/participants/${kept}`);
  await expect(app.getByRole('heading', { name: 'Retention and erasure' })).toBeVisible();
  await expect(app.getByText(/must be kept until 28 February 2030/)).toBeVisible();
  await expectNoAxeViolations(app);
});
