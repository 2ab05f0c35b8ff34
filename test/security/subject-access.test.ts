/**
 * The subject-access export said it held every record but left out plans, notes, contacts,
 * claims, referrals, decisions, calculations, letters and appointments. Now every table that
 * holds rows about the person is in it, with the letters' PDFs, the audit of who looked, and the
 * one-month legal clock; and nothing about anyone else.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportSubjectAccess, respondBy } from '../../src-main/services/protection/subject-access';
import { referralSchema } from '../../src-shared/schemas/participant';
import { referral } from '../support/referrals';
import { NOW, PLAN, startedParticipant } from '../db/plan-fixture';
import type { TempCaseload } from '../support/temp-caseload';
import { supportReferralSchema } from '../../src-shared/schemas/plan';

let c: TempCaseload;
let id: string;
const OTHER = 'Canary-other-person-4471';

beforeEach(async () => {
  ({ c, id } = await startedParticipant());
  const s = c.services;
  await s.plans.saveDraft(id, PLAN, null);
  await s.plans.agree(id, 1, {
    agreedOn: '2026-11-24',
    method: 'in-person',
    participantAgreed: true,
  });
  await s.plans.saveReferral(
    id,
    supportReferralSchema.parse({
      service: 'drug-and-alcohol',
      detail: 'Community service',
      status: 'to-refer',
    }),
  );
  await s.plans.recordHealthDecision(id, {
    needNotedOn: '2026-11-24',
    decision: 'no-referral',
    decidedOn: '2026-11-25',
    reason: 'Managing well with physiotherapy',
  });
  await s.documents.issueRecordedPlan(id, 'printed', {});
  await s.participants.get(id); // a view, audited
  await s.participants.create(
    referralSchema.parse(
      referral({ givenName: OTHER, referralId: 'JCP-9999', niNumber: 'CE 12 34 56 A' }),
    ),
  );
});
afterEach(() => c.close());

describe('the subject-access export', () => {
  it('holds every record about the person, and nothing about anyone else', async () => {
    const sar = await exportSubjectAccess(c.services, id, { requestedOn: '2026-11-30' });
    const tables = Object.keys(sar.records).sort();
    expect(tables).toEqual(
      expect.arrayContaining([
        'health_decisions',
        'letter_log',
        'participant_events',
        'participants',
        'plan_versions',
        'support_referrals',
      ]),
    );
    expect(sar.records.plan_versions).toHaveLength(1);
    expect(sar.records.support_referrals).toEqual([
      expect.objectContaining({ service: 'drug-and-alcohol', detail: 'Community service' }),
    ]);
    expect(sar.records.health_decisions![0]).toMatchObject({
      reason: 'Managing well with physiotherapy',
    });
    // JSON held in a column is given as structure, not as a string.
    expect(
      (sar.records.plan_versions![0] as { content: { aboutMe: string } }).content.aboutMe,
    ).toBe(PLAN.aboutMe);
    expect(sar.records.participants![0]).not.toHaveProperty('search_text');
    expect(JSON.stringify(sar)).not.toContain(OTHER);
  });

  it('includes each letter as the PDF that was sent', async () => {
    const sar = await exportSubjectAccess(c.services, id, { requestedOn: '2026-11-30' });
    expect(sar.letters).toHaveLength(1);
    expect(sar.letters[0]).toMatchObject({ kind: 'ppep', identical: true });
    expect(Buffer.from(sar.letters[0]!.pdfBase64, 'base64').subarray(0, 5).toString()).toBe(
      '%PDF-',
    );
  });

  it('lists who viewed and changed the record, and is itself audited with the legal clock', async () => {
    const sar = await exportSubjectAccess(c.services, id, { requestedOn: '2026-11-30' });
    const actions = sar.accessLog.map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(['participant.create', 'participant.open', 'health-decision.record']),
    );
    expect(sar.request).toEqual({
      requestedOn: '2026-11-30',
      respondBy: '2026-12-30',
      exportedAt: NOW.toISOString(),
    });
    const audit = await c.services.wp.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id', 'detail'])
      .where('action', '=', 'participant.subject-access-export')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.entity_id).toBe(id);
    expect(JSON.parse(audit[0]!.detail)).toEqual({
      requestedOn: '2026-11-30',
      respondBy: '2026-12-30',
      letters: 1,
    });
  });
});

describe('the one-month clock (ICO: the same date next month, or its last day)', () => {
  it('counts calendar months', () => {
    expect(respondBy('2026-09-03')).toBe('2026-10-03');
    expect(respondBy('2027-01-31')).toBe('2027-02-28');
    expect(respondBy('2028-01-31')).toBe('2028-02-29');
    expect(respondBy('2026-12-15')).toBe('2027-01-15');
  });
});
