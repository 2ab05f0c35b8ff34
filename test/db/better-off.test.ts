import { afterEach, describe, expect, it } from 'vitest';
import { tempCaseload, type TempCaseload } from '../support/temp-caseload';
import { referral } from '../support/referrals';
import { snapshot } from '../support/snapshot';
import { household } from '../domain/better-off/households';
import { referralSchema } from '../../src-shared/schemas/participant';
import {
  betterOff,
  ratesForTaxYear,
  RatesUnavailableError,
} from '../../src-shared/domain/better-off';
import { BetterOffService, taxYearOn } from '../../src-main/services/better-off/better-off';
import { addTimelineEvent } from '../../src-main/services/caseload/participants';
import { loadFacts } from '../../src-main/services/obligations/obligation-facts';
import { AppError } from '../../src-main/errors';

// 23:30 UTC on 29 March 2026 is 00:30 on the 30th in London (British Summer Time began that day).
const NOW = new Date('2026-03-29T23:30:00Z');

let c: TempCaseload;
afterEach(async () => c?.close());

async function withParticipant(overrides: Parameters<typeof referral>[0] = {}) {
  c = await tempCaseload({ now: () => NOW });
  const { id } = await c.services.participants.create(
    referralSchema.parse(referral({ referralDate: '2026-01-05', ...overrides })),
  );
  return id;
}

