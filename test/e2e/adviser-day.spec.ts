/**
 * An adviser's day from an empty caseload, using only the screens (no seed, no IPC calls from
 * the test): set up, an office and an outreach venue, the working pattern, a referral typed in
 * and five imported from a CSV file, first contact, an induction booked with the slot finder,
 * its letter previewed and printed, the induction logged, a PPEP agreed, a meeting missed and
 * its follow-up, a better-off calculation and the agenda. Axe on every screen, and every screen
 * reflows at 320 CSS px (200% zoom of a 640 px window).
 *
 * Meetings can only be logged as attended or missed on or after their day, and the slot finder
 * offers nothing before now, so the office and the working pattern are open all day every day
 * and both meetings are booked for later today. Run after about 23:00 London time, nothing is
 * left to book today and the test says so.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations } from './fixtures';
import { expectReflow, fillReferralForm, SAMPLE, setUpThroughUi } from './helpers';
import { toCsv, validRow } from '../support/referral-csv';
import { pdfText } from '../pdf/pdf-reader';
import { londonDate } from '../../src-shared/domain/identity/civil-date';

const today = londonDate(new Date());
const [year, month, day] = today.split('-').map((n) => String(Number(n))) as [
  string,
  string,
  string,
];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const ALL_DAY = '0:00 to 23:45';
const squash = (s: string) => s.replace(/\s+/g, '');

async function fillDate(scope: Page | Locator, legend: string | RegExp, [d, m, y]: string[]) {
  const group = scope.getByRole('group', { name: legend });
  await group.getByLabel('Day').fill(d!);
  await group.getByLabel('Month').fill(m!);
  await group.getByLabel('Year').fill(y!);
}

/** Axe and the 320 px reflow check: every screen of the journey gets both. */
async function checkScreen(app: Page): Promise<void> {
  await expectNoAxeViolations(app);
  await expectReflow(app);
}

const IMPORTED = [
  ['Aoife', 'Byrne'],
  ['Bilal', 'Hussain'],
  ['Carys', 'Morgan'],
  ['Dmitri', 'Volkov'],
  ['Efua', 'Mensah'],
] as const;

