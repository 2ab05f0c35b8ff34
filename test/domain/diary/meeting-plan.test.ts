import { describe, expect, it } from 'vitest';
import { proposeMeetingPlan } from '../../../src-shared/domain/diary';
import { busy, context, office, PARTICIPANT, SCHOOL_RUN } from './diary-fixture';

const days = (slots: { start: string }[]) => slots.map((s) => s.start.slice(0, 10));

describe('the three-month meeting plan', () => {
  it('meets R6 in every month, February 2028 included, spread through each month', () => {
    const plan = proposeMeetingPlan(context(), { earliest: '2027-12-15T09:00', perMonth: 2 });
    expect(plan.meetsR6).toBe(true);
    expect(plan.months.map((m) => [m.month, m.required, days(m.slots)])).toEqual([
      // 27–28 December 2027 are the bank holidays in lieu of Christmas Day and Boxing Day.
      ['2027-12', 2, ['2027-12-20', '2027-12-29']],
      ['2028-01', 2, ['2028-01-10', '2028-01-24']],
      ['2028-02', 2, ['2028-02-08', '2028-02-22']],
    ]);
    for (const m of plan.months)
      for (const s of m.slots) {
        expect(s.start.startsWith(m.month)).toBe(true);
        expect(s.kind).toBe('regular');
        expect(s.end.slice(11)).toBe('09:30');
      }
  });

  it('uses the profile’s number, counts meetings already booked, and respects constraints', () => {
    const plan = proposeMeetingPlan(
      context({
        constraints: { unavailable: SCHOOL_RUN },
        appointments: [
          busy('2028-01-05T11:00', '2028-01-05T11:30', { participantId: PARTICIPANT }),
        ],
      }),
      { earliest: '2028-01-01T00:00', perMonth: 3 },
    );
    expect(plan.months.map((m) => [m.month, m.alreadyBooked, m.required, m.slots.length])).toEqual([
      ['2028-01', 1, 2, 2],
      ['2028-02', 0, 3, 3],
      ['2028-03', 0, 3, 3],
    ]);
    for (const s of plan.slots) expect(s.start.slice(11)).toBe('09:15');
    // Never two meetings on one day.
    expect(new Set(days(plan.slots)).size).toBe(plan.slots.length);
  });

  it('does not depend on the order of the diary', () => {
    const appointments = [
      busy('2028-02-08T09:00', '2028-02-08T12:00'),
      busy('2028-02-22T09:00', '2028-02-22T17:00'),
      busy('2028-01-10T09:00', '2028-01-10T10:00'),
    ];
    const a = proposeMeetingPlan(context({ appointments }), {
      earliest: '2028-01-01T00:00',
      perMonth: 2,
    });
    const b = proposeMeetingPlan(context({ appointments: [...appointments].reverse() }), {
      earliest: '2028-01-01T00:00',
      perMonth: 2,
    });
    expect(b).toEqual(a);
    expect(days(a.months[1]!.slots)).toEqual(['2028-02-08', '2028-02-23']);
  });

  it('says which month falls short and why', () => {
    const closed = office({
      closures: [{ from: '2028-02-01', to: '2028-02-29', reason: 'refurbishment' }],
    });
    const plan = proposeMeetingPlan(context({ offices: [closed] }), {
      earliest: '2028-01-01T00:00',
      perMonth: 2,
    });
    expect(plan.meetsR6).toBe(false);
    const feb = plan.months[1]!;
    expect(feb).toMatchObject({ month: '2028-02', met: false, slots: [] });
    expect(feb.reasons).toEqual(['the office is closed 1–29 February 2028 (refurbishment)']);
    expect(plan.months[2]!.met).toBe(true);
  });
});
