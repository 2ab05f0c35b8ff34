/**
 * The letters pages' forms (react-hook-form over the shared zod schemas) against the real router
 * and caseload: a problem is shown beside its field and in the error summary, which takes focus;
 * the batch page lists every letter due with its language and format and counts the letters
 * chosen; the wording page says a missing or unknown wording beside the field.
 */
import '@testing-library/jest-dom/vitest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { BatchPage } from '../../src-renderer/features/letters/batch-page';
import { ParticipantLettersPage } from '../../src-renderer/features/letters/participant-letters-page';
import { TemplatesPage } from '../../src-renderer/features/letters/templates-page';
import { installRealBackend, type RealBackend } from './real-backend';
import { referral } from '../support/referrals';
import { referralSchema, type ReferralInput } from '../../src-shared/schemas/participant';
import { bookingSchema } from '../../src-shared/schemas/diary';
import { SHEFFIELD_OFFICE } from '../pdf/caseload-fixture';
import { londonDate } from '../../src-shared/domain/identity/civil-date';
import { addDays } from '../../src-shared/domain/calendar/civil-date';

let real: RealBackend;
let officeId: string | undefined;
afterEach(async () => {
  officeId = undefined;
  cleanup();
  await real.close();
});

// As in letters-page-notices.test.tsx: pdfkit needs Node's Uint8Array, pdf.js Promise.try.
const jsdomUint8Array = globalThis.Uint8Array;
const promise = Promise as unknown as { try?: unknown };
promise.try ??= <T,>(fn: (...a: unknown[]) => T, ...args: unknown[]) =>
  new Promise<T>((resolve) => resolve(fn(...args)));
beforeAll(() => {
  globalThis.Uint8Array = Object.getPrototypeOf(Buffer.prototype)
    .constructor as Uint8ArrayConstructor;
});
afterAll(() => {
  globalThis.Uint8Array = jsdomUint8Array;
});

/** A weekday at least `days` from today (the test runs on the real clock). */
function weekdayFrom(days: number): string {
  let day = addDays(londonDate(new Date()), days);
  while ([0, 6].includes(new Date(`${day}T12:00:00Z`).getUTCDay())) day = addDays(day, 1);
  return day;
}

/** A participant contacted today with an induction booked `days` ahead at `hour`. */
async function withInduction(n: number, days: number, extra: Partial<ReferralInput> = {}) {
  const services = real.backend.session.require().services;
  officeId ??= (await services.diary.saveOffice(SHEFFIELD_OFFICE)).id;
  const today = londonDate(new Date());
  const { id } = await services.participants.create(
    referralSchema.parse(
      referral({
        referralId: `JCP-${n}`,
        niNumber: `AB 1${n} 34 56 C`,
        referralDate: addDays(today, -3),
        givenName: `Person${n}`,
        ...extra,
      }),
    ),
  );
  await services.participants.setStatus({ id, status: 'allocated', date: addDays(today, -2) });
  await services.participants.setStatus({ id, status: 'contacted', date: today });
  const day = weekdayFrom(days);
  await services.diary.book(
    bookingSchema.parse({
      participantId: id,
      officeId,
      start: `${day}T${10 + n}:00`,
      end: `${day}T${11 + n}:00`,
      kind: 'induction',
      channel: 'in-person',
    }),
  );
  return { id, services };
}

