import { officeSchema } from '../../src-shared/schemas/diary';
import { test, expect, expectNoAxeViolations } from './fixtures';
import { setUpDirectly } from './helpers';
import { daysFromToday, startedParticipant } from './plan-setup';

test('log a missed appointment, follow it up with a call, record a job start and see the timeline', async ({
  app,
  harness,
}) => {
  await setUpDirectly(app);
  const id = await startedParticipant(harness);
  const services = harness.backend.session.require().services;
  const today = daysFromToday(0);
  await services.diary.book({
    participantId: id,
    start: `${today}T09:00`,
    end: `${today}T10:00`,
    kind: 'regular',
    channel: 'phone',
  });

  await app.goto(`${harness.url}/#/participants/${id}`);
  await app.getByRole('link', { name: 'Meetings, contacts and life events' }).click();
  await expect(app.getByRole('heading', { level: 1, name: /Meetings and contacts/ })).toBeVisible();
  await expectNoAxeViolations(app);

  // A few keystrokes: the outcome, whether they told us, Log.
  const log = app.getByRole('form', { name: /Log the appointment on/ });
  await log.getByLabel('Did not attend').check();
  await log.getByRole('group', { name: 'Did they tell you beforehand?' }).getByLabel('No').check();
  await log.getByLabel('Notes (optional)').press('Tab');
  await log.getByRole('button', { name: 'Log outcome' }).click();
  await expect(app.getByText('Follow-up needed', { exact: true })).toBeVisible();
  await expect(app.getByText(/Contact them by/)).toBeVisible();
  await expectNoAxeViolations(app);

  // A logged call clears it; the adviser's decision is recorded as a fact.
  const contact = app.getByRole('form', { name: 'Log a contact attempt' });
  await contact.getByLabel('What happened').selectOption('no-answer');
  await contact.getByRole('button', { name: 'Log contact' }).click();
  await expect(app.getByText('Followed up', { exact: true })).toBeVisible();
  const decision = app.getByRole('form', { name: 'Your decision' });
  await decision.getByLabel('No').check();
  await decision.getByLabel(/Pass a compliance doubt to Jobcentre Plus/).check();
  await decision.getByRole('button', { name: 'Record decision' }).click();
  await expect(decision).toContainText('the question was passed to Jobcentre Plus');
  await expect(app.locator('main')).not.toContainText(/sanction/i);

  // A job start: in work, with in-work support and a better-off calculation to do.
  const life = app.getByRole('form', { name: 'Record a life event' });
  await life.getByLabel('What happened').selectOption('job-start');
  await life.getByLabel('Employer').fill('Northern Logistics');
  await life.getByLabel('Hours a week').fill('30');
  await life.getByLabel('Hourly wage (£)').fill('12.71');
  await life.getByRole('button', { name: 'Record life event' }).click();
  await expect(app.getByText('In-work support has started.')).toBeVisible();
  await expect(app.getByRole('region', { name: 'Life events' })).toContainText(
    'Northern Logistics, 30 hours a week at £12.71 an hour',
  );
  await expectNoAxeViolations(app);

  // The participant page shows them in work, with R7, R11 and R14 to do.
  await app.getByRole('link', { name: /^Back to/ }).click();
  await expect(app.locator('.tag').filter({ hasText: 'In work' }).first()).toBeVisible();
  const outstanding = app.getByRole('list', { name: 'Outstanding obligations' });
  await expect(outstanding).toContainText('In-work support');
  await expect(outstanding).toContainText('Better-off-in-work calculation');
  await expect(outstanding).toContainText('PPEP review');

  // The full timeline, filtered by kind.
  await app.getByRole('link', { name: /Full timeline/ }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Timeline' })).toBeVisible();
  const timeline = app.locator('.timeline');
  await expect(timeline).toContainText('did not attend');
  await expect(timeline).toContainText('Started work: Northern Logistics');
  await app.getByLabel('Appointments and outcomes').uncheck();
  await expect(timeline).not.toContainText('did not attend');
  await expect(timeline).toContainText('Started work: Northern Logistics');
  await expectNoAxeViolations(app);
  await app.emulateMedia({ media: 'print' });
  await expect(app.getByRole('button', { name: 'Print timeline' })).toBeHidden();
  await expect(timeline).toBeVisible();
});

test('special-category notes are hidden from reception, and travel claims go claimed → approved → paid', async ({
  app,
  harness,
}) => {
  await setUpDirectly(app);
  const id = await startedParticipant(harness);
  const services = harness.backend.session.require().services;
  const today = daysFromToday(0);
  await services.diary.book({
    participantId: id,
    start: `${today}T09:00`,
    end: `${today}T10:00`,
    kind: 'regular',
    channel: 'phone',
  });
  await app.goto(`${harness.url}/#/participants/${id}/meetings`);
  const log = app.getByRole('form', { name: /Log the appointment on/ });
  await log.getByLabel('Attended').check();
  await log.getByLabel('Notes (optional)').fill('Talked about a new diagnosis.');
  await log.getByLabel(/special-category information/).check();
  await log.getByRole('button', { name: 'Log outcome' }).click();
  await expect(app.getByText('Talked about a new diagnosis.')).toBeVisible();

  await app.getByLabel('Amount (£)').fill('4.80');
  await app.getByLabel('I have seen the ticket or receipt').check();
  await app.getByRole('button', { name: 'Add claim' }).click();
  const claims = app.locator('.meeting-claims');
  await expect(claims).toContainText('£4.80 by bus: Claimed');
  await claims.getByRole('button', { name: /Approve/ }).click();
  await expect(claims).toContainText('£4.80 by bus: Approved');
  await claims.getByRole('button', { name: /Mark paid/ }).click();
  await expect(claims).toContainText('£4.80 by bus: Paid');
  await expectNoAxeViolations(app);

  // The same caseload opened by reception: the note's words are not sent at all.
  await harness.backend.session
    .require()
    .services.wp.db.updateTable('advisers')
    .set({ role: 'reception' })
    .execute();
  await app.reload();
  await expect(
    app.getByText(/special-category information and are shown only to advisers/),
  ).toBeVisible();
  await expect(app.locator('main')).not.toContainText('new diagnosis');
});

test('after logging a meeting, the next one is booked on the spot from the slot finder', async ({
  app,
  harness,
}) => {
  await setUpDirectly(app);
  const id = await startedParticipant(harness);
  const services = harness.backend.session.require().services;
  const today = daysFromToday(0);
  // The slot finder needs somewhere to meet: an office open on weekdays.
  const hours: [string, string][] = [['09:00', '17:00']];
  await services.diary.saveOffice(
    officeSchema.parse({
      name: 'Sheffield Eastern Avenue',
      nation: 'england-and-wales',
      address: { line1: '1 Eastern Avenue', town: 'Sheffield', postcode: 'S2 4QR' },
      phone: '0114 496 0000',
      email: 'office@example.org',
      stepFree: true,
      openingHours: { mon: hours, tue: hours, wed: hours, thu: hours, fri: hours },
    }),
  );
  await services.diary.book({
    participantId: id,
    start: `${today}T09:00`,
    end: `${today}T10:00`,
    kind: 'regular',
    channel: 'phone',
  });
  await app.goto(`${harness.url}/#/participants/${id}/meetings`);
  const log = app.getByRole('form', { name: /Log the appointment on/ });
  await log.getByLabel('Attended').check();
  await log.getByText('Book the next appointment (optional)').click();
  await log.getByRole('button', { name: 'Find the earliest free times' }).click();
  await expect(log.getByRole('status').filter({ hasText: 'free times found' })).toContainText('5');
  const first = log.getByRole('group', { name: 'Free times' }).getByRole('radio').first();
  await first.check();
  await expectNoAxeViolations(app);
  await log.getByRole('button', { name: 'Log outcome' }).click();
  await expect
    .poll(
      async () =>
        (await services.diary.forParticipant(id)).filter((a) => a.outcome === 'booked').length,
    )
    .toBe(1);
  const [next] = (await services.diary.forParticipant(id)).filter((a) => a.outcome === 'booked');
  expect(next!.start >= `${today}T10:00`).toBe(true);
});
