/**
 * The letters page offers each new letter where it applies, over the real router and caseload:
 * an appointment letter opened from an appointment, previewed, issued and then printed, opened
 * or saved with the shared buttons; the exit letter only for someone who has left; nothing
 * offered that does not apply.
 */
import '@testing-library/jest-dom/vitest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ParticipantLettersPage } from '../../src-renderer/features/letters/participant-letters-page';
import { installRealBackend, type RealBackend } from './real-backend';
import { referral } from '../support/referrals';
import { referralSchema } from '../../src-shared/schemas/participant';
import { bookingSchema } from '../../src-shared/schemas/diary';
import { SHEFFIELD_OFFICE } from '../pdf/caseload-fixture';
import { londonDate } from '../../src-shared/domain/identity/civil-date';
import { addDays } from '../../src-shared/domain/calendar/civil-date';
import { weekdayDayMonthYear } from '../../src-shared/wording/dates';

let real: RealBackend;
afterEach(async () => {
  cleanup();
  await real.close();
});

// jsdom replaces the global Uint8Array, so pdfkit (in this same process, standing in for the
// main process) would not recognise the font files Node reads; give it Node's back for this file.
const jsdomUint8Array = globalThis.Uint8Array;
// pdf.js (drawing the preview) uses Promise.try, which this Node lacks; Chromium and Electron have it.
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

/** A weekday at least a week from today (the test runs on the real clock). */
function nextWeekday(): string {
  let day = addDays(londonDate(new Date()), 7);
  while ([0, 6].includes(new Date(`${day}T12:00:00Z`).getUTCDay())) day = addDays(day, 1);
  return day;
}

async function participant(n: number) {
  const services = real.backend.session.require().services;
  const { id } = await services.participants.create(
    referralSchema.parse(
      referral({
        referralId: `JCP-${n}`,
        niNumber: `AB 1${n} 34 56 C`,
        referralDate: londonDate(new Date()),
      }),
    ),
  );
  return { id, services };
}

describe('the letters page and the new letters', { timeout: 60_000 }, () => {
  it('opens on the letter for an appointment, previews it and issues it with the shared buttons', async () => {
    real = await installRealBackend();
    const { id, services } = await participant(1);
    const office = await services.diary.saveOffice(SHEFFIELD_OFFICE);
    const day = nextWeekday();
    const appt = await services.diary.book(
      bookingSchema.parse({
        participantId: id,
        officeId: office.id,
        start: `${day}T14:00`,
        end: `${day}T15:00`,
        kind: 'regular',
        channel: 'in-person',
      }),
    );
    render(<ParticipantLettersPage id={id} appointmentId={appt.id} />);
    const chosen = await screen.findByRole('radio', { name: /Appointment letter/ });
    expect(chosen).toBeChecked();
    expect(screen.getByText(`About: Meeting, ${weekdayDayMonthYear(day)} at 14:00`)).toBeVisible();
    // Letters that do not apply are not offered.
    expect(screen.queryByRole('radio', { name: /Exit letter/ })).not.toBeInTheDocument();
    expect(
      screen.queryByRole('radio', { name: /Missed appointment letter/ }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('radio', { name: /Appointment change letter/ }),
    ).not.toBeInTheDocument();
    const preview = await screen.findByTestId('letter-preview', {}, { timeout: 20_000 });
    expect(preview).toHaveTextContent('Your appointment with us');
    expect(preview).toHaveTextContent(weekdayDayMonthYear(day));

    const user = userEvent.setup();
    await user.click(screen.getByRole('radio', { name: 'Emailed' }));
    await user.click(screen.getByRole('button', { name: 'Issue appointment letter' }));
    expect(
      await screen.findByText(
        'Appointment letter issued and logged (emailed)',
        {},
        { timeout: 20_000 },
      ),
    ).toBeVisible();
    const actions = screen.getByRole('group', { name: 'Appointment letter: print, open or save' });
    expect(
      within(actions)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Print Appointment letter', 'Open Appointment letter', 'Save Appointment letter']);
    const log = await services.documents.log(id);
    expect(log.map((e) => `${e.kind} ${e.method}`)).toEqual(['appointment-confirmation emailed']);
  });

  it('offers the exit letter once they have left, with its preview', async () => {
    real = await installRealBackend();
    const { id, services } = await participant(2);
    const office = await services.diary.saveOffice(SHEFFIELD_OFFICE);
    const day = nextWeekday();
    await services.diary.book(
      bookingSchema.parse({
        participantId: id,
        officeId: office.id,
        start: `${day}T10:00`,
        end: `${day}T11:00`,
        kind: 'regular',
        channel: 'in-person',
      }),
    );
    await services.participants.setStatus({
      id,
      status: 'exited',
      date: londonDate(new Date()),
      exitReason: 'moved-away',
    });
    render(<ParticipantLettersPage id={id} />);
    const exit = await screen.findByRole('radio', { name: /Exit letter/ });
    const user = userEvent.setup();
    await user.click(exit);
    const preview = await screen.findByTestId('letter-preview', {}, { timeout: 20_000 });
    await within(preview).findByText(/Leaving the programme/, {}, { timeout: 20_000 });
    expect(preview).toHaveTextContent('What happens next');
  });
});