describe('the letters forms', { timeout: 90_000 }, () => {
  it('the batch page: letters due with their format, an empty choice refused', async () => {
    real = await installRealBackend();
    await withInduction(1, 3, { language: 'Welsh' });
    const { services } = await withInduction(2, 3);
    const left = await withInduction(3, 3);
    await services.participants.setStatus({
      id: left.id,
      status: 'exited',
      date: londonDate(new Date()),
      exitReason: 'moved-away',
    });
    // Booked three weeks ahead: outside R3's 14 days, so it is left out with the reason.
    await withInduction(4, 21);

    render(<BatchPage />);
    const table = await screen.findByRole('table', { name: 'Letters due' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringMatching(/Person1 .*Induction letter.*Welsh and English$/),
      expect.stringMatching(/Person2 .*Induction letter.*English$/),
      expect.stringMatching(/Person3 .*Exit letter.*Leaving the programme.*English$/),
      expect.stringMatching(/Person4 .*Induction letter.*English$/),
    ]);

    const user = userEvent.setup();
    const all = screen.getByLabelText('Every letter due (4)');
    await user.click(all);
    await user.click(screen.getByRole('button', { name: 'Start (0 letters)' }));
    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent('Choose at least one letter');
    await waitFor(() => expect(summary).toHaveFocus());
    // Beside the field too.
    expect(screen.getByRole('group', { name: /Letters to make/ })).toHaveTextContent(
      'Choose at least one letter',
    );
    expect(await services.documents.log(left.id)).toEqual([]);

    // Chosen again, every letter is counted; the batch itself (worker threads) is run by the
    // letters e2e spec and test/pdf/batch-mixed.test.ts, which also check who is left out.
    await user.click(all);
    expect(screen.getByRole('button', { name: 'Start (4 letters)' })).toBeEnabled();
    await user.click(screen.getByLabelText('Exit letter for Person3 Wiśniewska'));
    expect(screen.getByRole('button', { name: 'Start (3 letters)' })).toBeEnabled();
    expect(all).not.toBeChecked();
  });

  it('the letters page: no method chosen is shown beside the choice and in the summary', async () => {
    real = await installRealBackend();
    const { id, services } = await withInduction(5, 3);
    render(<ParticipantLettersPage id={id} />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Issue induction letter' }));
    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent('Choose how the document is issued');
    await waitFor(() => expect(summary).toHaveFocus());
    expect(screen.getByRole('group', { name: /How it is issued/ })).toHaveTextContent(
      'Choose how the document is issued',
    );
    await user.click(
      within(summary).getByRole('link', { name: 'Choose how the document is issued' }),
    );
    expect(screen.getByLabelText('Printed')).toHaveFocus();
    expect(await services.documents.log(id)).toEqual([]);

    // The better-off statement with no saved calculation: said beside the choice, nothing sent.
    await user.click(screen.getByRole('radio', { name: /Better-off statement/ }));
    await user.click(screen.getByLabelText('Emailed'));
    await user.click(screen.getByRole('button', { name: 'Issue better-off statement' }));
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent('Choose a saved better-off calculation'),
    );
    expect(await services.documents.log(id)).toEqual([]);
  });

  it('the wording page: missing and unknown wording beside the field, then saved', async () => {
    real = await installRealBackend();
    render(<TemplatesPage />);
    const subject = await screen.findByLabelText('Subject');
    const user = userEvent.setup();
    await user.clear(subject);
    await user.click(screen.getByRole('button', { name: 'Save as a new version' }));
    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent('Enter some wording');
    await waitFor(() => expect(summary).toHaveFocus());
    expect(subject).toHaveAttribute('aria-invalid', 'true');

    await user.type(subject, 'Your first meeting {{{{participant.shoeSize}}');
    await user.click(screen.getByRole('button', { name: 'Save as a new version' }));
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent(
        '{{participant.shoeSize}} is not a merge field Waymark knows',
      ),
    );
    expect(subject).toHaveAttribute('aria-invalid', 'true');

    await user.clear(subject);
    await user.type(subject, 'Your first meeting with {{{{office.name}}');
    await user.click(screen.getByRole('button', { name: 'Save as a new version' }));
    expect(await screen.findByText(/English wording saved as version 1/)).toBeVisible();
    const saved = await real.backend.session
      .require()
      .services.documents.template('induction-letter', 'en');
    expect(saved.body.subject).toBe('Your first meeting with {{office.name}}');
    // The bullet-point lists went back as lists.
    expect(Array.isArray(saved.body.bring)).toBe(true);
  });
});
