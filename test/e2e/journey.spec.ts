import { test, expect, expectNoAxeViolations } from './fixtures';
import { SAMPLE, fillReferralForm, setUpThroughUi } from './helpers';

test('set up, add a referral, find it, change its status and see the timeline', async ({ app }) => {
  await expectNoAxeViolations(app);
  await app.screenshot({ path: '/tmp/waymark-setup.png', fullPage: true });
  await setUpThroughUi(app);
  await expect(app.getByRole('banner')).toContainText('Ada Adviser');
  await expect(app.getByRole('status').filter({ hasText: 'participants' })).toHaveText(
    '0 participants on your caseload',
  );

  await app.getByRole('link', { name: 'Add referral' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Add a referral' })).toBeFocused();
  await fillReferralForm(app, SAMPLE);
  await app.getByRole('button', { name: 'Add referral' }).click();

  // The new participant's page, with large print shown before anything else.
  await expect(app.getByRole('heading', { level: 1, name: /Siân ap Gruffydd/ })).toBeVisible();
  await expect(app.getByRole('region', { name: 'Communication needs' })).toContainText(
    'Large print letters',
  );
  const details = app.locator('.summary-list').first();
  await expect(details).toContainText('AB 12 34 56 C');
  await expect(details).toContainText('CF10 2GE');
  await expectNoAxeViolations(app);
  await app.screenshot({ path: '/tmp/waymark-participant.png', fullPage: true });

  // It is on the caseload, and search finds it by name, NI number and postcode.
  await app.getByRole('link', { name: 'Caseload', exact: true }).click();
  const count = app.getByRole('status').filter({ hasText: 'participant' });
  await expect(count).toHaveText('1 participant on your caseload');
  const search = app.getByRole('searchbox', { name: 'Search' });
  for (const term of ['gruffydd', 'AB123456', 'CF10 2GE']) {
    await search.fill(term);
    await expect(count).toHaveText(`1 participant found for “${term}”`);
    await expect(app.getByRole('link', { name: 'ap Gruffydd, Siân' })).toBeVisible();
  }
  await search.fill('nobody-like-this');
  await expect(count).toHaveText('0 participants found for “nobody-like-this”');
  await search.fill('Siân');
  await expect(app.getByRole('link', { name: 'ap Gruffydd, Siân' })).toBeVisible();
  await expectNoAxeViolations(app);

  await app.getByRole('link', { name: 'ap Gruffydd, Siân' }).click();
  await expect(app.getByRole('heading', { level: 1, name: /Siân ap Gruffydd/ })).toBeFocused();

  // Only the allowed moves from 'referred' are offered.
  const newStatus = app.getByRole('group', { name: /New status/ });
  await expect(newStatus.getByRole('radio')).toHaveCount(2);
  await newStatus.getByLabel('Exited').check();
  await app.getByRole('button', { name: 'Change status' }).click();
  // Exit needs a reason: the error summary says so and takes focus.
  const summary = app.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Choose why the participant is exiting');

  await newStatus.getByLabel('Allocated').check();
  const date = app.getByRole('group', { name: 'Date of the change' });
  await date.getByLabel('Day').fill('5');
  await date.getByLabel('Month').fill('11');
  await date.getByLabel('Year').fill('2026');
  await app.getByLabel('Note (optional)').fill('Allocated to the Cardiff team');
  await app.getByRole('button', { name: 'Change status' }).click();
  await expect(
    app.getByRole('alert').filter({ hasText: 'Status changed to allocated' }),
  ).toBeVisible();
  const timeline = app.locator('.timeline');
  await expect(timeline.locator('.timeline__item').first()).toContainText('Status: Allocated');
  await expect(timeline.locator('.timeline__item').first()).toContainText('5 November 2026');
  await expect(timeline.locator('.timeline__item').first()).toContainText(
    'Allocated to the Cardiff team',
  );
  await expect(timeline).toContainText('Referral received');
  await expect(app.getByRole('group', { name: /New status \(now allocated\)/ })).toBeVisible();
  await expectNoAxeViolations(app);
});

test('the intake form shows an error summary for bad input and saves nothing', async ({
  app,
  harness,
}) => {
  await setUpThroughUi(app);
  await app.getByRole('link', { name: 'Add referral' }).click();
  await app.getByRole('button', { name: 'Add referral' }).click();
  const summary = app.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Enter the first name');
  await expect(summary).toContainText('Choose a programme');

  await fillReferralForm(app, {
    ...SAMPLE,
    ni: 'QQ 12 34 56 C',
    postcode: 'NOT A POSTCODE',
    dob: ['31', '2', '1990'],
  });
  await app.getByRole('button', { name: 'Add referral' }).click();
  await expect(summary).toContainText('A National Insurance number cannot start with Q');
  await expect(summary).toContainText('Enter a real UK postcode');
  await expect(summary).toContainText('Enter the date of birth as a real date');
  await expect(app.getByLabel('Postcode')).toHaveAttribute('aria-invalid', 'true');
  // The summary links move focus to the field.
  await summary.getByRole('link', { name: /postcode/ }).click();
  await expect(app.getByLabel('Postcode')).toBeFocused();
  await expectNoAxeViolations(app);
  await app.screenshot({ path: '/tmp/waymark-intake-errors.png', fullPage: true });

  const services = harness.backend.session.require().services;
  expect((await services.participants.list({})).total).toBe(0);

  // A duplicate referral reference is refused by the main process and shown on its field.
  await services.participants.create(
    (await import('../../src-shared/schemas/participant')).referralSchema.parse(
      (await import('../support/referrals')).referral({
        referralId: 'JCP-E2E-0001',
        niNumber: 'CE 11 22 33 A',
      }),
    ),
  );
  await fillReferralForm(app, SAMPLE);
  await app.getByRole('group', { name: 'Date of birth' }).getByLabel('Day').fill('12');
  await app.getByLabel('Postcode').fill('CF10 2GE');
  await app.getByLabel('National Insurance number').fill('AB 12 34 56 C');
  await app.getByRole('button', { name: 'Add referral' }).click();
  await expect(summary).toContainText('Referral JCP-E2E-0001 is already on the caseload');
  await expect(app.getByLabel('Referral reference')).toHaveAttribute('aria-invalid', 'true');
  expect((await services.participants.list({})).total).toBe(1);
});
