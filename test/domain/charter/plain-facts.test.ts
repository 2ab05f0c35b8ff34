/**
 * plainFactsInput lets the device take the facts it built from its own rows without the input
 * schema. It must accept nothing the schema refuses, and what it accepts must compute exactly the
 * obligations the schema's output computes; it must also accept the facts the app really builds
 * (else the device would quietly pay for the schema again).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarsFrom } from '../../../src-shared/domain/calendar/shipped-calendars';
import { participantObligations } from '../../../src-shared/domain/charter/compute-obligations';
import {
  ObligationsInputError,
  parseObligationsInput,
  plainFactsInput,
} from '../../../src-shared/domain/charter/obligations-input';
import { shippedProfiles } from '../../../src-shared/domain/charter/shipped-profiles';
import type { ParticipantFacts } from '../../../src-shared/domain/charter/facts-from-rows';
import {
  APPOINTMENT_CHANNELS,
  APPOINTMENT_KINDS,
  APPOINTMENT_OUTCOMES,
} from '../../../src-shared/schemas/diary';
import { LIFE_EVENT_KINDS } from '../../../src-shared/schemas/timeline-events';
import { NATIONS } from '../../../src-shared/domain/calendar/nations';

const calendars = calendarsFrom();
const TODAY = '2026-03-02';
const profiles = [...shippedProfiles().values()];

// Real dates around the edges the rules care about (leap days, month and year ends, bank
// holidays, today), and strings that look like dates but are not.
const goodDates = [
  '2024-02-29',
  '2025-02-28',
  '2025-03-31',
  '2025-12-25',
  '2025-12-31',
  '2026-01-01',
  '2026-01-30',
  '2026-02-27',
  '2026-03-02',
  '2026-03-03',
  '2026-04-03',
  '2026-05-29',
  '2027-01-01',
];
const badDates = [
  '2025-02-29',
  '2026-13-01',
  '2026-00-10',
  '2026-4-1',
  '',
  'undefined',
  '2026-03-02T10:00',
];

function factsArb(valid: boolean): fc.Arbitrary<ParticipantFacts> {
  const pick = <T>(good: readonly T[], bad: readonly T[]) =>
    valid
      ? fc.constantFrom(...good)
      : fc.oneof(
          { weight: 6, arbitrary: fc.constantFrom(...good) },
          { weight: 1, arbitrary: fc.constantFrom(...bad) },
        );
  const date = pick(goodDates, badDates);
  const orNull = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null, freq: 3 });
  const time = fc
    .tuple(date, pick(['09:30', '14:00', '00:00'], ['25:00', '9:30']))
    .map(([d, t]) => `${d}T${t}`);
  const appointment = fc
    .record({
      id: pick(['A1', 'A2', 'A3', 'A4'], ['']),
      start: time,
      kind: pick(APPOINTMENT_KINDS, ['meeting' as never]),
      channel: pick(APPOINTMENT_CHANNELS, ['text' as never]),
      outcome: pick(APPOINTMENT_OUTCOMES, ['maybe' as never]),
      priorNotice: fc.constantFrom(undefined, true, false),
    })
    .map((a) => {
      const out = { ...a };
      if (out.priorNotice === undefined) delete out.priorNotice;
      return out;
    });
  return fc.record({
    id: pick(['P1', 'P2'], ['']),
    nation: pick(NATIONS, ['wales']),
    referralDate: date,
    allocationDate: orNull(date),
    initialContact: orNull(
      fc.record({
        date,
        channel: orNull(pick(['phone', 'letter', 'email'] as const, ['text' as never])),
        inductionOffered: fc.option(time, { nil: null }),
      }),
    ),
    startDate: orNull(date),
    cannotAttendInPerson: fc.boolean(),
    inPersonExemptions: fc.array(fc.record({ from: date, to: orNull(date) }), { maxLength: 2 }),
    exitReviews: fc.array(date, { maxLength: 2 }),
    healthNeed: orNull(
      fc.record({ recorded: date, ohReferral: orNull(date), decidedNoReferral: orNull(date) }),
    ),
    appointments: fc.array(appointment, { maxLength: 6 }),
    contacts: fc.array(
      fc.record({
        date,
        kind: pick(['dna-follow-up', 'in-work', 'general'], ['initial']),
        channel: fc.constantFrom('phone', 'text', 'in-person'),
      }),
      { maxLength: 4 },
    ),
    ppepAgreements: fc.array(date, { maxLength: 3 }),
    betterOffCalculations: fc.array(date, { maxLength: 2 }),
    events: fc.array(
      fc.record({ date, kind: pick(LIFE_EVENT_KINDS, ['moved-house', 'holiday']) }),
      {
        maxLength: 4,
      },
    ),
    exitDate: orNull(date),
  });
}

function schemaParse(facts: ParticipantFacts, profile: (typeof profiles)[number]) {
  try {
    return parseObligationsInput({ today: TODAY, profile, participants: [facts] }).participants[0]!;
  } catch (error) {
    if (error instanceof ObligationsInputError) return null;
    throw error;
  }
}

describe('plainFactsInput', () => {
  it('accepts only what the schema accepts, and the engine computes the same obligations from it', () => {
    let accepted = 0;
    let refusedBySchema = 0;
    fc.assert(
      fc.property(
        fc.oneof(factsArb(true), factsArb(false)),
        fc.constantFrom(...profiles),
        (facts, profile) => {
          const plain = plainFactsInput(facts);
          const parsed = schemaParse(facts, profile);
          if (!parsed) refusedBySchema++;
          if (!plain) return;
          accepted++;
          expect(parsed).not.toBeNull();
          expect(participantObligations(plain, profile, null, TODAY, calendars)).toEqual(
            participantObligations(parsed!, profile, null, TODAY, calendars),
          );
        },
      ),
      { numRuns: 1500 },
    );
    // Both sides of the check were exercised.
    expect(accepted).toBeGreaterThan(100);
    expect(refusedBySchema).toBeGreaterThan(200);
  });

  it('accepts every well-formed participant the app could build', () => {
    fc.assert(
      fc.property(factsArb(true), (facts) => {
        // Unique appointment ids, as the appointments table's primary key makes them.
        const seen = new Set<string>();
        facts.appointments = facts.appointments.filter((a) => !seen.has(a.id) && seen.add(a.id));
        facts.inPersonExemptions = facts.inPersonExemptions.map((e) =>
          e.to !== null && e.to < e.from ? { from: e.to, to: e.from } : e,
        );
        expect(plainFactsInput(facts)).toBe(facts);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses, as the schema does, a bad date, an unknown kind and a repeated appointment id', () => {
    const base = (): ParticipantFacts => ({
      id: 'P1',
      nation: 'scotland',
      referralDate: '2026-01-05',
      allocationDate: null,
      initialContact: null,
      startDate: null,
      cannotAttendInPerson: false,
      inPersonExemptions: [],
      exitReviews: [],
      healthNeed: null,
      appointments: [],
      contacts: [],
      ppepAgreements: [],
      betterOffCalculations: [],
      events: [],
      exitDate: null,
    });
    const appointment = {
      id: 'A1',
      start: '2026-01-06T10:00',
      kind: 'regular',
      channel: 'phone',
      outcome: 'attended',
    };
    const cases: ((f: ParticipantFacts) => void)[] = [
      (f) => (f.referralDate = '2026-02-30'),
      (f) => (f.exitReviews = ['2026-1-5']),
      (f) => (f.contacts = [{ date: '2026-01-07', kind: 'initial', channel: 'phone' }]),
      (f) => (f.events = [{ date: '2026-01-07', kind: 'holiday' }]),
      (f) => (f.appointments = [appointment, { ...appointment }]),
      (f) => (f.inPersonExemptions = [{ from: '2026-02-01', to: '2026-01-31' }]),
      (f) => (f.nation = 'wales'),
      (f) =>
        (f.initialContact = { date: '2026-01-06', channel: null, inductionOffered: '2026-01-09' }),
    ];
    expect(plainFactsInput(base())).not.toBeNull();
    for (const spoil of cases) {
      const facts = base();
      spoil(facts);
      expect(plainFactsInput(facts)).toBeNull();
      expect(schemaParse(facts, profiles[0]!)).toBeNull();
    }
  });
});