async function refusal(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('BetterOffService', () => {
  it('calculates exactly what the command line does', async () => {
    c = await tempCaseload();
    const raw = household({ children: [{ birthDate: '2019-05-01' }] });
    const result = c.services.betterOff.calculate(raw);
    expect(result.output).toEqual(betterOff(raw).output);
    expect(result.ratesVersion).toBe(ratesForTaxYear('2025-26').version);
    expect(result.explanation.betterOff.steps.join(' ')).toMatch(/in work − .* out of work/);
  });

  it('saves the input, output, rates version and an R11 timeline event dated today in London', async () => {
    const id = await withParticipant();
    const raw = household({ job: { hoursPerWeek: 16 } });
    const saved = await c.services.betterOff.save(id, raw, { label: '16 hours at the café' });

    expect(saved.explainedOn).toBe('2026-03-30');
    expect(saved.taxYear).toBe('2025-26');
    expect(saved.ratesVersion).toBe(ratesForTaxYear('2025-26').version);
    expect(saved.output).toEqual(betterOff(raw).output);
    expect(saved.household.job.hoursPerWeek).toBe(16);
    expect(saved.label).toBe('16 hours at the café');

    const timeline = await c.services.participants.timeline(id);
    const event = timeline.find((e) => e.kind === 'better-off');
    expect(event).toMatchObject({
      id: saved.eventId,
      date: '2026-03-30',
      data: { calculationId: saved.id, taxYear: '2025-26' },
    });
    expect(event?.summary).toContain(
      `£${saved.output.betterOffMonthly.toFixed(2)} a month better off`,
    );

    const [facts] = await loadFacts(c.services.wp.db, [id]);
    expect(facts?.betterOffCalculations).toEqual(['2026-03-30']);

    const db = c.services.wp.db;
    const journal = await db
      .selectFrom('change_journal')
      .select(['entity_type', 'entity_id'])
      .where('entity_type', 'in', ['better_off_calculation', 'participant_event'])
      .execute();
    expect(journal).toEqual(
      expect.arrayContaining([
        { entity_type: 'better_off_calculation', entity_id: saved.id },
        { entity_type: 'participant_event', entity_id: saved.eventId },
      ]),
    );
    const audit = await db.selectFrom('audit_log').select(['action', 'detail']).execute();
    const entry = audit.find((a) => a.action === 'better-off.save');
    expect(entry).toBeDefined();
    // Ids and rates only: no figures, no household values.
    expect(JSON.parse(entry!.detail)).toEqual({
      participantId: id,
      taxYear: '2025-26',
      ratesVersion: saved.ratesVersion,
    });
  });

  it('takes the date it was explained, and refuses one in the future or before the referral', async () => {
    const id = await withParticipant();
    const saved = await c.services.betterOff.save(id, household(), { explainedOn: '2026-03-02' });
    expect(saved.explainedOn).toBe('2026-03-02');
    const db = c.services.wp.db;
    const before = await snapshot(db);
    const future = await refusal(
      c.services.betterOff.save(id, household(), { explainedOn: '2026-03-31' }),
    );
    expect(future).toMatchObject({ code: 'invalid-input', field: 'explainedOn' });
    const early = await refusal(
      c.services.betterOff.save(id, household(), { explainedOn: '2025-12-31' }),
    );
    expect(early).toMatchObject({ code: 'invalid-input', field: 'explainedOn' });
    expect(await snapshot(db)).toEqual(before);
  });

  it('lists and gets saved calculations, newest first', async () => {
    const id = await withParticipant();
    const first = await c.services.betterOff.save(id, household({ job: { hoursPerWeek: 16 } }));
    const second = await c.services.betterOff.save(id, household({ job: { hoursPerWeek: 30 } }));
    const list = await c.services.betterOff.list(id);
    expect(list.map((s) => s.id)).toEqual([second.id, first.id]);
    expect(await c.services.betterOff.get(first.id)).toEqual(first);
    const missing = await refusal(c.services.betterOff.get('0190a000-0000-7000-8000-000000000000'));
    expect(missing.code).toBe('not-found');
  });

  it('refuses bad input naming the field, and saves nothing', async () => {
    const id = await withParticipant();
    const db = c.services.wp.db;
    const before = await snapshot(db);
    const cases: [unknown, string][] = [
      [household({ job: { hoursPerWeek: -3 } }), 'job.hoursPerWeek'],
      [household({ taxYear: '2019-20' }), 'taxYear'],
      [household({ adults: [] }), 'adults'],
      [household({ housing: { tenure: 'private', rentMonthly: 700 } }), 'housing.lhaMonthly'],
      [household({ children: [{ birthDate: '2026-02-30' }] }), 'children.0.birthDate'],
    ];
    for (const [raw, field] of cases) {
      const error = await refusal(c.services.betterOff.save(id, raw));
      expect(error, field).toMatchObject({ code: 'invalid-input', field });
    }
    const nobody = await refusal(
      c.services.betterOff.save('0190a000-0000-7000-8000-000000000000', household()),
    );
    expect(nobody).toMatchObject({ code: 'not-found', field: 'participantId' });
    expect(await snapshot(db)).toEqual(before);
  });

  it('reproduces a saved calculation with its own rates, and refuses if those rates changed', async () => {
    const id = await withParticipant();
    const saved = await c.services.betterOff.save(
      id,
      household({
        children: [{ birthDate: '2018-09-01' }],
        housing: { tenure: 'social', rentMonthly: 520 },
      }),
    );
    const again = await c.services.betterOff.reproduce(saved.id);
    expect(again.identical).toBe(true);
    expect(again.output).toEqual(saved.output);

    // The same caseload opened by a later release whose 2025-26 rates were corrected.
    const real = ratesForTaxYear('2025-26');
    const changed = new BetterOffService(c.services.wp, {
      ratesFor: () => ({ ...real, version: '2025-26+corrected', taperRate: 0.5 }),
    });
    const refused = await refusal(changed.reproduce(saved.id));
    expect(refused.code).toBe('refused');
    expect(refused.message).toContain(saved.ratesVersion);
    expect(refused.message).toContain('2025-26+corrected');

    const withdrawn = new BetterOffService(c.services.wp, {
      ratesFor: (year) => {
        throw new RatesUnavailableError(year);
      },
    });
    expect(await refusal(withdrawn.reproduce(saved.id))).toMatchObject({ code: 'refused' });
  });

  it('prefills a household from the participant record and a recorded job start', async () => {
    const id = await withParticipant({
      dateOfBirth: '2003-06-01',
      address: { line1: '1 Heol y Frenhines', town: 'Cardiff', postcode: 'CF10 2GE' },
    });
    let prefill = await c.services.betterOff.prefill(id);
    expect(prefill.household).toMatchObject({
      taxYear: '2025-26',
      country: 'wales',
      london: false,
      adults: [{ age: 22 }],
      job: {
        hoursPerWeek: 16,
        hourlyWage: ratesForTaxYear('2025-26').minimumWage.age21OrOver / 100,
      },
    });
    expect(prefill.explainedOn).toBe('2026-03-30');

    await c.services.wp.transaction((w) =>
      addTimelineEvent(w, {
        participantId: id,
        kind: 'life-event',
        date: '2026-03-16',
        summary: 'Started work',
        data: { lifeEvent: 'job-start', hoursPerWeek: 25, hourlyWage: 13.5 },
      }),
    );
    prefill = await c.services.betterOff.prefill(id);
    expect(prefill.household.job).toMatchObject({ hoursPerWeek: 25, hourlyWage: 13.5 });
    expect(prefill.notes.join(' ')).toContain('2026-03-16');
    // The prefilled household is one the calculator accepts as it is.
    expect(() => c.services.betterOff.calculate(prefill.household)).not.toThrow();
  });

  it('prefills Scotland and London from the nation and postcode', async () => {
    c = await tempCaseload({ now: () => NOW });
    const scot = await c.services.participants.create(
      referralSchema.parse(
        referral({
          referralId: 'JCP-S',
          referralDate: '2026-01-05',
          nation: 'scotland',
          programme: 'no-one-left-behind',
          charterProfile: 'no-one-left-behind',
          address: { line1: '1 High St', town: 'Glasgow', postcode: 'G1 1AA' },
        }),
      ),
    );
    const london = await c.services.participants.create(
      referralSchema.parse(
        referral({
          referralId: 'JCP-L',
          referralDate: '2026-01-05',
          address: { line1: '1 Mare St', town: 'London', postcode: 'E8 1HE' },
        }),
      ),
    );
    expect((await c.services.betterOff.prefill(scot.id)).household.country).toBe('scotland');
    expect((await c.services.betterOff.prefill(london.id)).household).toMatchObject({
      country: 'england',
      london: true,
    });
  });
});

describe('taxYearOn', () => {
  it('starts the tax year on 6 April', () => {
    expect(taxYearOn('2026-04-05')).toBe('2025-26');
    expect(taxYearOn('2026-04-06')).toBe('2026-27');
    expect(taxYearOn('2099-12-31')).toBe('2099-00');
  });
});
