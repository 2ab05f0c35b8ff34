/**
 * Surveys end to end over a real encrypted caseload: hand the laptop to a participant in the
 * locked survey mode, try to leave with a wrong passphrase (and by navigating away), leave with
 * the right one; enter a paper form; axe-clean on every screen.
 */
import { test, expect, expectNoAxeViolations } from './fixtures';
import { setUpDirectly, E2E_PASSPHRASE } from './helpers';
import { londonDate } from '../../src-shared/domain/identity/civil-date';
import { addDays } from '../../src-shared/domain/calendar/civil-date';
import { referral } from '../support/referrals';
import { referralSchema } from '../../src-shared/schemas/participant';

const today = londonDate(new Date());

test('a participant answers in the locked survey mode, and the adviser enters a paper form', async ({
  app,
  harness,
}) => {
  test.setTimeout(180_000);
  await setUpDirectly(app);
  const services = harness.backend.session.require().services;
  const { id } = await services.participants.create(
    referralSchema.parse(
      referral({ givenName: 'Nadia', familyName: 'Okafor', referralDate: addDays(today, -60) }),
    ),
  );
  await services.participants.setStatus({
    id,
    status: 'exited',
    date: today,
    exitReason: 'sustained-employment',
  });

  await app.getByRole('link', { name: 'Surveys' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Feedback surveys' })).toBeVisible();
  const offers = app.getByRole('list', { name: 'Surveys to offer' });
  await expect(offers.getByRole('listitem')).toHaveCount(1);
  await expect(
    app.getByLabel('Keep Nadia Okafor’s answers anonymous (not linked to their record)'),
  ).toBeChecked();
  await expectNoAxeViolations(app);

  // Hand over: only the survey shows; it says every question is optional and the answers anonymous.
  await app.getByRole('button', { name: 'Hand over the laptop for Nadia Okafor’s survey' }).click();
  await expect(
    app.getByRole('heading', { level: 1, name: 'Looking back on your support' }),
  ).toBeVisible();
  await expect(app.getByText(/Every question is optional/)).toBeVisible();
  await expect(app.getByText(/Your answers are anonymous/)).toBeVisible();
  await expect(app.getByRole('navigation', { name: 'Primary' })).toHaveCount(0);
  await expect(app.locator('main')).not.toContainText('Nadia');
  await expectNoAxeViolations(app);

  // Navigating to another screen shows the survey still.
  await app.evaluate(() => (window.location.hash = '#/caseload'));
  await app.reload();
  await expect(
    app.getByRole('heading', { level: 1, name: 'Looking back on your support' }),
  ).toBeVisible();
  await expect(app.getByRole('heading', { level: 1, name: 'Caseload' })).toHaveCount(0);

  await app
    .getByRole('group', { name: /Overall, how satisfied/ })
    .getByLabel('Satisfied', { exact: true })
    .check();
  await app.getByLabel(/What could we do better\?/).fill('More evening sessions');
  await app.getByRole('button', { name: 'Send my answers' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Thank you' })).toBeFocused();
  await expectNoAxeViolations(app);

  // A wrong passphrase does not leave.
  await app.getByLabel('Adviser’s passphrase').fill('not the right passphrase');
  await app.getByRole('button', { name: 'Return to Waymark' }).click();
  await expect(app.getByRole('alert')).toContainText('That passphrase is not right');
  await expect(app.getByRole('heading', { level: 1, name: 'Thank you' })).toBeVisible();
  await expectNoAxeViolations(app);
  // Nor does calling the main process directly.
  const refused = await app.evaluate(() => window.waymark['caseload:list']({}));
  expect(refused).toMatchObject({ ok: false, error: { code: 'refused' } });

  await app.getByLabel('Adviser’s passphrase').fill(E2E_PASSPHRASE);
  await app.getByRole('button', { name: 'Return to Waymark' }).click();
  await expect(app.getByRole('navigation', { name: 'Primary' })).toBeVisible();
  const stored = harness.backend.session
    .require()
    .opened.raw.prepare('SELECT participant_id, month, answers FROM survey_responses')
    .all();
  expect(stored).toEqual([
    {
      participant_id: null,
      month: today.slice(0, 7),
      answers: JSON.stringify({ overall: 4, better: 'More evening sessions' }),
    },
  ]);

  // A paper form, anonymous.
  await app.getByRole('link', { name: 'Surveys' }).click();
  await expect(app.getByText('No one has a survey to offer now.')).toBeVisible();
  await app.getByLabel('Which survey').selectOption('work-programme/exit');
  await app.getByRole('button', { name: 'Save the paper form' }).click();
  await expect(app.getByRole('alert')).toContainText('Enter at least one answer from the form');
  await expectNoAxeViolations(app);
  await app
    .getByRole('group', { name: /Do we listen to you/ })
    .getByLabel('Yes')
    .check();
  await app
    .getByRole('group', { name: /Overall, how satisfied/ })
    .getByLabel('Very satisfied')
    .check();
  await app.getByRole('button', { name: 'Save the paper form' }).click();
  await expect(app.getByText('The paper form was saved.')).toBeVisible();
  await expect(
    app.getByRole('heading', { name: /Looking back on your support: Fewer than 10 answers/ }),
  ).toBeVisible();
  await expectNoAxeViolations(app);
  const count = harness.backend.session
    .require()
    .opened.raw.prepare(
      "SELECT count(*) AS n FROM survey_responses WHERE method = 'paper' AND participant_id IS NULL",
    )
    .get() as { n: number };
  expect(count.n).toBe(1);

  // The satisfaction trend on the performance screen, small numbers hidden.
  await app.getByRole('link', { name: 'Performance' }).click();
  const trend = app.getByRole('table', { name: 'Satisfaction month by month, as a table' });
  await expect(trend.locator('tbody tr')).toHaveCount(13);
  await expect(trend.locator('tbody tr').nth(11)).toContainText('fewer than 10');
  await expectNoAxeViolations(app);
});

test('the organisation performance screen says plainly when this device has no central service', async ({
  app,
  harness,
}) => {
  await setUpDirectly(app);
  await harness.backend.session
    .require()
    .services.wp.db.updateTable('advisers')
    .set({ role: 'manager' })
    .execute();
  await app.getByRole('link', { name: 'Performance' }).click();
  await app
    .getByRole('link', { name: /Organisation performance from the central service/ })
    .click();
  await expect(
    app.getByRole('heading', { level: 1, name: /Organisation performance/ }),
  ).toBeVisible();
  await expect(app.locator('main').getByRole('status')).toContainText(
    'not connected to a central service',
  );
  await expectNoAxeViolations(app);
});
