/**
 * Complaints over a real encrypted caseload: managers only, every change audited (ids and field
 * names, never the complaint's words) and journalled, stage clocks from the profile with the
 * participant's nation, escalation along the route, closing with an outcome and lessons.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { ComplaintService } from '../../src-main/services/complaints/complaint-service';
import { complaintInputSchema } from '../../src-shared/domain/complaints/complaint';
import { complaintLetterPdf } from '../../src-main/services/complaints/complaint-letters';
import { pdfText } from '../pdf/pdf-reader';
import { AppError } from '../../src-main/errors';
import { verifyAuditLog } from '../../src-main/services/protection/audit-verify';
import { referralSchema } from '../../src-shared/schemas/participant';
import { tempCaseload, type TempCaseload } from '../support/temp-caseload';
import { referral } from '../support/referrals';

const NOW = new Date('2026-12-01T10:00:00Z');
let c: TempCaseload;
afterEach(async () => c?.close());

async function setUp(role: 'manager' | 'adviser' = 'manager') {
  c = await tempCaseload({ now: () => NOW });
  // Stands in for the administrator setting the user's role: a user cannot raise their own.
  await c.services.wp.db.updateTable('advisers').set({ role }).execute();
  const { id } = await c.services.participants.create(
    referralSchema.parse(
      referral({
        referralId: 'JCP-COMPLAINT',
        referralDate: '2026-10-05',
        nation: 'scotland',
        programme: 'no-one-left-behind',
        charterProfile: 'no-one-left-behind',
      }),
    ),
  );
  return {
    participantId: id,
    complaints: new ComplaintService(c.services.wp, c.services.profiles),
  };
}

async function refusal(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const count = async (table: string) =>
  Number(
    (
      await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(
        c.services.wp.db,
      )
    ).rows[0]!.n,
  );

const COMPLAINT = {
  receivedOn: '2026-11-23',
  channel: 'phone',
  about: 'The booking of my first meeting',
  summary: 'My first meeting was moved three times without notice.',
} as const;

describe('complaints', () => {
  it('are refused to anyone but a manager, and nothing is written', async () => {
    const { participantId, complaints } = await setUp('adviser');
    const before = await count('audit_log');
    expect((await refusal(complaints.record({ participantId, ...COMPLAINT }))).code).toBe(
      'refused',
    );
    expect((await refusal(complaints.list())).message).toContain('manager');
    expect(await count('audit_log')).toBe(before);
  });

  it('records a complaint on the profile’s route with the nation’s working days, audited and journalled', async () => {
    const { participantId, complaints } = await setUp();
    const journal = await count('change_journal');
    const recorded = await complaints.record({ participantId, ...COMPLAINT });
    expect(recorded.profileId).toBe('no-one-left-behind');
    expect(recorded.nation).toBe('scotland');
    // Monday 23 November + 10 working days; Monday 30 November is St Andrew's Day in Scotland.
    expect(recorded.stages).toEqual([
      {
        index: 0,
        name: 'The service providing your employment support',
        startedOn: '2026-11-23',
        responseDue: '2026-12-08',
        respondedOn: null,
      },
    ]);
    expect(recorded.state).toBe('awaiting-response');
    expect(recorded.nextStage?.name).toBe('Scottish Government');
    expect(await count('change_journal')).toBe(journal + 1);
    const audit = await c.services.wp.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id', 'detail'])
      .where('action', '=', 'complaint.record')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.entity_id).toBe(recorded.id);
    expect(audit[0]!.detail).not.toContain('moved three times');
    expect((await verifyAuditLog(c.services.wp.db)).ok).toBe(true);
  });

  it('refuses bad input with the field named and writes nothing', async () => {
    const { participantId, complaints } = await setUp();
    const before = await count('complaints');
    // The shape is checked once, at the router, by the channel's schema.
    for (const [input, field] of [
      [{ participantId, ...COMPLAINT, receivedOn: '2026-02-30' }, 'receivedOn'],
      [{ participantId, ...COMPLAINT, channel: 'pigeon' }, 'channel'],
      [{ participantId, ...COMPLAINT, summary: '  ' }, 'summary'],
      [{ participantId, ...COMPLAINT, extra: 1 }, ''],
    ] as const) {
      const parsed = complaintInputSchema.safeParse(input);
      expect(parsed.success).toBe(false);
      if (field) expect(parsed.error!.issues[0]!.path.join('.')).toBe(field);
    }
    // A date in the future needs the caseload's today: the service refuses it.
    const error = await refusal(
      complaints.record(
        complaintInputSchema.parse({ participantId, ...COMPLAINT, receivedOn: '2026-12-02' }),
      ),
    );
    expect(error).toMatchObject({ code: 'invalid-input', field: 'receivedOn' });
    expect(await count('complaints')).toBe(before);
  });

  it('shows an unanswered complaint as overdue once its due day has passed', async () => {
    const { participantId, complaints } = await setUp();
    const late = await complaints.record({ participantId, ...COMPLAINT, receivedOn: '2026-11-02' });
    const fresh = await complaints.record({ participantId, ...COMPLAINT });
    expect(late.stages[0]!.responseDue).toBe('2026-11-16');
    expect(late.state).toBe('overdue');
    expect((await complaints.overdue()).map((x) => x.id)).toEqual([late.id]);
    await complaints.respond(late.id, '2026-11-30', 'We are sorry: your meetings are now fixed.');
    expect((await complaints.get(late.id)).state).toBe('responded');
    expect(await complaints.overdue()).toEqual([]);
    expect(fresh.state).toBe('awaiting-response');
  });

  it('escalates along the route, then closes with an outcome and lessons', async () => {
    const { participantId, complaints } = await setUp();
    const { id } = await complaints.record({ participantId, ...COMPLAINT });
    await complaints.acknowledge(id, '2026-11-24');
    await complaints.respond(id, '2026-11-27', 'We looked into it.');
    const funder = await complaints.escalate(id, '2026-11-30');
    expect(funder.stages.map((s) => s.name)).toEqual([
      'The service providing your employment support',
      'Scottish Government',
    ]);
    expect(funder.stages[1]!.responseDue).toBeNull();
    const spso = await complaints.escalate(id, '2026-12-01');
    expect(spso.nextStage).toBeNull();
    expect((await refusal(complaints.escalate(id, '2026-12-01'))).message).toContain('last stage');
    const closed = await complaints.close(
      id,
      '2026-12-01',
      'partly-upheld',
      'Confirm moves in writing.',
    );
    expect(closed).toMatchObject({
      state: 'closed',
      outcome: 'partly-upheld',
      lessons: 'Confirm moves in writing.',
    });
    expect((await refusal(complaints.respond(id, '2026-12-01', 'More'))).code).toBe('refused');
    expect((await refusal(complaints.close(id, '2026-12-01', 'maybe', ''))).code).toBe(
      'invalid-input',
    );
  });
});

describe('complaint letters', () => {
  it('acknowledge with the reply date, and respond with the next stage of the route explained', async () => {
    const { participantId, complaints } = await setUp();
    const { id } = await complaints.record({ participantId, ...COMPLAINT });
    const ack = (
      await pdfText(await complaintLetterPdf(complaints, c.services.wp, id, 'acknowledgement'))
    ).replace(/\s+/g, ' ');
    expect(ack).toContain('We have received your complaint');
    expect(ack).toContain(
      'We received your complaint on 23 November 2026 about: The booking of my first meeting.',
    );
    expect(ack).toContain('reply to you by 8 December 2026');
    expect(ack).toContain('you can take your complaint to Scottish Government');
    expect(
      (await refusal(complaintLetterPdf(complaints, c.services.wp, id, 'response'))).code,
    ).toBe('refused');

    await complaints.respond(id, '2026-11-27', 'Your meetings are now fixed a month ahead.');
    await complaints.escalate(id, '2026-11-30');
    await complaints.escalate(id, '2026-11-30');
    await complaints.respond(id, '2026-12-01', 'The ombudsman found no fault.');
    const last = (
      await pdfText(await complaintLetterPdf(complaints, c.services.wp, id, 'response'))
    ).replace(/\s+/g, ' ');
    expect(last).toContain('The ombudsman found no fault.');
    expect(last).toContain('This was the last stage of the complaints route.');
  });

  it('are refused to an adviser who is not a manager', async () => {
    const { participantId, complaints } = await setUp();
    const { id } = await complaints.record({ participantId, ...COMPLAINT });
    await c.services.profiles.setRole('adviser');
    expect(
      (await refusal(complaintLetterPdf(complaints, c.services.wp, id, 'acknowledgement'))).code,
    ).toBe('refused');
  });
});