test('an adviser’s day from an empty caseload, using only the screens', async ({
  app,
  harness,
}) => {
  test.setTimeout(600_000);
  const participantName = app.getByRole('heading', { level: 1, name: /Siân ap Gruffydd|Sian/ });
  const backToParticipant = () =>
    app
      .getByRole('link', { name: /^Back to/ })
      .first()
      .click();

  await test.step('set up, with the first-run guide on the empty caseload', async () => {
    await checkScreen(app);
    await setUpThroughUi(app);
    await expect(app.getByRole('status').filter({ hasText: 'participants' })).toHaveText(
      '0 participants on your caseload',
    );
    await expect(app.getByRole('region', { name: 'Get started' })).toContainText('Not done yet');
    await checkScreen(app);
  });

  await test.step('an office and an outreach venue on the places screen', async () => {
    await app.getByRole('link', { name: 'Offices and venues' }).click();
    await expect(
      app.getByRole('heading', { level: 2, name: 'No offices or venues yet' }),
    ).toBeVisible();
    await checkScreen(app);
    await app.getByRole('link', { name: 'Add an office or venue' }).first().click();
    await expect(
      app.getByRole('heading', { level: 1, name: 'Add an office or venue' }),
    ).toBeVisible();
    await app.getByLabel('Name', { exact: true }).fill('Cardiff Charles Street');
    await app
      .getByRole('group', { name: 'Which nation is it in?' })
      .getByLabel('England and Wales')
      .check();
    await app.getByLabel('Address line 1').fill('1 Charles Street');
    await app.getByLabel('Town or city').fill('Cardiff');
    await app.getByLabel('Postcode').fill('CF10 2SF');
    await app.getByLabel('Phone number').fill('029 2018 0001');
    await app.getByLabel('Email address').fill('cardiff@waymark.example');
    for (const d of DAYS) await app.getByLabel(d).fill(ALL_DAY);
    await app.getByLabel('Step-free entrance').check();
    await checkScreen(app);
    await app.getByRole('button', { name: 'Save office or venue' }).click();
    await expect(app.getByRole('heading', { level: 1, name: 'Offices and venues' })).toBeVisible();
    await expect(app.getByRole('alert')).toContainText('Cardiff Charles Street added.');
    await expect(app.getByRole('region', { name: 'Cardiff Charles Street' })).toContainText(
      'Sunday: 00:00 to 23:45',
    );

    await app.getByRole('link', { name: 'Add an office or venue' }).first().click();
    await app.getByLabel('An outreach venue (a library, community centre or similar)').check();
    await app.getByLabel('Name', { exact: true }).fill('Splott library');
    await app
      .getByRole('group', { name: 'Which nation is it in?' })
      .getByLabel('England and Wales')
      .check();
    await app.getByLabel('Address line 1').fill('Singleton Road');
    await app.getByLabel('Town or city').fill('Cardiff');
    await app.getByLabel('Postcode').fill('CF24 2ET');
    await app.getByLabel('Phone number').fill('029 2018 0002');
    await app.getByLabel('Email address').fill('outreach@waymark.example');
    await app.getByLabel('Tuesday').fill('10:00 to 12:00');
    await app.getByRole('button', { name: 'Save office or venue' }).click();
    await expect(app.getByRole('region', { name: 'Splott library' })).toContainText(
      'Outreach venue, England and Wales',
    );
    await checkScreen(app);
  });

  await test.step('the working pattern', async () => {
    await app.getByRole('link', { name: 'Caseload', exact: true }).click();
    await app
      .getByRole('region', { name: 'Get started' })
      .getByRole('link', { name: '2. Set your working hours' })
      .click();
    await expect(app.getByRole('heading', { level: 1, name: 'Diary settings' })).toBeVisible();
    const pattern = app.getByRole('form', { name: 'Your working pattern' });
    for (const d of DAYS) await pattern.getByLabel(d).fill(ALL_DAY);
    await pattern.getByRole('button', { name: 'Save working pattern' }).click();
    await expect(pattern.getByRole('status')).toHaveText('Working pattern saved.');
    await checkScreen(app);
  });

  await test.step('a referral through the form', async () => {
    await app.getByRole('link', { name: 'Add referral' }).click();
    await expect(app.getByRole('heading', { level: 1, name: 'Add a referral' })).toBeFocused();
    await fillReferralForm(app, { ...SAMPLE, referralDate: [day, month, year] });
    await checkScreen(app);
    await app.getByRole('button', { name: 'Add referral' }).click();
    await expect(participantName).toBeVisible();
    await checkScreen(app);
  });

  await test.step('five referrals imported from a CSV file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'waymark day '));
    try {
      const file = join(dir, 'referrals today.csv');
      writeFileSync(
        file,
        toCsv(
          IMPORTED.map(([given_name, family_name], i) =>
            validRow(i + 1, { given_name, family_name }),
          ),
        ),
      );
      await app.getByRole('link', { name: 'Import referrals' }).click();
      await expect(app.getByRole('heading', { level: 1, name: 'Import referrals' })).toBeFocused();
      await checkScreen(app);
      await app.getByLabel('Referral file (CSV)').setInputFiles(file);
      await app.getByRole('button', { name: 'Import referrals' }).click();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    await expect(app.getByRole('heading', { name: 'Import complete' })).toBeFocused();
    await expect(app.getByTestId('import-total')).toHaveText('5');
    await expect(app.getByTestId('import-imported')).toHaveText('5');
    await expect(app.getByTestId('import-failed')).toHaveText('0');
    await checkScreen(app);
    await app.getByRole('link', { name: 'Go to your caseload' }).click();
    await expect(app.getByRole('status').filter({ hasText: 'participants' })).toHaveText(
      '6 participants on your caseload',
    );
    for (const [given, family] of IMPORTED)
      await expect(app.getByRole('link', { name: `${family}, ${given}` })).toBeVisible();
    await checkScreen(app);
  });

  await test.step('allocated, then first contact recorded', async () => {
    await app.getByRole('link', { name: 'ap Gruffydd, Siân' }).click();
    await expect(participantName).toBeFocused();
    for (const [status, note] of [
      ['Allocated', 'Allocated to me'],
      ['Contacted', 'First call: happy to come in today'],
    ] as const) {
      await app
        .getByRole('group', { name: /New status/ })
        .getByLabel(status)
        .check();
      await fillDate(app, 'Date of the change', [day, month, year]);
      await app.getByLabel('Note (optional)').fill(note);
      await app.getByRole('button', { name: 'Change status' }).click();
      await expect(
        app.getByRole('alert').filter({ hasText: `Status changed to ${status.toLowerCase()}` }),
      ).toBeVisible();
      await expect(app.locator('.timeline .timeline__item').first()).toContainText(note);
    }
    await checkScreen(app);
  });

  /** Books the first time the slot finder offers today, for the kind chosen. */
  async function bookToday(kind: 'induction' | 'regular'): Promise<string> {
    await app.getByRole('link', { name: 'Book appointment' }).click();
    await expect(app.getByRole('heading', { level: 1, name: 'Book appointment' })).toBeVisible();
    await app.getByLabel('Kind of appointment').selectOption(kind);
    await app.getByLabel('Where').selectOption({ label: 'Cardiff Charles Street' });
    await fillDate(app, 'From (optional)', [day, month, year]);
    await fillDate(app, 'To (optional)', [day, month, year]);
    await app.getByRole('button', { name: 'Find times' }).click();
    const choices = app.getByRole('group', { name: 'Choose a time' }).getByRole('radio');
    const none = app.getByText('No time is free in the days searched');
    await expect(choices.first().or(none)).toBeVisible();
    // Outcomes can be logged only on the meeting's day and the slot finder never offers a past
    // time, so both meetings are booked later today; after about 23:00 none is left.
    test.skip(await none.isVisible(), 'Nothing is left to book today: run this before 23:00.');
    await choices.first().check();
    const label = await app.locator('label[for="slot-choice"]').innerText();
    expect(label).toContain('Cardiff Charles Street');
    await checkScreen(app);
    await app.getByRole('button', { name: 'Book this time' }).click();
    await expect(app.getByRole('status').filter({ hasText: 'Booked:' })).toBeFocused();
    await checkScreen(app);
    return label;
  }

  await test.step('an induction booked with the slot finder', async () => {
    const label = await bookToday('induction');
    await expect(app.getByRole('status').filter({ hasText: 'Booked:' })).toContainText('Induction');
    expect(label).toContain('Cardiff Charles Street');
  });

  await test.step('the induction letter previewed and printed', async () => {
    await app.getByRole('link', { name: 'Write the appointment letter' }).click();
    await expect(
      app.getByRole('heading', { level: 1, name: /Letters and documents/ }),
    ).toBeVisible();
    await app.getByRole('radio', { name: /Induction letter/ }).check();
    const pdf = app.getByRole('group', {
      name: /Induction letter for Siân .*, as it will print/,
    });
    await expect(pdf.getByRole('img', { name: /^Page 1 of \d$/ })).toBeVisible();
    await expect(app.getByTestId('letter-preview')).toContainText('Dear Sian,');
    await checkScreen(app);
    await app.getByLabel('Printed').check();
    await app.getByRole('button', { name: 'Print induction letter' }).click();
    await expect(app.getByRole('alert').filter({ hasText: 'printed and logged' })).toBeFocused();
    // The loopback harness stands in for the print dialog and keeps the PDF it was given.
    expect(harness.desktop.calls.map((c) => c.action)).toEqual(['print']);
    const printed = readFileSync(harness.desktop.calls[0]!.file);
    expect(squash(await pdfText(printed))).toContain(squash('Cardiff Charles Street'));
    await expect(
      app.getByRole('table', { name: 'Letters issued, newest first' }).getByRole('row'),
    ).toHaveCount(2);
    await checkScreen(app);
    await backToParticipant();
    await expect(participantName).toBeVisible();
  });

  await test.step('the induction logged as attended', async () => {
    await app.getByRole('link', { name: 'Meetings, contacts and life events' }).click();
    await expect(
      app.getByRole('heading', { level: 1, name: /Meetings and contacts/ }),
    ).toBeVisible();
    await checkScreen(app);
    const log = app.getByRole('form', { name: /Log the appointment on/ });
    await log.getByLabel('Attended').check();
    await log.getByLabel('Notes (optional)').fill('Induction done; talked about warehouse work.');
    await log.getByRole('button', { name: 'Log outcome' }).click();
    await expect(app.getByText('Induction done; talked about warehouse work.')).toBeVisible();
    await checkScreen(app);
    await backToParticipant();
    await expect(participantName).toBeVisible();
  });

  await test.step('a PPEP written and agreed', async () => {
    await app.getByRole('link', { name: /^Plan/ }).click();
    await expect(app.getByRole('heading', { level: 1, name: /PPEP/ })).toBeVisible();
    await checkScreen(app);
    await app.getByRole('button', { name: 'Write the PPEP' }).click();
    const tasks = app.getByRole('navigation', { name: 'Sections' });
    await app.getByLabel('About me', { exact: true }).fill('Ten years in a warehouse.');
    await app.getByLabel('Strengths', { exact: true }).fill('Reliable');
    await expect(app.getByRole('status').filter({ hasText: 'Draft saved' })).toBeVisible();
    await app.getByRole('button', { name: 'Continue' }).click();
    await expect(app.getByRole('heading', { level: 2, name: 'Job goals' })).toBeFocused();
    await app.getByLabel('Short-term job goals').fill('Forklift licence');
    await tasks.getByRole('button', { name: 'Steps' }).click();
    await app.getByRole('button', { name: 'Add a step' }).click();
    await app.getByLabel('What will be done').fill('Update my CV');
    const due = new Date(`${today}T12:00:00Z`);
    due.setUTCDate(due.getUTCDate() + 14);
    await fillDate(app, 'Step 1 due date', [
      String(due.getUTCDate()),
      String(due.getUTCMonth() + 1),
      String(due.getUTCFullYear()),
    ]);
    await expect(app.getByRole('status').filter({ hasText: 'Draft saved' })).toBeVisible();
    await checkScreen(app);
    await tasks.getByRole('button', { name: 'Agreement' }).click();
    await app.getByLabel('In person at a meeting').check();
    await app.getByLabel(/wrote this PPEP together/).check();
    await app.getByRole('button', { name: 'Agree PPEP' }).click();
    await expect(app.getByRole('alert').filter({ hasText: 'PPEP version 1 agreed' })).toBeVisible();
    await expect(app.getByText('Update my CV (participant')).toBeVisible();
    await checkScreen(app);
    await backToParticipant();
    await expect(participantName).toBeVisible();
  });

  await test.step('a meeting missed, and the follow-up it needs', async () => {
    await bookToday('regular');
    await backToParticipant();
    await expect(participantName).toBeVisible();
    await app.getByRole('link', { name: 'Meetings, contacts and life events' }).click();
    const log = app.getByRole('form', { name: /Log the appointment on/ });
    await log.getByLabel('Did not attend').check();
    await log
      .getByRole('group', { name: 'Did they tell you beforehand?' })
      .getByLabel('No')
      .check();
    await log.getByRole('button', { name: 'Log outcome' }).click();
    const missed = app.getByRole('listitem').filter({ hasText: 'regular appointment' });
    await expect(missed).toContainText('Did not attend, no notice given');
    // The R8 follow-up and its due date. Today's earlier contacts (first contact, the logged
    // induction) already count, so it shows as followed up rather than "Follow-up needed".
    await expect(missed).toContainText(/(Follow-up needed|Followed up)/);
    await expect(missed).toContainText(/(Contact them by|due by) \d{1,2} \w+ \d{4}/);
    await expect(missed.getByRole('form', { name: 'Log a contact attempt' })).toBeVisible();
    await checkScreen(app);
    await backToParticipant();
    await expect(participantName).toBeVisible();
  });

  await test.step('a better-off calculation', async () => {
    await app.getByRole('link', { name: 'Better-off calculation' }).click();
    await expect(
      app.getByRole('heading', { level: 1, name: /Better-off calculation/ }),
    ).toBeVisible();
    const headline = app.getByTestId('better-off-monthly');
    await expect(headline).toContainText('a month better off in work');
    const before = await headline.textContent();
    await app.getByLabel('Hours a week', { exact: true }).fill('30');
    await expect(headline).not.toHaveText(before ?? '');
    await checkScreen(app);
    await app.getByRole('button', { name: 'Save calculation' }).click();
    await expect(app.getByRole('alert').filter({ hasText: 'Calculation saved' })).toBeFocused();
    await expect(app.getByRole('table', { name: /Saved calculations/ })).toContainText('30 hours');
    await checkScreen(app);
  });

  await test.step('the agenda', async () => {
    await app.getByRole('link', { name: 'Agenda', exact: true }).click();
    await expect(app.getByRole('heading', { level: 1, name: /Agenda/ })).toBeVisible();
    // The imported referrals date from 1 October 2026 and nobody has allocated them.
    const overdue = app.getByRole('region', { name: /^Overdue/ });
    for (const [given, family] of IMPORTED)
      await expect(
        overdue.getByRole('link', { name: new RegExp(`${given} ${family}`) }).first(),
      ).toBeVisible();
    await checkScreen(app);
  });
});
