import { describe, expect, it } from 'vitest';
import { bookingRefusal } from '../../../src-shared/domain/diary';
import { context, FULL_TIME, office } from './diary-fixture';

const at = (start: string, end: string, over: object = {}) => ({
  officeId: 'office-sheffield',
  start,
  end,
  channel: 'in-person' as const,
  ...over,
});

describe('booking rules', () => {
  const ctx = context({
    offices: [
      office({ closures: [{ from: '2026-12-29', to: '2026-12-31', reason: 'Christmas closure' }] }),
    ],
    patterns: [
      { ...FULL_TIME, sessions: { ...FULL_TIME.sessions, wed: [['09:00', '13:00']], thu: [] } },
    ],
    leave: [{ from: '2026-12-07', to: '2026-12-07', startTime: '13:00', endTime: null }],
    constraints: { needsStepFree: true },
  });

  it('accepts a time inside everything', () => {
    expect(
      bookingRefusal(ctx, at('2026-11-23T10:00', '2026-11-23T11:00', { room: 'Room 2' })),
    ).toBeNull();
  });

  it('names the reason for each refusal', () => {
    const cases: [ReturnType<typeof at>, string][] = [
      [
        at('2026-11-28T10:00', '2026-11-28T11:00'),
        'Saturday 28 November 2026 is a weekend: Sheffield is closed',
      ],
      [
        at('2026-12-25T10:00', '2026-12-25T11:00'),
        'Friday 25 December 2026 is a bank holiday in England and Wales (Christmas Day): Sheffield is closed',
      ],
      [
        at('2026-12-29T10:00', '2026-12-29T11:00'),
        'Sheffield is closed on Tuesday 29 December 2026 (Christmas closure)',
      ],
      [
        at('2026-11-23T16:30', '2026-11-23T17:30'),
        'Sheffield is open 09:00–17:00 on Mondays: the appointment must fit inside',
      ],
      [
        at('2026-11-25T12:30', '2026-11-25T13:30'),
        'The adviser works 09:00–13:00 on Wednesdays: the appointment must fit inside',
      ],
      [at('2026-11-26T10:00', '2026-11-26T11:00'), 'The adviser does not work on Thursdays'],
      [
        at('2026-12-07T14:00', '2026-12-07T15:00'),
        'The adviser is on leave 7 December 2026 (13:00–end of day)',
      ],
      [
        at('2026-11-23T10:00', '2026-11-23T11:00', { room: 'Room 9' }),
        'There is no room called Room 9 at Sheffield',
      ],
      [
        at('2026-11-23T10:00', '2026-11-23T11:00', { room: 'Room 1' }),
        'Room 1 is not step-free, and the participant needs a step-free room',
      ],
    ];
    for (const [booking, message] of cases)
      expect(bookingRefusal(ctx, booking)?.message, booking.start).toBe(message);
    expect(bookingRefusal(ctx, at('2026-12-07T12:00', '2026-12-07T13:00'))).toBeNull();
  });

  it('checks a phone appointment against the adviser only', () => {
    const phone = { start: '2026-11-26T10:00', end: '2026-11-26T10:30', channel: 'phone' as const };
    expect(bookingRefusal(ctx, phone)?.message).toBe('The adviser does not work on Thursdays');
    expect(
      bookingRefusal(ctx, { ...phone, start: '2026-11-28T10:00', end: '2026-11-28T10:30' })
        ?.message,
    ).toBe('The adviser does not work on Saturdays');
  });
});
