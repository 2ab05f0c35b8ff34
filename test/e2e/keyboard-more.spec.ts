/**
 * More of the adviser's screens with the keyboard only, at 640 x 800 (a 1280-wide window at 200%
 * zoom), in the manner of keyboard-day.spec.ts: every control reached with Tab and used with the
 * keys a browser gives it (page.keyboard only: no clicks, no fill, no calls over IPC for the
 * actions under test), focus checked after every action, and each screen checked with axe, for
 * sideways scroll at 640 px and for reflow at 320 CSS px. What each walk starts from is made
 * through the harness's services, which is not under test here.
 *
 * No walk depends on the time of day: meetings to log are at 00:00 today (always past, and
 * meetings can be logged on their day), and what is moved or cancelled is tomorrow or later.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { E2E_PASSPHRASE, setUpDirectly } from './helpers';
import { startedParticipant } from './plan-setup';
import { referral } from '../support/referrals';
import { referralSchema } from '../../src-shared/schemas/participant';
import { bookingSchema, officeSchema } from '../../src-shared/schemas/diary';
import { logMeetingSchema } from '../../src-shared/schemas/meeting';
import type { E2eServer } from '../support/e2e-server';
import { mondayOf } from '../../src-renderer/features/diary/week-model';
import { addDays, toDayNumber } from '../../src-shared/domain/calendar/civil-date';
import { londonDate } from '../../src-shared/domain/identity/civil-date';
import {
  activate,
  checkScreen,
  chooseOption,
  chooseRadio,
  expectFocusLanded,
  h1,
  tabTo,
  tick,
  typeInto,
} from './keyboard';

test.use({ viewport: { width: 640, height: 800 } });

const NAME = 'Zofia Wiśniewska';

/** The London date `n` days from today: the app's today, whatever this machine's time zone. */
const daysFromToday = (n: number) => addDays(londonDate(new Date()), n);

/** A started participant with appointments booked by phone on `day`, at each `HH:MM` for an hour. */
async function bookedOn(harness: E2eServer, day: string, times: string[]) {
  const id = await startedParticipant(harness);
  const services = harness.backend.session.require().services;
  for (const t of times) {
    const end = `${String(Number(t.slice(0, 2)) + 1).padStart(2, '0')}${t.slice(2)}`;
    await services.diary.book({
      participantId: id,
      start: `${day}T${t}`,
      end: `${day}T${end}`,
      kind: 'regular',
      channel: 'phone',
    });
  }
  return id;
}

