/**
 * Complaints and "You told us, we did" in the app, over a real encrypted caseload: hidden from an
 * adviser (no link, the page refuses); a manager records a complaint from a participant, sees its
 * stage on the route with the working-day due date, acknowledges and responds (letters printed
 * and read back), escalates with the route explained, closes with outcome and lessons, adds a
 * "You told us, we did" entry linked to it and prints the poster, which carries no name. axe
 * runs on every screen and state.
 */
import { readFileSync } from 'node:fs';
import { test, expect, expectNoAxeViolations } from './fixtures';
import { setUpDirectly } from './helpers';
import { referral } from '../support/referrals';
import { pdfText } from '../pdf/pdf-reader';
import { calendarsFrom } from '../../src-shared/domain/calendar/shipped-calendars';
import { londonDate } from '../../src-shared/domain/identity/civil-date';
import { addDays } from '../../src-shared/domain/calendar/civil-date';
import { dayMonthYear } from '../../src-shared/wording/dates';
import { shippedProfile } from '../../src-shared/domain/charter/shipped-profiles';
import { complaintRoute, responseDue } from '../../src-shared/domain/complaints/complaint';

const today = londonDate(new Date());
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/;

test('a manager takes a complaint along its route and tells the waiting room what changed', async ({
  app,
  harness,
}) => {
  test.setTimeout(240_000);
  await setUpDirectly(app);
  const created = await app.evaluate(
    (r) => window.waymark['participant:create'](r),
    referral({ givenName: 'Zofia', familyName: 'Wiśniewska' }),
  );
  expect(created.ok).toBe(true);

  // An adviser: no Complaints in the navigation, and the page itself refuses.
  const nav = app.getByRole('navigation', { name: 'Primary' });
  await expect(nav.getByRole('link', { name: 'Caseload' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Complaints' })).toHaveCount(0);
  await app.goto(`${harness.url}#/complaints`);
  await expect(
    app.getByRole('heading', { level: 1, name: 'You cannot see complaints' }),
  ).toBeVisible();
  await expectNoAxeViolations(app);

  // Provisioned as a manager (`set-role manager` in real use).
  harness.backend.session
    .require()
    .opened.raw.prepare("UPDATE advisers SET role = 'manager'")
    .run();
  await app.goto(`${harness.url}#/caseload`);
  await app.reload();
  await nav.getByRole('link', { name: 'Complaints' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Complaints' })).toBeVisible();
  await expect(app.getByText('No complaints have been recorded.')).toBeVisible();
  await expectNoAxeViolations(app);

  // Record: nothing filled in gives the error summary, focused, linking to each field.
  await app.getByRole('link', { name: 'Record a complaint' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Record a complaint' })).toBeVisible();
  await expectNoAxeViolations(app);
  await app.getByRole('button', { name: 'Record the complaint' }).click();
  const summary = app.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Choose who made the complaint');
  await expect(summary).toContainText('Choose how the complaint was received');
  await expect(summary).toContainText('Enter who or what the complaint is about');
  await expectNoAxeViolations(app);
  await summary.getByRole('link', { name: 'Choose how the complaint was received' }).click();
  await expect(app.getByLabel('In person')).toBeFocused();

  await app.getByLabel('A participant on this caseload').check();
  await app.getByLabel('Find the participant').fill('Zofia');
  await app.getByLabel(/Wiśniewska, Zofia, referred/).check();
  await app.getByLabel('By phone').check();
  await app.getByLabel('Who or what is it about?').fill('Waiting times at reception');
  await app
    .getByLabel('What does the complaint say?')
    .fill('I waited 40 minutes past my appointment time and nobody told me why.');
  await expectNoAxeViolations(app);
  await app.getByRole('button', { name: 'Record the complaint' }).click();

  // Its page: the first stage of the Work Programme route, due in 10 working days.
  const route = complaintRoute(shippedProfile('work-programme')!);
  const due = responseDue(today, route[0]!, calendarsFrom()['england-and-wales'])!;
  await expect(
    app.getByRole('heading', { level: 1, name: /Waiting times at reception/ }),
  ).toBeVisible();
  await expect(app.getByRole('alert')).toContainText(
    `Complaint recorded. ${route[0]!.name}: response due by ${dayMonthYear(due)}.`,
  );
  const routeList = app.locator('.complaint-route > li');
  await expect(routeList).toHaveCount(4);
  await expect(routeList.nth(0)).toContainText(`Response due by ${dayMonthYear(due)}`);
  await expect(routeList.nth(1)).toContainText('Next, if still unhappy');
  await expect(routeList.nth(3)).toContainText('Independent Case Examiner');
  await expect(app.getByText('Zofia Wiśniewska', { exact: true })).toBeVisible();
  expect(await app.locator('main').innerText()).not.toMatch(ISO_DATE);
  await expectNoAxeViolations(app);

  // Acknowledge, then print the acknowledgement letter and read it back.
  await app.getByRole('button', { name: 'Record the acknowledgement' }).click();
  await expect(app.getByRole('heading', { name: 'Acknowledgement letter' })).toBeVisible();
  await app.getByRole('button', { name: 'Print acknowledgement letter' }).click();
  await expect(app.getByText(/Sent to the print dialog/)).toBeVisible();
  const ack = (await pdfText(readFileSync(harness.desktop.calls.at(-1)!.file))).replace(
    /\s+/g,
    ' ',
  );
  expect(ack).toContain('We have received your complaint');
  expect(ack).toContain(`reply to you by ${dayMonthYear(due)}`);
  expect(ack).toContain(route[1]!.name);
  await expectNoAxeViolations(app);

  // Respond, without words first: the error is on the response.
  const respond = app.getByRole('form', { name: /Respond at this stage/ });
  await respond.getByRole('button', { name: 'Record the response' }).click();
  await expect(respond.getByRole('alert')).toContainText('Enter the response');
  await expectNoAxeViolations(app);
  await respond
    .getByLabel('Our response')
    .fill('We are sorry. Reception will now tell you if your adviser is running late.');
  await respond.getByRole('button', { name: 'Record the response' }).click();
  await expect(app.getByRole('heading', { name: 'Response letter' })).toBeVisible();
  await app.getByRole('button', { name: 'Save response letter' }).click();
  await expect(app.getByText(/Saved: Complaint response/)).toBeVisible();
  const resp = (await pdfText(readFileSync(harness.desktop.calls.at(-1)!.file))).replace(
    /\s+/g,
    ' ',
  );
  expect(resp).toContain('Reception will now tell you if your adviser is running late.');
  expect(resp).toContain(
    `If you are still unhappy, you can take your complaint to ${route[1]!.name}`,
  );

  // Escalate: the next stage and how to reach it are explained before moving on.
  const escalate = app.getByRole('region', { name: 'Still unhappy: move to the next stage' });
  await expect(escalate).toContainText(route[1]!.contact);
  await expect(escalate).toContainText('15 working days');
  await expectNoAxeViolations(app);
  await escalate.getByRole('button', { name: `Move to ${route[1]!.name}` }).click();
  await expect(app.locator('.complaint-route > li[aria-current="step"]')).toContainText(
    route[1]!.name,
  );
  await expect(routeList.nth(0)).toContainText('Done. Responded on');
  await expectNoAxeViolations(app);

  // Close with an outcome and lessons.
  const close = app.getByRole('form', { name: 'Close the complaint' });
  await close.getByRole('button', { name: 'Close the complaint' }).click();
  await expect(close.getByRole('alert')).toContainText('Choose the outcome');
  await close.getByLabel('Partly upheld').check();
  await close.getByLabel('What we learned').fill('Tell people in the waiting room about delays.');
  await close.getByRole('button', { name: 'Close the complaint' }).click();
  await expect(app.getByText('Closed', { exact: true }).first()).toBeVisible();
  await expect(app.locator('.summary-list')).toContainText('Partly upheld');
  expect(await app.locator('main').innerText()).not.toMatch(ISO_DATE);
  await expectNoAxeViolations(app);

  // "You told us, we did": add an entry linked to the complaint.
  await app.getByRole('link', { name: /Record a change in/ }).click();
  await expect(
    app.getByRole('heading', { level: 1, name: /Add a change to “You told us, we did”/ }),
  ).toBeVisible();
  await expectNoAxeViolations(app);
  await app.getByRole('button', { name: 'Add the change' }).click();
  const ytuSummary = app.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(ytuSummary).toContainText('Enter what people told us');
  await expect(ytuSummary).toContainText('Choose at least one complaint');
  await expectNoAxeViolations(app);
  await app.getByLabel('You told us', { exact: true }).fill('Zofia Wiśniewska waited too long.');
  await app.getByLabel('We did', { exact: true }).fill('Reception tells you about delays.');
  await app.getByLabel(/Waiting times at reception, received/).check();
  await app.getByRole('button', { name: 'Add the change' }).click();
  await expect(ytuSummary).toContainText('leave out the name of anyone behind it');
  await app
    .getByLabel('You told us', { exact: true })
    .fill('You waited too long at reception without being told why.');
  await app.getByRole('button', { name: 'Add the change' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'You told us, we did' })).toBeVisible();
  await expect(app.getByRole('alert')).toContainText('Change added');
  await expect(app.getByRole('link', { name: /Complaint received .*Waiting times/ })).toBeVisible();
  await expectNoAxeViolations(app);

  // The poster: large type, what was said and done, no name.
  await app.getByRole('button', { name: 'Print “You told us, we did” poster' }).click();
  await expect(app.getByText(/Sent to the print dialog: You told us, we did/)).toBeVisible();
  const poster = (await pdfText(readFileSync(harness.desktop.calls.at(-1)!.file))).replace(
    /\s+/g,
    ' ',
  );
  expect(poster).toContain('You waited too long at reception without being told why.');
  expect(poster).toContain('Reception tells you about delays.');
  for (const personal of ['Zofia', 'Wiśniewska', '40 minutes', 'Waiting times'])
    expect(poster).not.toContain(personal);

  // An overdue response is on the manager's agenda and opens the complaint.
  const overdue = await app.evaluate((c) => window.waymark['complaints:record'](c), {
    participantId: null,
    receivedOn: addDays(today, -30),
    channel: 'email' as const,
    about: 'Travel costs not repaid',
    summary: 'My travel claim has not been paid.',
    profileId: 'work-programme',
  });
  expect(overdue.ok).toBe(true);
  await nav.getByRole('link', { name: 'Agenda' }).click();
  await app.getByRole('link', { name: 'Travel costs not repaid' }).click();
  await expect(
    app.getByRole('heading', { level: 1, name: /Travel costs not repaid/ }),
  ).toBeVisible();
  await expect(app.getByText('Response overdue', { exact: true })).toBeVisible();
  await expectNoAxeViolations(app);
});
