/**
 * Letters in the app: the preview (the PDF's own pages, its text, warnings), printing an
 * induction letter (the harness desktop writes the PDF it was given; a cancelled print logs
 * nothing), Reprint, a batch of induction and exit letters into one print file, and the wording
 * page.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations } from './fixtures';
import { setUpDirectly } from './helpers';
import { daysFromToday, startedParticipant } from './plan-setup';
import type { E2eServer } from '../support/e2e-server';
import { referral } from '../support/referrals';
import { pdfText } from '../pdf/pdf-reader';
import { referralSchema } from '../../src-shared/schemas/participant';
import { bookingSchema, officeSchema } from '../../src-shared/schemas/diary';
import { EMPTY_PLAN } from '../../src-shared/schemas/plan';

const squash = (s: string) => s.replace(/\s+/g, '');

/** The next Tuesday to Thursday at least two days away: a working day well inside R3's window. */
function inductionDay(): string {
  for (let days = 2; ; days++) {
    const d = new Date();
    d.setDate(d.getDate() + days);
    if ([2, 3, 4].includes(d.getDay())) return daysFromToday(days);
  }
}

async function office(harness: E2eServer): Promise<string> {
  const services = harness.backend.session.require().services;
  const saved = await services.diary.saveOffice(
    officeSchema.parse({
      name: 'Waymark Employment Sheffield',
      nation: 'england-and-wales',
      address: { line1: '1 Arundel Gate', town: 'Sheffield', postcode: 'S1 2PN' },
      phone: '0114 496 0000',
      email: 'sheffield@waymark.example',
      stepFree: true,
      openingHours: Object.fromEntries(
        (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((d) => [d, [['09:00', '17:00']]]),
      ),
    }),
  );
  return saved.id;
}

/** A participant contacted today with an induction booked (through the diary) at `hour`. */
async function withInduction(
  harness: E2eServer,
  officeId: string,
  n: number,
  givenName: string,
  adjustments = '',
): Promise<string> {
  const services = harness.backend.session.require().services;
  const { id } = await services.participants.create(
    referralSchema.parse(
      referral({
        givenName,
        adjustments,
        referralId: `JCP-E2E-${n}`,
        niNumber: `AB ${10 + n} 34 56 C`,
        referralDate: daysFromToday(-3),
      }),
    ),
  );
  await services.participants.setStatus({ id, status: 'allocated', date: daysFromToday(-2) });
  await services.participants.setStatus({ id, status: 'contacted', date: daysFromToday(0) });
  const day = inductionDay();
  const hour = String(9 + n).padStart(2, '0');
  const next = String(10 + n).padStart(2, '0');
  await services.diary.book(
    bookingSchema.parse({
      participantId: id,
      officeId,
      start: `${day}T${hour}:00`,
      end: `${day}T${next}:00`,
      kind: 'induction',
      channel: 'in-person',
    }),
  );
  return id;
}

async function openLetters(app: Page, id: string) {
  await app.goto(`${new URL(app.url()).origin}/#/participants/${id}/letters`);
  await expect(app.getByRole('heading', { level: 1, name: /Letters and documents/ })).toBeVisible();
}

test('previews the PDF, prints an induction letter only when printing is confirmed, reprints it', async ({
  app,
  harness,
}) => {
  await setUpDirectly(app);
  const officeId = await office(harness);
  const id = await withInduction(harness, officeId, 1, 'Zofia');
  await openLetters(app, id);

  // The preview is the PDF itself, drawn page by page, with its text as the alternative.
  const pdf = app.getByRole('group', { name: /Induction letter for Zofia .*, as it will print/ });
  await expect(pdf.getByRole('img', { name: /^Page 1 of \d$/ })).toBeVisible();
  await expect(app.getByTestId('letter-preview')).toContainText('Dear Zofia,');
  await app.getByText('The letter as text').click();
  await expect(app.getByTestId('letter-preview')).toBeVisible();
  await expect(app.getByLabel('Large print')).not.toBeChecked();
  await expectNoAxeViolations(app);

  // No method chosen: the error summary names it and nothing is issued.
  await app.getByRole('button', { name: 'Issue induction letter' }).click();
  await expect(app.getByRole('alert')).toContainText('Choose how the document is issued');
  await app.getByRole('link', { name: 'Choose how the document is issued' }).click();
  await expect(app.getByLabel('Printed')).toBeFocused();
  await app.keyboard.press('Space');
  await expect(app.getByLabel('Printed')).toBeChecked();

  // The adviser cancels the print dialog: nothing is logged, and focus goes to the outcome.
  harness.desktop.printAnswers.push(false);
  await app.getByRole('button', { name: 'Print induction letter' }).focus();
  await app.keyboard.press('Enter');
  await expect(app.getByText('The print was cancelled, so nothing was logged.')).toBeFocused();
  const services = harness.backend.session.require().services;
  expect(await services.documents.log(id)).toEqual([]);
  expect(harness.desktop.calls).toEqual([]);

  // Printed: the print dialog first, then the log, with the very bytes that were printed.
  await app.getByRole('button', { name: 'Print induction letter' }).click();
  await expect(app.getByText('Induction letter printed and logged')).toBeVisible();
  await expect(app.getByRole('alert').filter({ hasText: 'printed and logged' })).toBeFocused();
  await expectNoAxeViolations(app);
  expect(harness.desktop.calls.map((c) => c.action)).toEqual(['print']);
  const printed = readFileSync(harness.desktop.calls[0]!.file);
  expect(printed.subarray(0, 5).toString()).toBe('%PDF-');
  expect(squash(await pdfText(printed))).toContain(squash('Zofia Wiśniewska'));
  const [logged] = await services.documents.log(id);
  expect(createHash('sha256').update(printed).digest('hex')).toBe(logged!.contentSha256);

  const log = app.getByRole('table', { name: 'Letters issued, newest first' });
  await expect(log.getByRole('row')).toHaveCount(2);
  await log.getByRole('button', { name: /^Reprint/ }).click();
  await expect(
    app.getByText('Reprinted induction letter: identical to the original'),
  ).toBeVisible();
  await expect(log.getByRole('row')).toHaveCount(3);
  await app.getByRole('button', { name: 'Save reprinted induction letter', exact: true }).click();
  await expect(app.getByText(/^Saved: JCP-E2E-1-induction-letter/)).toBeVisible();
  expect(harness.desktop.calls.map((c) => c.action)).toEqual(['print', 'save']);
  await expectNoAxeViolations(app);
});

test('prints an appointment letter opened from the next appointment on the participant page', async ({
  app,
  harness,
}) => {
  await setUpDirectly(app);
  const officeId = await office(harness);
  const id = await withInduction(harness, officeId, 2, 'Gwen');
  await app.goto(`${new URL(app.url()).origin}/#/participants/${id}`);
  const due = app.getByRole('region', { name: 'What is due' });
  await due.getByRole('link', { name: 'Letter about this appointment' }).click();
  await expect(app.getByRole('heading', { level: 1, name: /Letters and documents/ })).toBeVisible();
  await expect(app.getByRole('radio', { name: /Appointment letter/ })).toBeChecked();
  const pdf = app.getByRole('group', { name: /Appointment letter for Gwen .*, as it will print/ });
  await expect(pdf.getByRole('img', { name: /^Page 1 of \d$/ })).toBeVisible();
  await expect(app.getByTestId('letter-preview')).toContainText('Your appointment with us');
  await expectNoAxeViolations(app);

  await app.getByLabel('Printed').check();
  await app.getByRole('button', { name: 'Print appointment letter' }).click();
  await expect(app.getByText('Appointment letter printed and logged')).toBeVisible();
  const printed = readFileSync(harness.desktop.calls.at(-1)!.file);
  expect(squash(await pdfText(printed))).toContain(squash('Your appointment with us'));
  const [logged] = await harness.backend.session.require().services.documents.log(id);
  expect(logged!.kind).toBe('appointment-confirmation');
  expect(createHash('sha256').update(printed).digest('hex')).toBe(logged!.contentSha256);
  await expect(
    app.getByRole('group', { name: 'Appointment letter: print, open or save' }),
  ).toBeVisible();
  await expectNoAxeViolations(app);
});

test('warns before printing when the booking does not meet a recorded need', async ({
  app,
  harness,
}) => {
  await setUpDirectly(app);
  const officeId = await office(harness);
  // Booked at 10am: the afternoons-only need is not met, so the letter must not claim it.
  const id = await withInduction(harness, officeId, 1, 'Dafydd', 'Prefers afternoon appointments');
  await openLetters(app, id);
  const warnings = app.getByTestId('letter-warnings');
  await expect(warnings).toContainText('Check before you send it:');
  await expect(warnings).toContainText(
    'The booking does not meet “Prefers afternoon appointments”: the meeting is booked for the morning.',
  );
  await expect(app.getByTestId('letter-preview')).toContainText('Needs you told us about');
  await expect(app.getByTestId('letter-preview')).not.toContainText(
    'We have planned your meeting around them',
  );
  await expectNoAxeViolations(app);
});

test('runs a batch of two kinds of letter into one print file and prints it', async ({
  app,
  harness,
}) => {
  await setUpDirectly(app);
  const officeId = await office(harness);
  for (const [n, name] of [
    [2, 'Amara'],
    [3, 'Bryn'],
  ] as const)
    await withInduction(harness, officeId, n, name);
  // Ceri has left: the letter due is the exit letter, not the induction letter.
  const ceri = await withInduction(harness, officeId, 4, 'Ceri');
  await harness.backend.session.require().services.participants.setStatus({
    id: ceri,
    status: 'exited',
    date: daysFromToday(0),
    exitReason: 'moved-away',
  });

  await app
    .getByRole('navigation', { name: 'Primary' })
    .getByRole('link', { name: 'Letters' })
    .click();
  await expect(app.getByRole('heading', { level: 1, name: 'Letters due' })).toBeVisible();
  const due = app.getByRole('table', { name: 'Letters due' });
  await expect(due.getByRole('row')).toHaveCount(4);
  await expect(app.getByLabel('Induction letter for Amara Wiśniewska')).toBeChecked();
  await expect(app.getByLabel(/^Exit letter for Ceri/)).toBeChecked();
  await expect(app.getByLabel('Every letter due (3)')).toBeChecked();
  await expectNoAxeViolations(app);

  // Nothing chosen: the error is beside the choice and in the summary, and nothing starts.
  await app.getByLabel('Every letter due (3)').uncheck();
  await app.getByRole('button', { name: 'Start (0 letters)' }).click();
  await expect(app.getByRole('alert')).toContainText('Choose at least one letter');
  await app.getByRole('link', { name: 'Choose at least one letter' }).click();
  await expect(app.getByLabel('Every letter due (3)')).toBeFocused();
  await app.keyboard.press('Space');
  await expect(app.getByLabel('One print file, each letter starting on a new page')).toBeChecked();

  await app.getByRole('button', { name: 'Start (3 letters)' }).click();
  // Rendering runs on a worker thread; on a loaded CI machine three letters can take a while.
  await expect(app.getByRole('heading', { name: 'Letters ready' })).toBeFocused({
    timeout: 60_000,
  });
  await expect(
    app.getByText('3 of 3 letters made. Each is logged when you print it.'),
  ).toBeVisible();
  await expectNoAxeViolations(app);

  await app.getByRole('button', { name: 'Print the print file' }).click();
  await expect(app.getByText(/Sent to the print dialog: letters-/)).toBeVisible();
  const [call] = harness.desktop.calls;
  expect(call!.action).toBe('print');
  const text = await pdfText(readFileSync(call!.file));
  for (const name of ['Dear Amara,', 'Dear Bryn,']) expect(text).toContain(name);
  expect(squash(text)).toContain(squash('Leaving the programme'));

  await app.getByRole('button', { name: 'Back to letters due' }).click();
  await expect(app.getByText('No letters are due.')).toBeVisible();
});

test('shows the wording with its merge fields and saves a new version', async ({ app }) => {
  await setUpDirectly(app);
  await app.goto(`${new URL(app.url()).origin}/#/letters/wording`);
  await expect(
    app.getByRole('heading', { level: 1, name: 'Induction letter wording' }),
  ).toBeVisible();
  await expect(app.getByText('{{participant.preferredName}}', { exact: true })).toBeVisible();
  await expectNoAxeViolations(app);

  const subject = app.getByLabel('Subject', { exact: true });
  await subject.fill('Your first meeting {{participant.shoeSize}}');
  await app.getByRole('button', { name: 'Save as a new version' }).click();
  await expect(app.getByRole('alert')).toContainText(
    '{{participant.shoeSize}} is not a merge field',
  );
  await expect(subject).toHaveAttribute('aria-invalid', 'true');

  await subject.fill('Your first meeting with {{office.name}}');
  await app.getByRole('button', { name: 'Save as a new version' }).click();
  await expect(app.getByText(/English wording saved as version 1/)).toBeVisible();
  await expectNoAxeViolations(app);
});

test('prints the recorded plan from the plan page, with missing parts as "Not recorded"', async ({
  app,
  harness,
}) => {
  await setUpDirectly(app);
  const id = await startedParticipant(harness);
  const services = harness.backend.session.require().services;
  await services.plans.saveDraft(
    id,
    {
      ...EMPTY_PLAN,
      goals: { shortTerm: ['Forklift licence'], longTerm: [] },
      barriers: [{ id: 'b1', barrier: 'No bus at 6am', support: '', healthRelated: false }],
      steps: [
        {
          id: 's1',
          action: 'Book the forklift course',
          owner: 'participant',
          due: daysFromToday(14),
          status: 'not-started',
          mandatory: false,
        },
      ],
    },
    null,
  );
  await app.goto(`${harness.url}/#/participants/${id}/plan`);
  await app.getByRole('button', { name: 'Print PPEP' }).click();
  await expect(app.getByText('The PPEP was printed and is in the letter log.')).toBeVisible();
  expect(harness.desktop.calls.map((c) => c.action)).toEqual(['print']);
  await expectNoAxeViolations(app);
  await app.getByRole('button', { name: 'Open the PPEP', exact: true }).click();
  await expect(app.getByText(/Opened in your PDF reader: JCP-0001-ppep-/)).toBeVisible();
  expect(harness.desktop.calls.map((c) => c.action)).toEqual(['print', 'open']);
  const text = squash(await pdfText(readFileSync(harness.desktop.calls[0]!.file)));
  for (const expected of ['Not recorded', 'No bus at 6am', 'Book the forklift course'])
    expect(text).toContain(squash(expected));
});