/** Select what is in the focused box and type over it. */
async function retype(page: Page, text: string) {
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

const problem = (page: Page) => page.getByRole('alert').filter({ hasText: 'There is a problem' });

test('the week: move, cancel, print the day sheet and book again, with the keyboard only', async ({
  app,
  harness,
}) => {
  test.setTimeout(600_000);
  await setUpDirectly(app);
  const day = daysFromToday(1);
  await bookedOn(harness, day, ['10:00', '13:00']);
  await app.goto(`${harness.url}/#/week`);
  await expect(h1(app, 'Your week')).toBeVisible();
  await checkScreen(app);

  // Tomorrow may be in next week.
  const weeksAhead = (toDayNumber(mondayOf(day)) - toDayNumber(mondayOf(daysFromToday(0)))) / 7;
  const range = app.getByRole('heading', { level: 2 }).first();
  for (let i = 0; i < weeksAhead; i++) {
    await activate(app, app.getByRole('button', { name: 'Next week' }));
    await expectFocusLanded(app, range, { indicator: false });
  }
  const message = app.getByRole('status').filter({ hasText: NAME });
  const first = app.getByRole('listitem').filter({ hasText: '10:00 to 11:00' });
  const second = app.getByRole('listitem').filter({ hasText: '13:00 to 14:00' });

  await test.step('move: a wrong time, then a right one', async () => {
    const move = first.getByRole('button', { name: `Move ${NAME}’s appointment` });
    await activate(app, move);
    // A disclosure: focus stays on the button, which says it is open, and Tab goes into the form.
    await expect(move).toHaveAttribute('aria-expanded', 'true');
    await expectFocusLanded(app, move);
    const form = app.getByRole('form', { name: /^Move/ });
    await tabTo(app, form.getByLabel('New start time'));
    await retype(app, '25:00');
    await checkScreen(app);
    await activate(app, form.getByRole('button', { name: 'Move appointment' }));
    await expectFocusLanded(app, problem(app));
    await activate(app, problem(app).getByRole('link', { name: /hours and minutes/ }));
    await expectFocusLanded(app, form.getByLabel('New start time'));
    await retype(app, '15:30');
    await activate(app, form.getByRole('button', { name: 'Move appointment' }));
    await expectFocusLanded(app, message.filter({ hasText: 'moved to' }));
    await expect(app.getByRole('listitem').filter({ hasText: '15:30 to 16:30' })).toBeVisible();
    await checkScreen(app);
  });

  await test.step('cancel opened and closed again: focus goes back to its button', async () => {
    const cancel = second.getByRole('button', { name: `Cancel ${NAME}’s appointment` });
    await activate(app, cancel, { back: true });
    await expect(cancel).toHaveAttribute('aria-expanded', 'true');
    await activate(
      app,
      app.getByRole('form', { name: /^Cancel/ }).getByRole('button', { name: 'Keep it' }),
    );
    await expectFocusLanded(app, cancel);
    await expect(cancel).toHaveAttribute('aria-expanded', 'false');
  });

  await test.step('cancel: who cancelled is asked, then it is cancelled', async () => {
    const cancel = second.getByRole('button', { name: `Cancel ${NAME}’s appointment` });
    await app.keyboard.press('Enter');
    const form = app.getByRole('form', { name: /^Cancel/ });
    await activate(app, form.getByRole('button', { name: 'Cancel appointment' }));
    await expectFocusLanded(app, problem(app));
    await activate(app, problem(app).getByRole('link', { name: 'Say who cancelled' }));
    await expectFocusLanded(app, form.getByRole('radio').first());
    await chooseRadio(app, form.getByRole('group', { name: 'Who cancelled?' }), 'We did');
    await checkScreen(app);
    await activate(app, form.getByRole('button', { name: 'Cancel appointment' }));
    await expectFocusLanded(app, message.filter({ hasText: 'is cancelled' }));
    await expect(second).toContainText('Cancelled by us');
    await expect(cancel).toHaveCount(0);
    await checkScreen(app);
  });

  await test.step('the day sheet printed', async () => {
    const sheet = app
      .getByRole('button', { name: /^Print day sheet/ })
      .nth(toDayNumber(day) - toDayNumber(mondayOf(day)));
    await activate(app, sheet, { max: 60 });
    await expectFocusLanded(app, app.getByRole('status').filter({ hasText: 'The day sheet for' }));
    expect(harness.desktop.calls).toHaveLength(1);
  });

  await test.step('another time booked from the cancelled one', async () => {
    await activate(app, second.getByRole('link', { name: /^Book another time/ }), {
      back: true,
      max: 60,
    });
    await expectFocusLanded(app, h1(app, 'Book appointment'), { indicator: false });
    await checkScreen(app);
  });
});

/**
 * Meetings can only be logged on or after their day: the missed one is booked for 00:00 today,
 * which is always past.
 */
test('a missed meeting, its follow-up and the decision; a job start; a travel claim, with the keyboard only', async ({
  app,
  harness,
}) => {
  test.setTimeout(600_000);
  await setUpDirectly(app);
  const today = daysFromToday(0);
  const id = await bookedOn(harness, today, ['00:00', '01:00']);
  await app.goto(`${harness.url}/#/participants/${id}/meetings`);
  await expect(h1(app, /Meetings and contacts/)).toBeVisible();
  await checkScreen(app);
  const meeting = app.getByRole('heading', { level: 3, name: /00:00 regular appointment/ });

  await test.step('logged as not attended, with no notice', async () => {
    const log = app.getByRole('form', { name: /Log the appointment on .* 00:00/ });
    await chooseRadio(app, log.getByRole('group', { name: 'What happened?' }), 'Did not attend');
    await chooseRadio(app, log.getByRole('group', { name: 'Did they tell you beforehand?' }), 'No');
    await activate(app, log.getByRole('button', { name: 'Log outcome' }));
    await expectFocusLanded(app, meeting, { indicator: false });
    await expect(app.getByText('Follow-up needed', { exact: true })).toBeVisible();
    await checkScreen(app);
  });

  await test.step('the follow-up call logged', async () => {
    const contact = app.getByRole('form', { name: 'Log a contact attempt' });
    await chooseOption(app, contact.getByLabel('What happened'), 'No answer');
    await typeInto(app, contact.getByLabel('Note (optional)'), 'Rang twice, left a message.');
    await activate(app, contact.getByRole('button', { name: 'Log contact' }));
    await expect(app.getByText('Followed up', { exact: true })).toBeVisible();
    await expectFocusLanded(app, contact.getByRole('heading').first(), { indicator: false });
    await expect(app.getByText(/Rang twice, left a message/)).toBeVisible();
    await checkScreen(app);
  });

  await test.step('the decision recorded', async () => {
    const decision = app.getByRole('form', { name: 'Your decision' });
    await chooseRadio(
      app,
      decision.getByRole('group', { name: 'Was there good reason for missing it?' }),
      'No',
    );
    await activate(app, decision.getByRole('button', { name: 'Record decision' }));
    await expect(decision).toContainText('no good reason given');
    await expectFocusLanded(app, decision.getByRole('heading').first(), { indicator: false });
    await checkScreen(app);
  });

  await test.step('a job start recorded as a life event', async () => {
    const life = app.getByRole('form', { name: 'Record a life event' });
    await chooseOption(app, life.getByLabel('What happened'), 'Started a job');
    await typeInto(app, life.getByLabel('Employer'), 'Northern Logistics');
    await typeInto(app, life.getByLabel('Hours a week'), '30');
    await typeInto(app, life.getByLabel('Hourly wage (£)'), '12.71');
    await checkScreen(app);
    await activate(app, life.getByRole('button', { name: 'Record life event' }));
    await expectFocusLanded(app, app.getByRole('heading', { level: 2, name: 'Life events' }), {
      indicator: false,
    });
    await expect(app.getByRole('region', { name: 'Life events' })).toContainText(
      'Northern Logistics, 30 hours a week at £12.71 an hour',
    );
    await checkScreen(app);
  });

  await test.step('the other meeting attended, and a travel claim approved and paid', async () => {
    const log = app.getByRole('form', { name: /Log the appointment on .* 01:00/ });
    await chooseRadio(app, log.getByRole('group', { name: 'What happened?' }), 'Attended');
    await activate(app, log.getByRole('button', { name: 'Log outcome' }));
    await expectFocusLanded(
      app,
      app.getByRole('heading', { level: 3, name: /01:00 regular appointment/ }),
      { indicator: false },
    );
    const claimsHeading = app.getByRole('heading', { level: 4, name: 'Travel claims' });
    await typeInto(app, app.getByLabel('Amount (£)'), '4.80');
    await tick(app, app.getByLabel('I have seen the ticket or receipt'));
    await activate(app, app.getByRole('button', { name: 'Add claim' }));
    await expectFocusLanded(app, claimsHeading, { indicator: false });
    const claims = app.locator('.meeting-claims');
    await expect(claims).toContainText('£4.80 by bus: Claimed');
    await checkScreen(app);
    // The button pressed goes with the old status: focus goes to the claims' heading.
    await activate(app, claims.getByRole('button', { name: /^Approve/ }));
    await expect(claims).toContainText('£4.80 by bus: Approved');
    await expectFocusLanded(app, claimsHeading, { indicator: false });
    await activate(app, claims.getByRole('button', { name: /^Mark paid/ }));
    await expect(claims).toContainText('£4.80 by bus: Paid');
    await expectFocusLanded(app, claimsHeading, { indicator: false });
    await checkScreen(app);
  });
});

test('the better-off calculator filled, saved and its statement printed, with the keyboard only', async ({
  app,
  harness,
}) => {
  test.setTimeout(600_000);
  await setUpDirectly(app);
  const id = await startedParticipant(harness);
  await app.goto(`${harness.url}/#/participants/${id}`);
  await expect(h1(app, new RegExp(NAME))).toBeVisible();
  await activate(app, app.getByRole('link', { name: 'Better-off calculation' }), { max: 80 });
  await expectFocusLanded(app, h1(app, /Better-off calculation/), { indicator: false });
  await checkScreen(app);
  const headline = app.getByTestId('better-off-monthly');
  await expect(headline).toContainText('a month better off in work');

  await test.step('a partner and a child added and taken away again', async () => {
    const addPartner = app.getByRole('button', { name: 'Add a partner' });
    await activate(app, addPartner);
    const partner = app.getByRole('group', { name: 'Their partner' });
    await expectFocusLanded(app, partner.getByLabel('Age in years'));
    await activate(app, app.getByRole('button', { name: 'Remove the partner' }));
    await expectFocusLanded(app, addPartner);
    const addChild = app.getByRole('button', { name: 'Add a child' });
    await activate(app, addChild);
    await expectFocusLanded(
      app,
      app.getByRole('group', { name: 'Child 1: date of birth' }).getByLabel('Day'),
    );
    await activate(app, app.getByRole('button', { name: 'Remove child 1' }));
    await expectFocusLanded(app, addChild);
  });

  await test.step('30 hours, saved', async () => {
    const at16 = await headline.textContent();
    const hours = app.getByLabel('Hours a week', { exact: true });
    await tabTo(app, hours);
    await retype(app, '30');
    await expect(headline).not.toHaveText(at16 ?? '');
    await typeInto(
      app,
      app.getByLabel('Job title (optional, for the printed statement)'),
      'Forklift driver',
    );
    await checkScreen(app);
    await activate(app, app.getByRole('button', { name: 'Save calculation' }));
    await expectFocusLanded(app, app.getByRole('alert').filter({ hasText: 'Calculation saved' }));
    await expect(app.getByRole('table', { name: /Saved calculations/ })).toContainText('30 hours');
    await checkScreen(app);
  });

  await test.step('the statement printed', async () => {
    await activate(app, app.getByRole('button', { name: 'Save and print statement' }), {
      max: 120,
    });
    await expectFocusLanded(app, app.getByRole('alert').filter({ hasText: 'statement printed' }));
    expect(harness.desktop.calls).toHaveLength(1);
    await checkScreen(app);
  });
});

/** An office open all day every day (so any time today can be booked): letters are written from it. */
async function anOffice(harness: E2eServer) {
  const services = harness.backend.session.require().services;
  const office = await services.diary.saveOffice(
    officeSchema.parse({
      name: 'Waymark Employment Sheffield',
      nation: 'england-and-wales',
      address: { line1: '1 Arundel Gate', town: 'Sheffield', postcode: 'S1 2PN' },
      phone: '0114 496 0000',
      email: 'sheffield@waymark.example',
      stepFree: true,
      openingHours: Object.fromEntries(
        (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((d) => [
          d,
          [['00:00', '23:45']],
        ]),
      ),
    }),
  );
  return office;
}

/** Two participants contacted today, each with an induction booked at the office in two days' time or more. */
async function inductionsBooked(harness: E2eServer): Promise<void> {
  const services = harness.backend.session.require().services;
  const office = await anOffice(harness);
  for (const [n, givenName] of [
    [2, 'Amara'],
    [3, 'Bryn'],
  ] as const) {
    const { id } = await services.participants.create(
      referralSchema.parse(
        referral({
          givenName,
          referralId: `JCP-KBD-${n}`,
          niNumber: `AB ${10 + n} 34 56 C`,
          referralDate: daysFromToday(-3),
        }),
      ),
    );
    await services.participants.setStatus({ id, status: 'allocated', date: daysFromToday(-2) });
    await services.participants.setStatus({ id, status: 'contacted', date: daysFromToday(0) });
    const day = daysFromToday(3);
    await services.diary.book(
      bookingSchema.parse({
        participantId: id,
        officeId: office.id,
        start: `${day}T${9 + n}:00`.replace('T9', 'T09'),
        end: `${day}T${10 + n}:00`,
        kind: 'induction',
        channel: 'in-person',
      }),
    );
  }
}

test('a batch of letters chosen, made and printed, with the keyboard only', async ({
  app,
  harness,
}) => {
  test.setTimeout(600_000);
  await setUpDirectly(app);
  await inductionsBooked(harness);
  await app.goto(`${harness.url}/#/letters`);
  await expect(h1(app, 'Letters due')).toBeVisible();
  await expect(app.getByRole('table', { name: 'Letters due' }).getByRole('row')).toHaveCount(3);
  await checkScreen(app);

  const every = app.getByLabel('Every letter due (2)');
  await tabTo(app, every);
  await app.keyboard.press('Space');
  await expect(every).not.toBeChecked();
  await activate(app, app.getByRole('button', { name: 'Start (0 letters)' }));
  await expectFocusLanded(app, problem(app));
  await activate(app, problem(app).getByRole('link', { name: 'Choose at least one letter' }));
  await expectFocusLanded(app, every);
  await app.keyboard.press('Space');
  await chooseRadio(
    app,
    app.getByRole('group', { name: 'Output' }),
    'One print file, each letter starting on a new page',
  );
  await activate(app, app.getByRole('button', { name: 'Start (2 letters)' }));
  // While they are made focus is on the progress heading; then on the result's.
  await expectFocusLanded(app, app.getByRole('heading', { name: 'Letters ready' }), {
    indicator: false,
  });
  await checkScreen(app);

  await activate(app, app.getByRole('button', { name: 'Print the print file' }));
  await expect(app.getByText(/Sent to the print dialog: letters-/)).toBeVisible();
  // The button stays where it was, so the adviser can go on from it.
  await expectFocusLanded(app, app.getByRole('button', { name: 'Print the print file' }));
  expect(harness.desktop.calls).toHaveLength(1);

  await activate(app, app.getByRole('button', { name: 'Back to letters due' }));
  await expect(app.getByText('No letters are due.')).toBeVisible();
  await expectFocusLanded(app, h1(app, 'Letters due'), { indicator: false });
  await checkScreen(app);
});

test('a complaint recorded and acknowledged, with the keyboard only', async ({ app, harness }) => {
  test.setTimeout(600_000);
  await setUpDirectly(app);
  await startedParticipant(harness);
  // Complaints are a manager's (`set-role manager` in real use).
  harness.backend.session
    .require()
    .opened.raw.prepare("UPDATE advisers SET role = 'manager'")
    .run();
  await app.goto(`${harness.url}/#/complaints`);
  await app.reload();
  await expect(h1(app, 'Complaints')).toBeVisible();
  await checkScreen(app);

  await test.step('recorded, past the error summary', async () => {
    await activate(app, app.getByRole('link', { name: 'Record a complaint' }));
    await expectFocusLanded(app, h1(app, 'Record a complaint'), { indicator: false });
    await checkScreen(app);
    await activate(app, app.getByRole('button', { name: 'Record the complaint' }));
    await expectFocusLanded(app, problem(app));
    await activate(
      app,
      problem(app).getByRole('link', { name: 'Choose how the complaint was received' }),
    );
    await expectFocusLanded(app, app.getByLabel('In person'));
    await chooseRadio(
      app,
      app.getByRole('group', { name: 'Who made the complaint?' }),
      'A participant on this caseload',
    );
    await typeInto(app, app.getByLabel('Find the participant'), 'Zofia');
    await expect(app.getByRole('status').filter({ hasText: '1 match.' })).toBeVisible();
    await chooseRadio(
      app,
      app.getByRole('group', { name: 'Choose the participant' }),
      /Wiśniewska, Zofia, referred/,
    );
    await chooseRadio(app, app.getByRole('group', { name: 'How was it received?' }), 'By phone');
    await typeInto(app, app.getByLabel('Who or what is it about?'), 'Waiting times at reception');
    await typeInto(
      app,
      app.getByLabel('What does the complaint say?'),
      'I waited 40 minutes past my appointment time and nobody told me why.',
    );
    await checkScreen(app);
    await activate(app, app.getByRole('button', { name: 'Record the complaint' }));
    await expectFocusLanded(app, app.getByRole('alert').filter({ hasText: 'Complaint recorded.' }));
    await expect(h1(app, /Waiting times at reception/)).toBeVisible();
    await checkScreen(app);
  });

  await test.step('acknowledged, and the letter printed', async () => {
    await activate(app, app.getByRole('button', { name: 'Record the acknowledgement' }), {
      max: 80,
    });
    await expect(app.getByRole('heading', { name: 'Acknowledgement letter' })).toBeVisible();
    await expectFocusLanded(app, app.getByRole('alert').filter({ hasText: /acknowledge/i }));
    const print = app.getByRole('button', { name: 'Print acknowledgement letter' });
    await activate(app, print);
    await expect(app.getByText(/Sent to the print dialog/)).toBeVisible();
    await expectFocusLanded(app, print);
    expect(harness.desktop.calls).toHaveLength(1);
    await checkScreen(app);
  });
});

test('the plan’s health decision and support referral panels, with the keyboard only', async ({
  app,
  harness,
}) => {
  test.setTimeout(600_000);
  await setUpDirectly(app);
  const id = await startedParticipant(harness);
  await app.goto(`${harness.url}/#/participants/${id}/plan`);
  await expect(h1(app, /PPEP/)).toBeVisible();
  await activate(app, app.getByRole('button', { name: 'Write the PPEP' }));
  const sections = app.getByRole('navigation', { name: 'Sections' });
  await activate(app, sections.getByRole('button', { name: 'Barriers and support needs' }), {
    back: true,
  });
  await expectFocusLanded(
    app,
    app.getByRole('heading', { level: 2, name: 'Barriers and support needs' }),
    { indicator: false },
  );

  await test.step('a health-related barrier, and the decision to refer', async () => {
    await activate(app, app.getByRole('button', { name: 'Add a barrier' }));
    await expectFocusLanded(app, app.getByLabel('What makes it harder'));
    await app.keyboard.type('Back pain when lifting');
    await typeInto(app, app.getByLabel('Support agreed'), 'Occupational health assessment');
    await tick(app, app.getByLabel(/health-related need/));
    const health = app.getByRole('form', { name: 'Occupational health referral decision' });
    await expect(health).toBeVisible();
    await checkScreen(app);
    await activate(app, health.getByRole('button', { name: 'Record the decision' }));
    await expectFocusLanded(app, problem(app));
    await chooseRadio(
      app,
      health.getByRole('group', { name: 'Decision' }),
      'Refer for an assessment',
    );
    await activate(app, health.getByRole('button', { name: 'Record the decision' }));
    await expect(health).toContainText('Referred for an occupational health assessment on');
    await expectFocusLanded(app, health.getByRole('heading'), { indicator: false });
    await checkScreen(app);
  });

  await test.step('a support referral added and marked completed', async () => {
    const panel = app.getByRole('region', { name: 'Referrals to support services' });
    const heading = panel.getByRole('heading', { name: 'Referrals to support services' });
    const add = panel.getByRole('form', { name: 'Add a support referral' });
    await chooseOption(app, add.getByLabel('Kind of support'), 'Money and debt advice');
    await typeInto(app, add.getByLabel('Referred to'), 'Citizens Advice Sheffield');
    await activate(app, add.getByRole('button', { name: 'Add referral' }));
    await expectFocusLanded(app, heading, { indicator: false });
    await expect(panel.getByRole('table')).toContainText('Citizens Advice Sheffield');
    await checkScreen(app);
    await activate(app, panel.getByRole('button', { name: /^Mark completed/ }));
    await expect(panel.getByRole('table')).toContainText('Completed');
    await expectFocusLanded(app, heading, { indicator: false });
    await checkScreen(app);
  });
});

test('a survey handed over and answered, and a paper form entered, with the keyboard only', async ({
  app,
  harness,
}) => {
  test.setTimeout(600_000);
  await setUpDirectly(app);
  const services = harness.backend.session.require().services;
  const { id } = await services.participants.create(
    referralSchema.parse(referral({ givenName: 'Nadia', referralDate: daysFromToday(-60) })),
  );
  await services.participants.setStatus({
    id,
    status: 'exited',
    date: daysFromToday(0),
    exitReason: 'sustained-employment',
  });
  await app.goto(`${harness.url}/#/surveys`);
  await expect(h1(app, 'Feedback surveys')).toBeVisible();
  await checkScreen(app);
  const survey = h1(app, 'Looking back on your support');

  await test.step('the participant answers on the laptop', async () => {
    await activate(
      app,
      app.getByRole('button', { name: 'Hand over the laptop for Nadia Wiśniewska’s survey' }),
    );
    await expectFocusLanded(app, survey, { indicator: false });
    await checkScreen(app);
    await chooseRadio(
      app,
      app.getByRole('group', { name: /Overall, how satisfied/ }),
      /^Satisfied$/,
    );
    await typeInto(app, app.getByLabel(/What could we do better\?/), 'More evening sessions');
    await activate(app, app.getByRole('button', { name: 'Send my answers' }));
    await expectFocusLanded(app, h1(app, 'Thank you'), { indicator: false });
    await checkScreen(app);
  });

  await test.step('the adviser takes it back, past a wrong passphrase', async () => {
    await typeInto(app, app.getByLabel('Adviser’s passphrase'), 'not the right passphrase');
    await activate(app, app.getByRole('button', { name: 'Return to Waymark' }));
    const wrong = app.getByRole('alert').filter({ hasText: 'That passphrase is not right' });
    await expectFocusLanded(app, wrong);
    await tabTo(app, app.getByLabel('Adviser’s passphrase'), { back: true });
    await retype(app, E2E_PASSPHRASE);
    await activate(app, app.getByRole('button', { name: 'Return to Waymark' }));
    await expectFocusLanded(app, h1(app, 'Feedback surveys'), { indicator: false });
  });

  await test.step('a paper form entered, past the error summary', async () => {
    const which = app.getByLabel('Which survey');
    const exit = await which.locator('option[value="work-programme/exit"]').textContent();
    await chooseOption(app, which, exit!);
    await activate(app, app.getByRole('button', { name: 'Save the paper form' }));
    await expectFocusLanded(app, problem(app));
    await chooseRadio(app, app.getByRole('group', { name: /Do we listen to you/ }), 'Yes');
    await chooseRadio(
      app,
      app.getByRole('group', { name: /Overall, how satisfied/ }),
      'Very satisfied',
    );
    await checkScreen(app);
    await activate(app, app.getByRole('button', { name: 'Save the paper form' }));
    const saved = app.getByRole('alert').filter({ hasText: 'The paper form was saved.' });
    await expectFocusLanded(app, saved);
    await checkScreen(app);
    // A second form in a row is announced again.
    await chooseRadio(app, app.getByRole('group', { name: /Do we listen to you/ }), /^No$/);
    await activate(app, app.getByRole('button', { name: 'Save the paper form' }));
    await expectFocusLanded(app, saved);
  });
});

test('a missed-appointment letter chosen, previewed and printed, with the keyboard only', async ({
  app,
  harness,
}) => {
  test.setTimeout(600_000);
  await setUpDirectly(app);
  const id = await startedParticipant(harness);
  const services = harness.backend.session.require().services;
  const today = daysFromToday(0);
  const missed = await services.diary.book({
    participantId: id,
    start: `${today}T00:00`,
    end: `${today}T01:00`,
    officeId: (await anOffice(harness)).id,
    kind: 'regular',
    channel: 'in-person',
  });
  await services.meetings.log(
    logMeetingSchema.parse({
      appointmentId: missed.id,
      expectedVersion: missed.version,
      outcome: 'dna',
      priorNotice: false,
      channel: 'in-person',
    }),
  );
  await app.goto(`${harness.url}/#/participants/${id}/letters`);
  await expect(h1(app, /Letters and documents/)).toBeVisible();
  await checkScreen(app);

  await chooseRadio(
    app,
    app.getByRole('group', { name: 'Document' }),
    /^Missed appointment letter/,
  );
  const pdf = app.getByRole('group', {
    name: /Missed appointment letter for .*, as it will print/,
  });
  await expect(pdf.getByRole('img', { name: /^Page 1 of \d$/ })).toBeVisible();
  await tabTo(app, pdf);
  await checkScreen(app);
  await chooseRadio(app, app.getByRole('group', { name: 'How it is issued' }), 'Printed');
  await activate(app, app.getByRole('button', { name: 'Print missed appointment letter' }));
  await expectFocusLanded(app, app.getByRole('alert').filter({ hasText: 'printed and logged' }));
  expect(harness.desktop.calls).toHaveLength(1);
  await checkScreen(app);
});
