import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { TempCaseload } from '../support/temp-caseload';
import { snapshot } from '../support/snapshot';
import { AppError } from '../../src-main/errors';
import { loadFacts } from '../../src-main/services/obligations/obligation-facts';
import { obligationsFor } from '../../src-main/services/obligations/participant-obligations';
import { PLAN, TODAY, startedParticipant } from './plan-fixture';
import { boundaryRefusal } from '../support/boundary';
import { healthDecisionSchema, supportReferralSchema } from '../../src-shared/schemas/plan';

let c: TempCaseload;
afterEach(async () => c?.close());

async function refusal(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const agreement = {
  agreedOn: '2026-11-24',
  method: 'in-person' as const,
  participantAgreed: true as const,
};

describe('PlanService', () => {
  it('autosaves a draft, refuses a stale save, and names the plan from the charter profile', async () => {
    const s = await startedParticipant({
      charterProfile: 'no-one-left-behind',
      programme: 'no-one-left-behind',
      nation: 'scotland',
    });
    c = s.c;
    const plans = c.services.plans;
    const first = await plans.saveDraft(s.id, PLAN, null);
    expect(first.revision).toBe(1);
    const second = await plans.saveDraft(s.id, { ...PLAN, aboutMe: 'More' }, 1);
    expect(second.revision).toBe(2);
    expect((await refusal(plans.saveDraft(s.id, PLAN, 1))).code).toBe('conflict');
    const view = await plans.view(s.id);
    expect(view.planName).toBe('action plan');
    expect(view.draft?.content.aboutMe).toBe('More');
    const audit = await c.services.wp.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'plan.draft.save')
      .execute();
    expect(audit).toHaveLength(2);
  });

  it('agrees a draft into version 1, writes ppep-agreed and a health need, and keeps it immutable', async () => {
    const s = await startedParticipant();
    c = s.c;
    const plans = c.services.plans;
    await plans.saveDraft(s.id, PLAN, null);
    const v1 = await plans.agree(s.id, 1, agreement);
    expect(v1.number).toBe(1);
    expect(v1.content.strengths).toEqual(['Reliable']); // blank entries tidied away
    const view = await plans.view(s.id);
    expect(view.planName).toBe('PPEP');
    expect(view.draft).toBeNull();
    expect(view.versions.map((v) => v.adviserName)).toEqual(['Ada Adviser']);
    // R7: three months after agreement.
    expect(view.nextReview).toBe('2027-02-24');

    const [facts] = await loadFacts(c.services.wp.db, [s.id]);
    expect(facts!.ppepAgreements).toEqual(['2026-11-24']);
    expect(facts!.healthNeed).toEqual({
      recorded: '2026-11-24',
      ohReferral: null,
      decidedNoReferral: null,
    });
    const r5 = (await obligationsFor(c.services.wp.db, s.id, TODAY)).filter((o) => o.rule === 'R9');
    expect(r5.map((o) => o.status)).toEqual(['pending']);

    // The database refuses to change or remove an agreed version, whoever asks.
    const db = c.services.wp.db;
    await expect(
      sql`UPDATE plan_versions SET content = '{}' WHERE id = ${v1.id}`.execute(db),
    ).rejects.toThrow(/cannot be changed/);
    await expect(sql`DELETE FROM plan_versions WHERE id = ${v1.id}`.execute(db)).rejects.toThrow(
      /cannot be removed/,
    );
    expect((await plans.version(v1.id)).content).toEqual(v1.content);
  });

  it('refuses to agree a plan without a goal or a step, naming the field, and saves nothing', async () => {
    const s = await startedParticipant();
    c = s.c;
    const plans = c.services.plans;
    await plans.saveDraft(
      s.id,
      { ...PLAN, goals: { shortTerm: [''], longTerm: [] }, steps: [] },
      null,
    );
    const before = await snapshot(c.services.wp.db);
    const e = await refusal(plans.agree(s.id, 1, agreement));
    expect(e).toMatchObject({ code: 'invalid-input', field: 'goals.shortTerm' });
    await plans.saveDraft(s.id, { ...PLAN, steps: [{ ...PLAN.steps[0]!, due: '' }] }, 1);
    expect(await refusal(plans.agree(s.id, 2, agreement))).toMatchObject({
      field: 'steps.0.due',
      message: 'Give step 1 a due date',
    });
    expect(
      await refusal(plans.agree(s.id, 2, { ...agreement, agreedOn: '2026-12-02' })),
    ).toMatchObject({ field: 'agreedOn' });
    const after = await snapshot(c.services.wp.db);
    expect(after.plan_versions).toEqual(before.plan_versions);
    expect(after.participant_events).toEqual(before.participant_events);
  });

  it('starts a review from the last version and shows what changed since', async () => {
    const s = await startedParticipant();
    c = s.c;
    const plans = c.services.plans;
    await plans.saveDraft(s.id, PLAN, null);
    const v1 = await plans.agree(s.id, 1, agreement);
    const review = await plans.startReview(s.id);
    expect(review.baseVersionId).toBe(v1.id);
    expect(review.content).toEqual(v1.content);
    const edited = {
      ...review.content,
      steps: [{ ...review.content.steps[0]!, status: 'done' as const }],
      goals: { ...review.content.goals, shortTerm: ['Forklift licence', 'Night shifts'] },
    };
    await plans.saveDraft(s.id, edited, review.revision);
    const v2 = await plans.agree(s.id, review.revision + 1, {
      ...agreement,
      agreedOn: '2026-12-01',
      method: 'phone',
    });
    const detail = await plans.version(v2.id);
    expect(detail.previousNumber).toBe(1);
    expect(detail.changes).toEqual([
      { section: 'goals.shortTerm', change: 'added', item: 'Night shifts' },
      {
        section: 'steps',
        change: 'changed',
        item: 'Update CV',
        fields: [{ field: 'status', before: 'not started', after: 'done' }],
      },
    ]);
    const [facts] = await loadFacts(c.services.wp.db, [s.id]);
    expect(facts!.ppepAgreements).toEqual(['2026-11-24', '2026-12-01']);
    expect((await plans.view(s.id)).nextReview).toBe('2027-03-01');
  });

  it('records an occupational-health decision (R9) and support referrals (R10)', async () => {
    const s = await startedParticipant();
    c = s.c;
    const plans = c.services.plans;
    await plans.saveDraft(s.id, PLAN, null);
    await plans.agree(s.id, 1, agreement);
    // A decision not to refer needs its reason: the router refuses it as invalid-input.
    expect(
      boundaryRefusal('plan:healthDecision', {
        participantId: s.id,
        decision: { needNotedOn: '2026-11-24', decision: 'no-referral', decidedOn: '2026-11-25' },
      }),
    ).toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/Say why an occupational health referral is not needed/),
    });
    await plans.recordHealthDecision(
      s.id,
      healthDecisionSchema.parse({
        needNotedOn: '2026-11-24',
        decision: 'refer',
        decidedOn: '2026-11-26',
      }),
    );
    const [facts] = await loadFacts(c.services.wp.db, [s.id]);
    expect(facts!.healthNeed).toEqual({
      recorded: '2026-11-24',
      ohReferral: '2026-11-26',
      decidedNoReferral: null,
    });
    const r9 = (await obligationsFor(c.services.wp.db, s.id, TODAY)).find((o) => o.rule === 'R9');
    expect(r9).toMatchObject({ status: 'met', metOn: '2026-11-26' });

    const money = {
      service: 'money' as const,
      detail: 'Citizens Advice debt clinic',
      status: 'referred' as const,
      referredOn: '2026-11-25',
    };
    const made = await plans.saveReferral(s.id, supportReferralSchema.parse(money));
    const done = await plans.saveReferral(
      s.id,
      { ...money, outcome: 'Payment plan agreed with creditors', status: 'completed' },
      { id: made.id, expectedVersion: 1 },
    );
    expect(done).toMatchObject({ status: 'completed', version: 2 });
    expect(
      await refusal(
        plans.saveReferral(
          s.id,
          supportReferralSchema.parse({ ...money, status: 'engaged' as const }),
          { id: made.id, expectedVersion: 1 },
        ),
      ),
    ).toMatchObject({ code: 'conflict' });
    expect((await plans.view(s.id)).referrals).toHaveLength(1);
    const timeline = await c.services.participants.timeline(s.id);
    expect(timeline.filter((e) => e.kind === 'support-referral').map((e) => e.summary)).toEqual([
      'Money and debt advice: completed. Outcome: Payment plan agreed with creditors',
      'Money and debt advice: referred',
    ]);
  });
});
