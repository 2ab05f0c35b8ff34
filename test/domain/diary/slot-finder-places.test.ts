/** The slot finder and where people live, what they can do, and what the adviser asks for. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  constraintsFromAdjustments,
  findSlots,
  withAdjustments,
  NO_CONSTRAINTS,
  type DiaryContext,
  type DiaryOffice,
  type GeoPoint,
} from '../../../src-shared/domain/diary';
import { context, office } from './diary-fixture';

const BIRMINGHAM: GeoPoint = { latitude: 52.47987, longitude: -1.90938 };
const CARDIFF: GeoPoint = { latitude: 51.47477, longitude: -3.17318 };
const GLASGOW: GeoPoint = { latitude: 55.86291, longitude: -4.25604 };
const BELFAST: GeoPoint = { latitude: 54.59944, longitude: -5.92806 };

// Named so that alphabetical order (the old ranking) puts Belfast first.
const OFFICES: DiaryOffice[] = [
  office({ id: 'o-belfast', name: 'A Belfast', nation: 'northern-ireland', location: BELFAST }),
  office({ id: 'o-birmingham', name: 'B Birmingham', location: BIRMINGHAM }),
  office({ id: 'o-cardiff', name: 'C Cardiff', location: CARDIFF }),
  office({ id: 'o-glasgow', name: 'D Glasgow', nation: 'scotland', location: GLASGOW }),
];

const livingIn = (home: GeoPoint | null, over: Partial<DiaryContext> = {}): DiaryContext => {
  const ctx = context({ offices: OFFICES });
  return { ...ctx, participant: { ...ctx.participant, location: home }, ...over };
};

// Monday 7 December 2026.
const MONDAY = '2026-12-07T09:00';

describe('nearest venue first', () => {
  it('offers each participant the office nearest their home, whoever sorts first by name', () => {
    for (const [home, id] of [
      [BIRMINGHAM, 'o-birmingham'],
      [CARDIFF, 'o-cardiff'],
      [GLASGOW, 'o-glasgow'],
      [BELFAST, 'o-belfast'],
    ] as const) {
      const r = findSlots(livingIn(home), { kind: 'regular', earliest: MONDAY, count: 5 });
      expect(r.slots.map((s) => s.officeId)).toEqual([id, id, id, id, id]);
      expect(r.slots[0]!.distanceKm).toBeLessThan(1);
    }
  });

  it('goes to the next nearest only when the nearest has nothing free', () => {
    const closed = OFFICES.map((o) =>
      o.id === 'o-birmingham'
        ? { ...o, closures: [{ from: '2026-12-01', to: '2027-03-01', reason: 'refit' }] }
        : o,
    );
    const ctx = livingIn(BIRMINGHAM, { offices: closed });
    const r = findSlots(ctx, { kind: 'regular', earliest: MONDAY, count: 2 });
    // Cardiff (about 150 km) is nearer Birmingham than Glasgow or Belfast.
    expect(r.slots.map((s) => s.officeId)).toEqual(['o-cardiff', 'o-cardiff']);
    expect(r.slots[0]!.distanceKm).toBeGreaterThan(130);
    expect(r.slots[0]!.distanceKm).toBeLessThan(170);
  });

  it('keeps the time-first order across offices when nobody’s place is known', () => {
    const r = findSlots(livingIn(null), { kind: 'regular', earliest: MONDAY, count: 1 });
    expect(r.slots[0]).toMatchObject({ officeId: 'o-belfast', distanceKm: null });
  });
});

describe('what the participant can do', () => {
  it('offers an “afternoons only” participant nothing that starts before noon', () => {
    const ctx = context({ constraints: { timeOfDay: 'afternoons' } });
    const r = findSlots(ctx, { kind: 'regular', earliest: MONDAY, count: 3 });
    expect(r.slots.map((s) => s.start)).toEqual([
      '2026-12-07T12:00',
      '2026-12-07T12:15',
      '2026-12-07T12:30',
    ]);
  });

  it('ends a “mornings only” participant’s meeting by noon', () => {
    const ctx = context({ constraints: { timeOfDay: 'mornings' } });
    const r = findSlots(ctx, {
      kind: 'induction',
      earliest: '2026-12-07T10:45',
      count: 2,
    });
    // 10:45 and 11:00 end by 12:00; 11:15 would end at 12:15, so Tuesday comes next.
    expect(r.slots.map((s) => s.start)).toEqual(['2026-12-07T10:45', '2026-12-07T11:00']);
    const next = findSlots(ctx, { kind: 'induction', earliest: '2026-12-07T11:15', count: 1 });
    expect(next.slots[0]!.start).toBe('2026-12-08T09:00');
  });

  it('keeps to the days they can come, and says so when none of them fits', () => {
    const ctx = context({ constraints: { attendDays: ['wed'] } });
    const r = findSlots(ctx, { kind: 'regular', earliest: MONDAY, count: 1 });
    expect(r.slots[0]!.start).toBe('2026-12-09T09:00');
    const due = findSlots(ctx, {
      kind: 'regular',
      earliest: MONDAY,
      dueBy: '2026-12-08',
      count: 1,
    });
    expect(due.fitsBeforeDue).toBe(false);
    expect(due.reasons).toContain('the participant can only come on Wednesdays');
  });

  it('reads the plain phrases of recorded adjustments, and never removes a saved need', () => {
    expect(constraintsFromAdjustments('Prefers afternoon appointments (school run)')).toEqual({
      timeOfDay: 'afternoons',
    });
    expect(constraintsFromAdjustments('Mornings or afternoons, step-free access')).toEqual({
      needsStepFree: true,
    });
    expect(constraintsFromAdjustments('Hearing loop')).toEqual({ needsHearingLoop: true });
    expect(constraintsFromAdjustments(null)).toEqual({});
    const saved = { ...NO_CONSTRAINTS, needsHearingLoop: true, timeOfDay: 'mornings' as const };
    expect(withAdjustments(saved, 'afternoons please')).toMatchObject({
      timeOfDay: 'mornings',
      needsHearingLoop: true,
    });
    expect(withAdjustments(NO_CONSTRAINTS, 'afternoons please').timeOfDay).toBe('afternoons');
  });
});

describe('what the adviser asks for', () => {
  it('spreads offers across days, alternating morning and afternoon', () => {
    const r = findSlots(context(), {
      kind: 'regular',
      earliest: MONDAY,
      count: 4,
      spreadAcrossDays: true,
    });
    expect(r.slots.map((s) => s.start)).toEqual([
      '2026-12-07T09:00',
      '2026-12-08T12:00',
      '2026-12-09T09:00',
      '2026-12-10T12:00',
    ]);
  });

  it('fills up with more times a day when the date range is too short for one a day', () => {
    const r = findSlots(context(), {
      kind: 'regular',
      earliest: MONDAY,
      lastDate: '2026-12-08',
      count: 3,
      spreadAcrossDays: true,
    });
    expect(r.slots.map((s) => s.start)).toEqual([
      '2026-12-07T09:00',
      '2026-12-07T09:15',
      '2026-12-08T12:00',
    ]);
  });

  it('keeps to the chosen date range and time of day', () => {
    const r = findSlots(context(), {
      kind: 'regular',
      earliest: MONDAY,
      lastDate: '2026-12-09',
      timeOfDay: 'afternoons',
      count: 100,
    });
    expect(r.slots.every((s) => s.start.slice(11) >= '12:00')).toBe(true);
    expect(r.slots.every((s) => s.start.slice(0, 10) <= '2026-12-09')).toBe(true);
    expect(r.slots).toHaveLength(3 * 19); // 12:00 … 16:30 each day
    const none = findSlots(context(), {
      kind: 'regular',
      earliest: '2026-12-07T16:45',
      lastDate: '2026-12-07',
      timeOfDay: 'mornings',
      count: 1,
    });
    expect(none.slots).toEqual([]);
    expect(none.reasons.join(' ')).toMatch(/already past|mornings/);
  });
});

describe('properties', () => {
  const places = fc.constantFrom(BIRMINGHAM, CARDIFF, GLASGOW, BELFAST);
  const scenario = fc.record({
    home: fc.option(places, { nil: null }),
    day: fc.integer({ min: 0, max: 40 }),
    minute: fc.integer({ min: 0, max: 24 * 4 - 1 }),
    timeOfDay: fc.constantFrom('any', 'mornings', 'afternoons') as fc.Arbitrary<
      'any' | 'mornings' | 'afternoons'
    >,
    attendDays: fc.subarray(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const),
    askTime: fc.constantFrom('any', 'mornings', 'afternoons') as fc.Arbitrary<
      'any' | 'mornings' | 'afternoons'
    >,
    spread: fc.boolean(),
    kind: fc.constantFrom('induction', 'regular') as fc.Arbitrary<'induction' | 'regular'>,
  });
  const pad = (n: number) => String(n).padStart(2, '0');

  it('never offers the past, never breaks a constraint, and offers the nearest venue first', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const d = new Date(Date.UTC(2026, 11, 1 + s.day)).toISOString().slice(0, 10);
        const now = `${d}T${pad(Math.floor(s.minute / 4))}:${pad((s.minute % 4) * 15)}`;
        const base = livingIn(s.home);
        const ctx: DiaryContext = {
          ...base,
          participant: {
            ...base.participant,
            constraints: { ...NO_CONSTRAINTS, timeOfDay: s.timeOfDay, attendDays: s.attendDays },
          },
        };
        const r = findSlots(ctx, {
          kind: s.kind,
          earliest: now,
          count: 6,
          timeOfDay: s.askTime,
          spreadAcrossDays: s.spread,
        });
        const weekday = (date: string) =>
          (['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const)[
            new Date(`${date}T12:00Z`).getUTCDay()
          ]!;
        for (const slot of r.slots) {
          expect(slot.start >= now).toBe(true);
          const [from, to] = [slot.start.slice(11), slot.end.slice(11)];
          for (const t of [s.timeOfDay, s.askTime]) {
            if (t === 'afternoons') expect(from >= '12:00').toBe(true);
            if (t === 'mornings') expect(to <= '12:00').toBe(true);
          }
          if (s.attendDays.length > 0)
            expect(s.attendDays).toContain(weekday(slot.start.slice(0, 10)));
        }
        if (s.home && r.slots.length > 0) {
          const distances = r.slots.map((x) => x.distanceKm!);
          expect(distances).toEqual([...distances].sort((a, b) => a - b));
          // Every office keeps the same hours over six weeks, so the nearest always has a time.
          const nearest = Math.min(...OFFICES.map((o) => distanceOf(s.home!, o.location!)));
          expect(distances[0]!).toBe(Math.round(nearest * 10) / 10);
        }
      }),
      { numRuns: 200 },
    );
  });
});

function distanceOf(a: GeoPoint, b: GeoPoint): number {
  const rad = (x: number) => (x * Math.PI) / 180;
  const h =
    Math.sin(rad(b.latitude - a.latitude) / 2) ** 2 +
    Math.cos(rad(a.latitude)) *
      Math.cos(rad(b.latitude)) *
      Math.sin(rad(b.longitude - a.longitude) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}
