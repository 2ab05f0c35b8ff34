/**
 * The ObligationService takes the facts it builds from its own rows without the input schema
 * (plainFactsInput). Over a seeded demo caseload, with one participant whose record the schema
 * refuses, its obligations must be exactly those of the old path: each participant's facts
 * through parseObligationsInput (left out when refused), then the engine, on edge dates.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempCaseload, type TempCaseload } from '../support/temp-caseload';
import { seedDemoCaseload } from '../../src-main/demo/demo-caseload';
import { ObligationService } from '../../src-main/services/obligations/obligations';
import {
  governingProfileOf,
  ProfileService,
} from '../../src-main/services/obligations/charter-profiles';
import { loadFacts } from '../../src-main/services/obligations/obligation-facts';
import { calendarsFrom } from '../../src-shared/domain/calendar/shipped-calendars';
import { participantObligations } from '../../src-shared/domain/charter/compute-obligations';
import {
  ObligationsInputError,
  parseObligationsInput,
  plainFactsInput,
} from '../../src-shared/domain/charter/obligations-input';
import type { Obligation } from '../../src-shared/domain/charter/obligation';

const CLOCK = new Date('2026-11-23T12:00:00Z');
let c: TempCaseload;
let spoiled = '';

beforeAll(async () => {
  c = await tempCaseload({ now: () => CLOCK });
  await seedDemoCaseload(c.services, { participants: 60, seed: 5, today: '2026-11-20' });
  // One record the schema refuses (an exemption starting on no real day), written straight to
  // the table as a damaged or foreign row would arrive.
  const someone = await c.services.wp.db
    .selectFrom('participants')
    .select(['id'])
    .orderBy('id')
    .executeTakeFirstOrThrow();
  spoiled = someone.id;
  await c.services.wp.db
    .insertInto('participant_events')
    .values({
      id: 'spoiled-event',
      participant_id: spoiled,
      kind: 'in-person-exemption',
      date: '2026-01-10',
      recorded_at: '2026-01-10T10:00:00.000Z',
      actor: 'test',
      summary: 'damaged',
      data: JSON.stringify({ from: '2026-02-30', to: null }),
    })
    .execute();
}, 180_000);
afterAll(() => c?.close());

/** The old path: every participant's facts through the input schema, one by one. */
async function throughSchema(today: string): Promise<Obligation[]> {
  const db = c.services.wp.db;
  const out: Obligation[] = [];
  for (const facts of await loadFacts(db)) {
    const { profile } = await governingProfileOf(db, facts.id, today);
    let input;
    try {
      input = parseObligationsInput({ today, profile, participants: [facts] }).participants[0]!;
    } catch (error) {
      if (error instanceof ObligationsInputError) continue;
      throw error;
    }
    out.push(...participantObligations(input, profile, null, today, calendarsFrom()));
  }
  return out;
}

describe('the ObligationService without the schema for its own facts', () => {
  it('takes the plain path for the seeded participants and leaves out only the refused one', async () => {
    const facts = await loadFacts(c.services.wp.db);
    expect(facts.length).toBe(60);
    expect(facts.filter((f) => !plainFactsInput(f)).map((f) => f.id)).toEqual([spoiled]);
  });

  // A leap day, a year end, a bank holiday, a month end on a weekend, and the demo's today.
  for (const today of ['2024-02-29', '2025-12-25', '2025-12-31', '2026-05-31', '2026-11-20'])
    it(`computes exactly the old path's obligations on ${today}`, async () => {
      const wp = c.services.wp;
      const fresh = new ObligationService(wp, new ProfileService(wp));
      const got = await fresh.caseload({ today });
      const want = await throughSchema(today);
      expect(want.length).toBeGreaterThan(0);
      expect(want.some((o) => o.participantId === spoiled)).toBe(false);
      expect(got).toEqual(want);
    }, 60_000);
});
