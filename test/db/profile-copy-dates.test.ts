/**
 * One resolver: a participant on a manager's edited copy (R3, R6, R7 and R8 numbers and the
 * complaint route all different from the shipped profile) gets the copy's dates everywhere —
 * the caseload engine and agenda, the plan screen, the meeting follow-up, the letter preview's
 * R3 window and the printed documents — and the copy's complaint route and letter wording.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempCaseload, type TempCaseload } from '../support/temp-caseload';
import { referral } from '../support/referrals';
import { pdfText } from '../pdf/pdf-reader';
import { SHEFFIELD_OFFICE } from '../pdf/caseload-fixture';
import { PLAN } from './plan-fixture';
import { referralSchema } from '../../src-shared/schemas/participant';
import { shippedProfile } from '../../src-shared/domain/charter/shipped-profiles';
import type { CharterProfile } from '../../src-shared/domain/charter/profile';
import { logMeetingSchema } from '../../src-shared/schemas/meeting';

// 10:00 in London on Tuesday 1 December 2026.
const NOW = new Date('2026-12-01T10:00:00Z');

function acme(): CharterProfile {
  const p = structuredClone(shippedProfile('work-programme')!);
  p.id = 'acme-employment';
  p.name = 'Acme Employment';
  p.rules.R3.days = 21; // shipped: 14
  p.rules.R6.meetingsPerMonth = 3; // shipped: 2
  p.rules.R7.months = 1; // shipped: 3
  p.rules.R7.promise = 'We will look at your plan with you every month.';
  p.rules.R8.days = 5; // shipped: 3
  p.complaintRoute = [
    {
      level: 'provider',
      name: 'Acme complaints desk',
      contact: 'Write to Acme Employment, PO Box 42, Sheffield.',
      responseTargetWorkingDays: 5,
      source: 'Acme contract schedule 4',
    },
  ];
  p.letters = { ...p.letters, signOff: 'Your Acme employment coach' };
  return p;
}

let c: TempCaseload;
let officeId: string;
beforeAll(async () => {
  c = await tempCaseload({ now: () => NOW });
  // Stands in for the administrator setting the user's role: a user cannot raise their own.
  await c.services.wp.db.updateTable('advisers').set({ role: 'manager' }).execute();
  await c.services.profiles.saveCopy({ basedOn: 'work-programme', profile: acme() });
  officeId = (await c.services.diary.saveOffice(SHEFFIELD_OFFICE)).id;
});
afterAll(() => c.close());

/**
 * Contacted Friday 20 November, induction booked for Wednesday 9 December (inside 21 days, not
 * inside 14), plan agreed 24 November, and a phone meeting on Monday 30 November missed with no
 * notice.
 */
async function participantOn(charterProfile: string, n: number) {
  const { id } = await c.services.participants.create(
    referralSchema.parse(
      referral({
        charterProfile,
        referralId: `JCP-000${n}`,
        niNumber: `AB 12 34 5${n} C`,
      }),
    ),
  );
  await c.services.participants.setStatus({ id, status: 'allocated', date: '2026-11-03' });
  await c.services.participants.setStatus({ id, status: 'contacted', date: '2026-11-20' });
  await c.services.diary.book({
    participantId: id,
    officeId,
    start: `2026-12-09T1${n}:00`,
    end: `2026-12-09T1${n}:45`,
    kind: 'induction',
    channel: 'in-person',
  });
  await c.services.plans.saveDraft(id, PLAN, null);
  await c.services.plans.agree(id, 1, {
    agreedOn: '2026-11-24',
    method: 'in-person',
    participantAgreed: true,
  });
  const missed = await c.services.diary.book({
    participantId: id,
    start: `2026-11-30T1${n}:00`,
    end: `2026-11-30T1${n}:30`,
    kind: 'regular',
    channel: 'phone',
  });
  await c.services.meetings.log(
    logMeetingSchema.parse({
      appointmentId: missed.id,
      expectedVersion: 1,
      outcome: 'dna',
      priorNotice: false,
      channel: 'phone',
    }),
  );
  return { id, missedId: missed.id };
}

