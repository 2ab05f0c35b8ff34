/**
 * A real encrypted caseload whose clock can be moved: people are referred, worked with and
 * exited years ago, then the clock moves to today so their retention periods have run.
 */
import { tempCaseload, type TempCaseload } from '../support/temp-caseload';
import { referral } from '../support/referrals';
import { referralSchema } from '../../src-shared/schemas/participant';
import { contactAttemptSchema, lifeEventSchema } from '../../src-shared/schemas/meeting';
import { supportReferralSchema } from '../../src-shared/schemas/plan';
import { ComplaintService } from '../../src-main/services/complaints/complaint-service';
import { PLAN } from '../db/plan-fixture';
import type { Services } from '../../src-main/app/services';

export const TODAY = '2026-12-01';

export interface Clock {
  set(iso: string): void;
}

export async function retentionCaseload(): Promise<{ c: TempCaseload; clock: Clock }> {
  let now = new Date('2018-01-02T10:00:00Z');
  const c = await tempCaseload({ now: () => now });
  await c.services.wp.db.updateTable('advisers').set({ role: 'manager' }).execute();
  return { c, clock: { set: (iso) => (now = new Date(iso)) } };
}

/**
 * A participant with something in every kind of record: a plan agreed, a support referral, a
 * health decision, a contact with a note, a life event, a letter, a complaint; exited on `exit`.
 * The clock must be on or after `exit`.
 */
export async function personWithRecords(
  c: { services: Services },
  opts: {
    givenName: string;
    referralId: string;
    niNumber: string;
    referralDate: string;
    exit: string | null;
    /** Issue a letter (PDF rendering needs the node environment, not jsdom). */
    letter?: boolean;
  },
): Promise<string> {
  const s = c.services;
  const { id } = await s.participants.create(
    referralSchema.parse(
      referral({
        givenName: opts.givenName,
        familyName: 'Quillfeather',
        referralId: opts.referralId,
        niNumber: opts.niNumber,
        referralDate: opts.referralDate,
        email: `${opts.givenName.toLowerCase()}@example.com`,
      }),
    ),
  );
  const d = (days: number) => {
    const t = new Date(`${opts.referralDate}T12:00:00Z`);
    t.setUTCDate(t.getUTCDate() + days);
    return t.toISOString().slice(0, 10);
  };
  for (const [status, date] of [
    ['allocated', d(1)],
    ['contacted', d(2)],
    ['induction-booked', d(3)],
    ['started', d(8)],
  ] as const)
    await s.participants.setStatus({ id, status, date });
  await s.plans.saveDraft(id, { ...PLAN, aboutMe: `${opts.givenName} likes forklifts` }, null);
  await s.plans.agree(id, 1, { agreedOn: d(9), method: 'in-person', participantAgreed: true });
  await s.plans.saveReferral(
    id,
    supportReferralSchema.parse({
      service: 'drug-and-alcohol',
      detail: `Community service for ${opts.givenName}`,
      status: 'to-refer',
    }),
  );
  await s.plans.recordHealthDecision(id, {
    needNotedOn: d(9),
    decision: 'no-referral',
    decidedOn: d(10),
    reason: `${opts.givenName} manages well with physiotherapy`,
  });
  await s.contacts.record(
    contactAttemptSchema.parse({
      participantId: id,
      contactKind: 'general',
      channel: 'phone',
      outcome: 'spoke',
      date: d(11),
      note: `Spoke to ${opts.givenName} about the CV`,
    }),
  );
  await s.lifeEvents.record(
    lifeEventSchema.parse({
      participantId: id,
      kind: 'moved-house',
      date: d(12),
      note: `${opts.givenName} moved to a flat`,
    }),
  );
  if (opts.letter ?? true) await s.documents.issueRecordedPlan(id, 'printed', {});
  await new ComplaintService(s.wp, s.profiles).record({
    participantId: id,
    receivedOn: d(13),
    channel: 'letter',
    about: 'Appointments',
    summary: `${opts.givenName} says the office was shut`,
    profileId: 'work-programme',
  });
  if (opts.exit)
    await s.participants.setStatus({
      id,
      status: 'exited',
      date: opts.exit,
      exitReason: 'completed-programme',
    });
  return id;
}
