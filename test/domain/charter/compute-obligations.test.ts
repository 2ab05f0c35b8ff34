import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarsFrom } from '../../../src-shared/domain/calendar/shipped-calendars';
import { computeObligations } from '../../../src-shared/domain/charter/compute-obligations';
import { parseObligationsInput } from '../../../src-shared/domain/charter/obligations-input';
import { generateCaseload } from './generate-caseload';

const calendars = calendarsFrom();
const run = (json: unknown) => computeObligations(parseObligationsInput(json), calendars);
type Json = Record<string, unknown>;

describe('the scheduling engine', () => {
  it('gives R7 due on 30 April for a plan agreed on 31 January, and 29 February 2028 for 30 November 2027', () => {
    const out = run({
      today: '2026-01-01',
      profile: 'work-programme',
      participants: [
        { id: 'P1', referralDate: '2025-12-01', ppepAgreements: ['2027-01-31'] },
        { id: 'P2', referralDate: '2025-12-01', ppepAgreements: ['2027-11-30'] },
        { id: 'P3', referralDate: '2025-12-01', ppepAgreements: ['2028-01-31'] },
      ],
    });
    const r7 = out.obligations.filter((o) => o.rule === 'R7');
    expect(r7.map((o) => [o.participantId, o.due])).toEqual([
      ['P1', '2027-04-30'],
      ['P2', '2028-02-29'],
      ['P3', '2028-04-28'], // 30 April 2028 is a Sunday
    ]);
  });

  it('uses the office nation’s bank holidays for a manager-edited R2 target', () => {
    const profile = structuredClone(
      parseObligationsInput({ today: '2027-01-01', profile: 'work-programme', participants: [] })
        .profile,
    );
    profile.rules.R2.workingDays = 5;
    const out = run({
      today: '2027-01-01',
      profile,
      nation: 'northern-ireland',
      participants: [{ id: 'P1', referralDate: '2027-07-01', allocationDate: '2027-07-07' }],
    });
    // 8, 9, (12 July holiday), 13, 14, 15.
    expect(out.obligations.find((o) => o.rule === 'R2')!.due).toBe('2027-07-15');
  });

  it('never lets a participant’s facts leak into another’s obligations', () => {
    const out = run({
      today: '2027-02-01',
      profile: 'work-programme',
      participants: [
        { id: 'P1', referralDate: '2027-01-04', allocationDate: '2027-01-05' },
        { id: 'P2', referralDate: '2027-01-04' },
      ],
    });
    expect(out.obligations.filter((o) => o.participantId === 'P2').map((o) => o.status)).toEqual([
      'missed',
    ]);
  });
});

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 16807) % 2147483647;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function shuffleFacts(input: Json, seed: number): Json {
  const participants = (input.participants as Json[]).map((p, i) => {
    const copy: Json = { ...p };
    for (const key of [
      'appointments',
      'contacts',
      'ppepAgreements',
      'betterOffCalculations',
      'events',
    ])
      copy[key] = shuffled(p[key] as unknown[], seed + i);
    return copy;
  });
  return { ...input, participants: shuffled(participants, seed) };
}

describe('properties', () => {
  const caseload = fc.record({
    seed: fc.integer({ min: 1, max: 1_000_000 }),
    size: fc.integer({ min: 1, max: 12 }),
    today: fc.constantFrom('2026-06-30', '2027-01-04', '2027-12-24', '2028-03-01'),
  });

  it('never puts a due date on a non-working day of the participant’s nation', () => {
    fc.assert(
      fc.property(caseload, ({ seed, size, today }) => {
        const input = generateCaseload(size, today, seed);
        const nations = new Map(
          (input.participants as Json[]).map((p) => [p.id as string, p.nation as string]),
        );
        for (const o of run(input).obligations) {
          const nation = nations.get(o.participantId) as keyof typeof calendars;
          expect(calendars[nation].isWorkingDay(o.due), `${o.rule} ${o.due}`).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('is deterministic and independent of the order of participants and their facts', () => {
    fc.assert(
      fc.property(caseload, fc.integer({ min: 1, max: 1000 }), ({ seed, size, today }, order) => {
        const input = generateCaseload(size, today, seed);
        const once = run(input);
        expect(run(input)).toEqual(once);
        expect(run(shuffleFacts(input, order))).toEqual(once);
      }),
      { numRuns: 60 },
    );
  });

  it('keeps every status consistent with today, the due date and metOn', () => {
    fc.assert(
      fc.property(caseload, ({ seed, size, today }) => {
        for (const o of run(generateCaseload(size, today, seed)).obligations) {
          if (o.status === 'pending') expect(o.due >= today).toBe(true);
          if (o.status === 'missed') expect(o.due < today).toBe(true);
          if (o.status === 'met-late') expect(o.metOn! > o.due).toBe(true);
          if (o.status === 'met' && o.rule !== 'R6') expect(o.metOn! <= o.due).toBe(true);
          if (o.rule === 'R6') expect(o.required).toBeGreaterThan(0);
        }
      }),
      { numRuns: 40 },
    );
  });
});