describe('a participant on an edited profile copy', () => {
  it('sees the copy’s R3, R7 and R8 dates on every screen and document', async () => {
    const { id, missedId } = await participantOn('acme-employment', 1);

    // The engine, through the one resolver: the copy's numbers, not the shipped ones.
    const shown = await c.services.obligations.forParticipant(id);
    expect(shown.profile).toEqual({ id: 'acme-employment', name: 'Acme Employment', version: 1 });
    const due = (rule: string) => shown.obligations.find((o) => o.rule === rule)!.due;
    expect(due('R3')).toBe('2026-12-11'); // 20 Nov + 21 days (shipped: 4 Dec)
    expect(due('R7')).toBe('2026-12-24'); // 24 Nov + 1 month (shipped: 24 Feb)
    expect(due('R8')).toBe('2026-12-04'); // 30 Nov + 5 = Sat 5 Dec, moved back (shipped: 3 Dec)

    // The agenda for the week of 21 December lists the review and the overdue-by-then follow-up.
    const agenda = await c.services.obligations.week('2026-12-24');
    const mine = agenda.obligations.filter((o) => o.participantId === id);
    expect(mine.find((o) => o.rule === 'R7')?.due).toBe(due('R7'));
    expect(mine.find((o) => o.rule === 'R8')?.due).toBe(due('R8'));

    // The plan screen's next review and the meeting logger's follow-up.
    expect((await c.services.plans.view(id)).nextReview).toBe(due('R7'));
    const overview = await c.services.meetings.overview(id);
    expect(overview.meetings.find((m) => m.appointment.id === missedId)?.followUp?.due).toBe(
      due('R8'),
    );

    // The letter preview checks the induction against the engine's R3 under the copy.
    const preview = await c.services.documents.preview(id, { language: 'en' });
    expect(preview.window).toEqual({ ok: true, deadline: due('R3') });
    expect(preview.text).toContain('Acme complaints desk');
    expect(preview.text).toContain('We will look at your plan with you every month.');
    expect(preview.text).toContain('Your Acme employment coach');
    expect(preview.text).not.toContain('Independent Case Examiner');
    // The letter's "we will contact you within … days" is the copy's R8, not a written-out 3.
    expect(preview.text).toContain('we will contact you within 5 days');
    expect(preview.text).toContain('After that we will meet at least 3 times a month.');

    // The printed letter and the printed plan, read back from the PDF bytes.
    const issued = await c.services.documents.issueInduction({
      participantId: id,
      method: 'printed',
      options: { language: 'en' },
    });
    const letter = await pdfText((await c.services.documents.documentFile(issued.entry.id)).bytes);
    expect(letter).toContain('Acme complaints desk');
    expect(letter).toContain('Your Acme employment coach');
    expect(letter).toContain('Wednesday 9 December 2026');
    expect(letter).not.toContain('Independent Case Examiner');
    const plan = await c.services.documents.issueRecordedPlan(id, 'printed');
    const planText = await pdfText((await c.services.documents.documentFile(plan.entry.id)).bytes);
    expect(planText).toContain('24 December 2026');
    expect(planText).toContain('We will meet at least 3 times a month');
  });

  it('a participant on the shipped profile with the same records gets the shipped dates', async () => {
    const { id } = await participantOn('work-programme', 2);
    const shown = await c.services.obligations.forParticipant(id);
    const due = (rule: string) => shown.obligations.find((o) => o.rule === rule)!.due;
    expect([due('R3'), due('R7'), due('R8')]).toEqual(['2026-12-04', '2027-02-24', '2026-12-03']);
    expect((await c.services.plans.view(id)).nextReview).toBe('2027-02-24');
    // 9 December is after the shipped 14-day window, so the letter needs a reason.
    const preview = await c.services.documents.preview(id, { language: 'en' });
    expect(preview.window).toMatchObject({ ok: false, deadline: '2026-12-04' });
    expect(preview.text).toContain('Independent Case Examiner');
    expect(preview.text).toContain('we will contact you within 3 days');
  });
});
