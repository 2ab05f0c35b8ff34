import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { SessionProvider } from '../../src-renderer/app/session';
import { BookAppointmentPage } from '../../src-renderer/features/diary/book-appointment-page';
import { WeekPage } from '../../src-renderer/features/diary/week-page';
import { DiarySettingsPage } from '../../src-renderer/features/diary/diary-settings-page';
import { installRealBackend, type RealBackend } from './real-backend';
import { errorSummary, recordCalls, summaryItems } from './form-probe';
import { referral } from '../support/referrals';

// A Tuesday morning in London; the appointment below is on the Wednesday of the same week.
const NOW = new Date('2026-12-01T09:00:00Z');
const weekdays = {
  mon: [['09:00', '17:00']],
  tue: [['09:00', '17:00']],
  wed: [['09:00', '17:00']],
};

let real: RealBackend;
afterEach(async () => {
  cleanup();
  await real.close();
});

const inSession = (page: ReactNode) => render(<SessionProvider>{page}</SessionProvider>);

async function ok<T>(answer: Promise<{ ok: true; value: T } | { ok: false; error: unknown }>) {
  const r = await answer;
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

async function seed() {
  real = await installRealBackend({ now: () => NOW });
  const { id } = await ok(window.waymark['participant:create'](referral()));
  const office = await ok(
    window.waymark['diary:saveOffice']({
      office: {
        name: 'Sheffield Arundel Gate',
        nation: 'england-and-wales',
        address: { line1: '1 Arundel Gate', town: 'Sheffield', postcode: 'S1 2PN' },
        phone: '0114 496 0000',
        email: 'sheffield@waymark.example',
        stepFree: true,
        openingHours: weekdays,
      } as never,
    }),
  );
  return { participantId: id, officeId: office.id };
}

async function fillDate(user: UserEvent, legend: string, d: string, m: string, y: string) {
  const group = screen.getByRole('group', { name: legend });
  for (const [label, value] of [
    ['Day', d],
    ['Month', m],
    ['Year', y],
  ] as const) {
    await user.clear(within(group).getByLabelText(label));
    await user.type(within(group).getByLabelText(label), value);
  }
  return group;
}

/** A date group's inline error, and its boxes marked invalid. */
function expectGroupError(group: HTMLElement, message: string) {
  expect(within(group).getByText(message)).toHaveClass('error-message');
  expect(within(group).getByLabelText('Day')).toHaveAttribute('aria-invalid', 'true');
}

function expectFieldError(
  label: string,
  message: string,
  scope: Pick<typeof screen, 'getByLabelText'> = screen,
) {
  const field = scope.getByLabelText(label);
  expect(field).toHaveAttribute('aria-invalid', 'true');
  expect(field).toHaveAccessibleDescription(expect.stringContaining(`Error: ${message}`));
}

describe('diary forms refuse bad input next to the field and in the summary', () => {
  it('finding times: an impossible date and a range the wrong way round send nothing', async () => {
    const { participantId } = await seed();
    const sent = recordCalls();
    const user = userEvent.setup();
    inSession(<BookAppointmentPage id={participantId} />);
    const from = await fillDate(user, 'From (optional)', '31', '2', '2027');
    await user.click(screen.getByRole('button', { name: 'Find times' }));
    await waitFor(() => expect(errorSummary()).toHaveFocus());
    expect(summaryItems()).toEqual(['Enter a real date, for example 7 11 2026']);
    expectGroupError(from, 'Enter a real date, for example 7 11 2026');

    await fillDate(user, 'From (optional)', '10', '2', '2027');
    const to = await fillDate(user, 'To (optional)', '1', '2', '2027');
    await user.click(screen.getByRole('button', { name: 'Find times' }));
    await waitFor(() =>
      expect(summaryItems()).toEqual(['The last day must be on or after the first']),
    );
    expectGroupError(to, 'The last day must be on or after the first');
    expect(sent.to('diary:findSlots')).toEqual([]);

    // Put right, the same form asks and offers times.
    await fillDate(user, 'To (optional)', '20', '2', '2027');
    await user.click(screen.getByRole('button', { name: 'Find times' }));
    await screen.findByRole('heading', { name: 'Times to offer' });
    expect(sent.to('diary:findSlots')).toEqual([
      expect.objectContaining({ from: '2027-02-10', to: '2027-02-20', kind: 'induction' }),
    ]);
  });

  it('choosing a time: none chosen sends nothing; the offer chosen is booked and focus lands on it', async () => {
    const { participantId } = await seed();
    const sent = recordCalls();
    const user = userEvent.setup();
    inSession(<BookAppointmentPage id={participantId} />);
    await user.click(await screen.findByRole('button', { name: 'Find times' }));
    const choose = await screen.findByRole('form', { name: 'Choose a time' });
    const offers = within(choose).getAllByRole('radio');
    expect(offers.length).toBeGreaterThan(1);
    for (const offer of offers) expect(offer).not.toBeChecked();
    await user.click(within(choose).getByRole('button', { name: 'Book this time' }));
    await waitFor(() => expect(errorSummary()).toHaveFocus());
    expect(summaryItems()).toEqual(['Choose a time to book']);
    expect(
      within(choose).getByRole('group', { name: 'Choose a time' }),
    ).toHaveAccessibleDescription('Error: Choose a time to book');
    expect(sent.to('diary:book')).toEqual([]);

    const offered = sent.calls.find((c) => c.channel === 'diary:findSlots')!;
    const answer = await window.waymark['diary:findSlots'](offered.input as never);
    if (!answer.ok) throw new Error(answer.error.message);
    const second = answer.value.slots[1]!;
    await user.click(offers[1]!);
    await user.click(within(choose).getByRole('button', { name: 'Book this time' }));

    const booked = await screen.findByText(/^Booked: Induction/);
    await waitFor(() => expect(booked.closest('[role="status"]')).toHaveFocus());
    expect(sent.to('diary:book')).toEqual([
      {
        participantId,
        officeId: second.officeId,
        ...(second.room ? { room: second.room } : {}),
        start: second.start,
        end: second.end,
        kind: second.kind,
        channel: second.channel,
      },
    ]);
    expect(screen.queryByRole('form', { name: 'Choose a time' })).not.toBeInTheDocument();
  });

  it('the week: a wrong time to move to and a cancel without who send nothing', async () => {
    const { participantId, officeId } = await seed();
    await ok(
      window.waymark['diary:book']({
        participantId,
        officeId,
        start: '2026-12-02T10:00',
        end: '2026-12-02T11:00',
        kind: 'induction',
        channel: 'in-person',
      }),
    );
    const sent = recordCalls();
    const user = userEvent.setup();
    inSession(<WeekPage />);
    await user.click(await screen.findByRole('button', { name: /^Move/ }));
    const move = screen.getByRole('form', { name: /^Move/ });
    await user.clear(within(move).getByLabelText('New start time'));
    await user.type(within(move).getByLabelText('New start time'), '25:00');
    await user.click(within(move).getByRole('button', { name: 'Move appointment' }));
    const words = 'Enter the new time as hours and minutes, for example 14:30';
    await waitFor(() => expect(errorSummary()).toHaveFocus());
    expect(summaryItems()).toEqual([words]);
    expectFieldError('New start time', words, within(move));
    expect(sent.to('diary:move')).toEqual([]);

    await user.click(screen.getByRole('button', { name: /^Keep it as it is/ }));
    await user.click(screen.getByRole('button', { name: /^Cancel/ }));
    const cancel = screen.getByRole('form', { name: /^Cancel/ });
    await user.click(within(cancel).getByRole('button', { name: 'Cancel appointment' }));
    await waitFor(() => expect(errorSummary()).toHaveFocus());
    expect(summaryItems()).toEqual(['Say who cancelled the appointment']);
    const who = within(cancel).getByRole('group', { name: 'Who cancelled?' });
    expect(who).toHaveAccessibleDescription('Error: Say who cancelled the appointment');
    expect(sent.to('meetings:log')).toEqual([]);
  });

  it('settings: a room without a name or a number of seats, and an impossible export date, send nothing', async () => {
    await seed();
    const sent = recordCalls();
    const user = userEvent.setup();
    inSession(<DiarySettingsPage />);
    const room = await screen.findByRole('form', { name: 'Add a room' });
    await user.clear(within(room).getByLabelText('Seats'));
    await user.type(within(room).getByLabelText('Seats'), 'many');
    await user.click(within(room).getByRole('button', { name: 'Add room' }));
    await waitFor(() => expect(errorSummary()).toHaveFocus());
    expect(summaryItems()).toEqual(['Enter the room name', 'Enter how many people the room seats']);
    expectFieldError('Room name', 'Enter the room name', within(room));
    expectFieldError('Seats', 'Enter how many people the room seats', within(room));
    expect(sent.to('diary:saveRoom')).toEqual([]);

    const from = await fillDate(user, 'From', '30', '2', '2027');
    await user.click(screen.getByRole('button', { name: 'Export calendar (.ics)' }));
    const exportForm = screen.getByRole('form', { name: 'Export calendar' });
    await waitFor(() =>
      expect(within(exportForm).getByRole('alert')).toHaveTextContent(
        'Enter a real date, for example 7 11 2026',
      ),
    );
    expectGroupError(from, 'Enter a real date, for example 7 11 2026');
    expect(sent.to('diary:exportIcs')).toEqual([]);
  });
});
