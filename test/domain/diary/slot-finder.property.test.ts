/** Properties of the slot finder over random diaries. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toDayNumber } from '../../../src-shared/domain/calendar/civil-date';
import {
  findSlots,
  toMinute,
  type AdviserLeave,
  type BusyAppointment,
  type DiaryContext,
  type DiaryOffice,
} from '../../../src-shared/domain/diary';
import { ADVISER, calendars, context, office, PARTICIPANT, SCHOOL_RUN } from './diary-fixture';

const pad = (n: number) => String(n).padStart(2, '0');
const dayOf = (offset: number) => {
  const d = new Date(Date.UTC(2026, 11, 14 + offset));
  return d.toISOString().slice(0, 10);
};
const time = (q: number) => `${pad(8 + Math.floor(q / 4))}:${pad((q % 4) * 15)}`;

const appointment = fc
  .record({
    day: fc.integer({ min: 0, max: 30 }),
    q: fc.integer({ min: 0, max: 36 }),
    len: fc.integer({ min: 1, max: 8 }),
    who: fc.constantFrom('adviser', 'participant', 'room'),
    room: fc.constantFrom('Room 1', 'Room 2'),
  })
  .map(({ day, q, len, who, room }): BusyAppointment => ({
    id: `${day}-${q}-${len}-${who}-${room}`,
    adviserId: who === 'adviser' ? ADVISER : 'other-adviser',
    participantId: who === 'participant' ? PARTICIPANT : 'other-participant',
    officeId: 'office-sheffield',
    room: who === 'room' ? room : null,
    start: `${dayOf(day)}T${time(q)}`,
    end: `${dayOf(day)}T${time(Math.min(q + len, 40))}`,
  }));

const leave = fc
  .record({
    day: fc.integer({ min: 0, max: 30 }),
    days: fc.integer({ min: 0, max: 4 }),
    half: fc.boolean(),
  })
  .map(({ day, days, half }): AdviserLeave => ({
    from: dayOf(day),
    to: dayOf(day + days),
    startTime: half ? '13:00' : null,
    endTime: null,
  }));

const closure = fc
  .record({ day: fc.integer({ min: 0, max: 30 }), days: fc.integer({ min: 0, max: 3 }) })
  .map(({ day, days }) => ({ from: dayOf(day), to: dayOf(day + days), reason: 'staff training' }));

const diary = fc.record({
  appointments: fc.array(appointment, { maxLength: 60 }),
  leave: fc.array(leave, { maxLength: 3 }),
  closures: fc.array(closure, { maxLength: 2 }),
  schoolRun: fc.boolean(),
  stepFree: fc.boolean(),
  earliest: fc
    .integer({ min: 0, max: 20 })
    .chain((d) => fc.integer({ min: 0, max: 40 }).map((q) => `${dayOf(d)}T${time(q)}`)),
  kind: fc.constantFrom('induction', 'regular') as fc.Arbitrary<'induction' | 'regular'>,
});

type Diary = typeof diary extends fc.Arbitrary<infer T> ? T : never;

function build(d: Diary): DiaryContext {
  return context({
    offices: [office({ closures: d.closures })],
    appointments: d.appointments,
    leave: d.leave,
    constraints: { unavailable: d.schoolRun ? SCHOOL_RUN : [], needsStepFree: d.stepFree },
  });
}

const overlaps = (a: { start: string; end: string }, b: { start: string; end: string }) =>
  toMinute(a.start) < toMinute(b.end) && toMinute(b.start) < toMinute(a.end);

function reverseAll(ctx: DiaryContext): DiaryContext {
  const offices: DiaryOffice[] = ctx.offices.map((o) => ({
    ...o,
    rooms: [...o.rooms].reverse(),
    closures: [...o.closures].reverse(),
  }));
  return {
    ...ctx,
    offices: offices.reverse(),
    appointments: [...ctx.appointments].reverse(),
    adviser: { ...ctx.adviser, leave: [...ctx.adviser.leave].reverse() },
    participant: {
      ...ctx.participant,
      constraints: {
        ...ctx.participant.constraints,
        unavailable: [...ctx.participant.constraints.unavailable].reverse(),
      },
    },
  };
}

describe('slot finder properties', () => {
  it('never overlaps a booking, leave, a constraint or closed time, and never falls on a non-working day', () => {
    fc.assert(
      fc.property(diary, (d) => {
        const ctx = build(d);
        const { slots } = findSlots(ctx, { kind: d.kind, earliest: d.earliest, count: 8 });
        const o = ctx.offices[0]!;
        for (const s of slots) {
          const date = s.start.slice(0, 10);
          expect(s.start >= d.earliest).toBe(true);
          expect(calendars['england-and-wales'].isWorkingDay(date)).toBe(true);
          expect(o.closures.some((c) => c.from <= date && date <= c.to)).toBe(false);
          expect(s.start.slice(11) >= '09:00' && s.end.slice(11) <= '17:00').toBe(true);
          for (const a of d.appointments) {
            if (!overlaps(s, a)) continue;
            expect(a.adviserId).not.toBe(ADVISER);
            expect(a.participantId).not.toBe(PARTICIPANT);
            expect(a.room === null || a.room !== s.room).toBe(true);
          }
          for (const l of d.leave) {
            const onLeave =
              l.from <= date &&
              date <= l.to &&
              !(date === l.from && s.end.slice(11) <= (l.startTime ?? '00:00'));
            expect(onLeave).toBe(false);
          }
          if (d.schoolRun)
            for (const c of SCHOOL_RUN)
              expect(s.start.slice(11) < c.to && s.end.slice(11) > c.from).toBe(false);
          if (d.stepFree) expect(s.room).toBe('Room 2');
        }
        // Earliest first, no start offered twice.
        const keys = slots.map((s) => s.start);
        expect(keys).toEqual([...new Set(keys)].sort());
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic and does not depend on the order the diary is listed in', () => {
    fc.assert(
      fc.property(diary, (d) => {
        const ctx = build(d);
        const req = { kind: d.kind, earliest: d.earliest, dueBy: dayOf(10), count: 5 } as const;
        const once = findSlots(ctx, req);
        expect(findSlots(ctx, req)).toEqual(once);
        expect(findSlots(reverseAll(ctx), req)).toEqual(once);
      }),
      { numRuns: 200 },
    );
  });

  it('asked again from its first slot, offers that slot first and nothing earlier', () => {
    fc.assert(
      fc.property(diary, (d) => {
        const ctx = build(d);
        const first = findSlots(ctx, { kind: d.kind, earliest: d.earliest, count: 1 }).slots[0];
        if (!first) return;
        // Asking from just after the first slot's start never returns something before it.
        const next = findSlots(ctx, { kind: d.kind, earliest: first.start, count: 2 }).slots;
        expect(next[0]).toEqual(first);
        expect(toDayNumber(next[1]?.start.slice(0, 10) ?? '2100-01-01')).toBeGreaterThanOrEqual(
          toDayNumber(first.start.slice(0, 10)),
        );
      }),
      { numRuns: 100 },
    );
  });
});
