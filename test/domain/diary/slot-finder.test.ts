import { describe, expect, it } from 'vitest';
import { findSlots } from '../../../src-shared/domain/diary';
import { busy, context, FULL_TIME, office, PARTICIPANT, SCHOOL_RUN } from './diary-fixture';

const starts = (r: { slots: { start: string }[] }) => r.slots.map((s) => s.start);

describe('the slot finder', () => {
  it('offers the earliest times inside opening hours, with the kind’s duration and a room', () => {
    const r = findSlots(context(), { kind: 'induction', earliest: '2026-11-23T16:00', count: 3 });
    expect(r.slots[0]).toEqual({
      start: '2026-11-23T16:00',
      end: '2026-11-23T17:00',
      kind: 'induction',
      channel: 'in-person',
      officeId: 'office-sheffield',
      officeName: 'Sheffield',
      room: 'Room 1',
      afterDue: false,
      distanceKm: null,
    });
    // 16:15 would end after 17:00: the next slot is the following morning.
    expect(starts(r).slice(1)).toEqual(['2026-11-24T09:00', '2026-11-24T09:15']);
    expect(r.fitsBeforeDue).toBeNull();
  });

  it('gives a regular meeting 30 minutes', () => {
    const r = findSlots(context(), { kind: 'regular', earliest: '2026-11-23T16:30', count: 1 });
    expect(r.slots[0]).toMatchObject({ start: '2026-11-23T16:30', end: '2026-11-23T17:00' });
  });

  it('skips the bank holidays of the office’s own nation', () => {
    const glasgow = office({ id: 'office-glasgow', name: 'Glasgow', nation: 'scotland' });
    const belfast = office({ id: 'office-belfast', name: 'Belfast', nation: 'northern-ireland' });
    const cases: [typeof glasgow, string, string][] = [
      [glasgow, '2027-01-04T09:00', '2027-01-05T09:00'], // 2nd January (substitute day), Scotland only
      [office(), '2027-01-04T09:00', '2027-01-04T09:00'],
      [glasgow, '2026-11-30T09:00', '2026-12-01T09:00'], // St Andrew's Day
      [belfast, '2027-03-17T09:00', '2027-03-18T09:00'], // St Patrick's Day
      [office(), '2027-03-17T09:00', '2027-03-17T09:00'],
      [belfast, '2027-07-12T09:00', '2027-07-13T09:00'], // Battle of the Boyne
      [glasgow, '2026-08-03T09:00', '2026-08-04T09:00'], // Scotland's summer holiday
      [office(), '2026-08-31T09:00', '2026-09-01T09:00'], // England's
    ];
    for (const [o, earliest, first] of cases) {
      const r = findSlots(context({ offices: [o] }), { kind: 'regular', earliest, count: 1 });
      expect(r.slots[0]?.start, `${o.name} from ${earliest}`).toBe(first);
    }
  });

  it('keeps 10:00 at 10:00 across both clock-change weekends of 2026', () => {
    const mondays = {
      effectiveFrom: '2026-01-01',
      effectiveTo: null,
      sessions: { mon: [['10:00', '11:00']] as [string, string][] },
    };
    for (const [earliest, monday] of [
      ['2026-03-27T09:00', '2026-03-30'],
      ['2026-10-23T09:00', '2026-10-26'],
    ] as const) {
      const r = findSlots(context({ patterns: [mondays] }), {
        kind: 'regular',
        earliest,
        count: 2,
      });
      expect(starts(r)).toEqual([`${monday}T10:00`, `${monday}T10:15`]);
      expect(r.slots[0]!.end).toBe(`${monday}T10:30`);
    }
  });

  it('never offers a time the adviser is on leave, including part days', () => {
    const r = findSlots(
      context({
        leave: [
          { from: '2026-11-23', to: '2026-11-24', startTime: null, endTime: null },
          { from: '2026-11-25', to: '2026-11-25', startTime: null, endTime: '13:00' },
        ],
      }),
      { kind: 'regular', earliest: '2026-11-23T09:00', count: 1 },
    );
    expect(starts(r)).toEqual(['2026-11-25T13:00']);
  });

  it('keeps to the adviser’s working pattern, and the pattern in force on the day', () => {
    const partTime = {
      effectiveFrom: '2026-12-01',
      effectiveTo: null,
      sessions: { thu: [['13:00', '16:00']] as [string, string][] },
    };
    const until = { ...FULL_TIME, effectiveTo: '2026-11-30' };
    const r = findSlots(context({ patterns: [until, partTime] }), {
      kind: 'induction',
      earliest: '2026-11-30T16:00',
      count: 2,
    });
    expect(starts(r)).toEqual(['2026-11-30T16:00', '2026-12-03T13:00']);
  });

  it('works round the school run', () => {
    const r = findSlots(context({ constraints: { unavailable: SCHOOL_RUN } }), {
      kind: 'regular',
      earliest: '2026-11-23T09:00',
      count: 40,
    });
    expect(r.slots[0]!.start).toBe('2026-11-23T09:15');
    for (const s of r.slots) {
      const [a, b] = [s.start.slice(11), s.end.slice(11)];
      expect(a < '09:15' && b > '08:30', s.start).toBe(false);
      expect(a < '15:30' && b > '15:00', s.start).toBe(false);
    }
    expect(starts(r)).toContain('2026-11-23T14:30');
    expect(starts(r)).not.toContain('2026-11-23T14:45');
    expect(starts(r)).toContain('2026-11-23T15:30');
  });

  it('books a step-free room with a hearing loop when the participant needs one', () => {
    const ctx = context({
      constraints: { needsStepFree: true, needsHearingLoop: true },
      appointments: [
        busy('2026-11-23T09:00', '2026-11-23T10:00', { room: 'Room 2', adviserId: 'other' }),
      ],
    });
    const r = findSlots(ctx, { kind: 'induction', earliest: '2026-11-23T09:00', count: 1 });
    expect(r.slots[0]).toMatchObject({ start: '2026-11-23T10:00', room: 'Room 2' });
    const plain = findSlots(context(), {
      kind: 'induction',
      earliest: '2026-11-23T09:00',
      count: 1,
    });
    expect(plain.slots[0]).toMatchObject({ start: '2026-11-23T09:00', room: 'Room 1' });
  });

  it('refuses an office that is not step-free for a participant who needs step-free access', () => {
    const steps = office({ stepFree: false });
    const r = findSlots(context({ offices: [steps], constraints: { needsStepFree: true } }), {
      kind: 'induction',
      earliest: '2026-11-23T09:00',
      count: 1,
      horizonDays: 7,
    });
    expect(r.slots).toEqual([]);
    expect(r.reasons).toEqual(['the office is not step-free']);
  });

  it('skips the adviser’s and the participant’s own appointments', () => {
    const ctx = context({
      appointments: [
        busy('2026-11-23T09:00', '2026-11-23T10:00'),
        busy('2026-11-23T10:00', '2026-11-23T10:30', {
          adviserId: 'other',
          participantId: PARTICIPANT,
        }),
      ],
    });
    const r = findSlots(ctx, { kind: 'regular', earliest: '2026-11-23T09:00', count: 1 });
    expect(starts(r)).toEqual(['2026-11-23T10:30']);
  });

  it('says why when nothing fits before the due date, and offers the earliest slots after', () => {
    const ctx = context({
      offices: [
        office({
          closures: [{ from: '2026-12-24', to: '2026-12-31', reason: 'Christmas closure' }],
        }),
      ],
      leave: [{ from: '2026-12-21', to: '2026-12-23', startTime: null, endTime: null }],
      constraints: {
        unavailable: [
          {
            days: ['mon', 'tue', 'wed', 'thu', 'fri'],
            from: '09:00',
            to: '12:00',
            reason: 'mornings',
          },
        ],
      },
    });
    const r = findSlots(ctx, {
      kind: 'induction',
      earliest: '2026-12-21T09:00',
      dueBy: '2026-12-31',
      count: 2,
    });
    expect(r.fitsBeforeDue).toBe(false);
    expect(r.reasons).toEqual([
      'the adviser is on leave 21–23 December 2026',
      'the office is closed 24–31 December 2026 (Christmas closure; Christmas Day; Boxing Day)',
      'the participant cannot do weekdays 09:00–12:00 (mornings)',
    ]);
    // 1 January is a bank holiday: the earliest after is Monday 4 January, afternoon.
    expect(r.slots).toMatchObject([
      { start: '2027-01-04T12:00', afterDue: true },
      { start: '2027-01-04T12:15', afterDue: true },
    ]);
  });

  it('reports a fit before the due date and marks later slots', () => {
    const r = findSlots(context(), {
      kind: 'induction',
      earliest: '2026-11-27T16:00',
      dueBy: '2026-11-27',
      count: 2,
    });
    expect(r.fitsBeforeDue).toBe(true);
    expect(r.reasons).toEqual([]);
    expect(r.slots.map((s) => [s.start, s.afterDue])).toEqual([
      ['2026-11-27T16:00', false],
      ['2026-11-30T09:00', true],
    ]);
  });

  it('explains a fully booked diary and a due date already gone', () => {
    const full = [23, 24, 25, 26, 27].map((d) => busy(`2026-11-${d}T09:00`, `2026-11-${d}T17:00`));
    const r = findSlots(context({ appointments: full }), {
      kind: 'regular',
      earliest: '2026-11-23T09:00',
      dueBy: '2026-11-27',
      count: 1,
    });
    expect(r.reasons).toEqual([
      'the adviser is already booked at the other times on 23–27 November 2026',
    ]);
    expect(r.slots[0]!.start).toBe('2026-11-30T09:00');
    const late = findSlots(context(), {
      kind: 'regular',
      earliest: '2026-11-23T09:00',
      dueBy: '2026-11-20',
      count: 1,
    });
    expect(late.reasons).toEqual(['the due date, 20 November 2026, is before 23 November 2026']);
  });

  it('prefers the participant’s office when two have the same time free, and a remote channel needs no room', () => {
    const other = office({ id: 'office-aaa', name: 'Attercliffe', rooms: [] });
    const r = findSlots(context({ offices: [other, office()] }), {
      kind: 'regular',
      earliest: '2026-11-23T09:00',
      count: 1,
      preferredOfficeId: 'office-sheffield',
    });
    expect(r.slots[0]).toMatchObject({ officeId: 'office-sheffield', room: 'Room 1' });
    const phone = findSlots(context({ constraints: { preferredChannel: 'phone' } }), {
      kind: 'regular',
      earliest: '2026-11-23T09:00',
      count: 1,
    });
    expect(phone.slots[0]).toMatchObject({ channel: 'phone', room: null });
  });

  it('says the adviser does not work on a day the office opens', () => {
    const r = findSlots(
      context({
        patterns: [{ ...FULL_TIME, sessions: { mon: [['09:00', '17:00']] } }],
        offices: [
          office({ openingHours: { wed: [['09:00', '17:00']], mon: [['18:00', '20:00']] } }),
        ],
      }),
      { kind: 'regular', earliest: '2026-11-23T09:00', count: 1, horizonDays: 4 },
    );
    expect(r.slots).toEqual([]);
    expect(r.reasons).toEqual([
      'the adviser does not work on Wednesdays',
      "the adviser's working hours and the opening hours do not meet on Mondays",
      'the office is not open on Tuesdays, Thursdays and Fridays',
    ]);
  });
});
