import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { TempCaseload } from '../support/temp-caseload';
import { caseloadWithOffice, participantWithInduction } from './caseload-fixture';
import { pdfText } from './pdf-reader';
import { inductionEn } from '../../src-main/pdf/wording/induction-en';
import { AppError } from '../../src-main/errors';

let c: TempCaseload;
afterEach(async () => c?.close());

const bytesOf = (b64: string) => Buffer.from(b64, 'base64');
const squash = (s: string) => s.replace(/\s+/g, '');

async function counts() {
  const db = c.services.wp.db;
  const n = async (t: 'letter_log' | 'audit_log' | 'change_journal') =>
    Number(
      (
        await db
          .selectFrom(t)
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    log: await n('letter_log'),
    audit: await n('audit_log'),
    journal: await n('change_journal'),
  };
}

describe('issuing an induction letter', () => {
  it('logs it through the write path with its hash, and shows it on the timeline', async () => {
    const s = await caseloadWithOffice();
    c = s.c;
    const id = await participantWithInduction(c, s.officeId, { n: 1 });
    const before = await counts();
    const issued = await c.services.documents.issueInduction({
      participantId: id,
      method: 'handed-over',
      options: {},
    });
    const pdf = bytesOf(issued.pdfBase64);
    expect(issued.entry).toMatchObject({
      participantId: id,
      kind: 'induction-letter',
      method: 'handed-over',
      templateVersions: 'en@0',
      language: 'en',
      largePrint: false,
      issuedBy: 'Ada Adviser',
      issuedAt: '2026-11-23T09:15:00.000Z',
      outsideWindowReason: null,
    });
    expect(issued.entry.contentSha256).toBe(createHash('sha256').update(pdf).digest('hex'));
    const text = squash(await pdfText(pdf));
    expect(text).toContain(squash('Dear Zofia,'));
    expect(text).toContain(
      squash('Waymark Employment Sheffield, 1 Arundel Gate, Sheffield, S1 2PN'),
    );
    expect(text).toContain(squash('Tuesday 1 December 2026'));

    const after = await counts();
    // The log row, its audit + journal entries, and the timeline event's audit + journal entries.
    expect(after.log - before.log).toBe(1);
    expect(after.journal - before.journal).toBe(2);
    const db = c.services.wp.db;
    const audit = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'document.issue')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.entity_id).toBe(issued.entry.id);
    expect(audit[0]!.detail).not.toContain('Zofia');
    const journal = await db
      .selectFrom('change_journal')
      .selectAll()
      .where('entity_type', '=', 'letter_log')
      .execute();
    expect(journal.map((j) => j.entity_id)).toEqual([issued.entry.id]);

    const timeline = await c.services.participants.timeline(id);
    const event = timeline.find((e) => e.kind === 'document')!;
    expect(event.summary).toBe('Induction letter handed over (English)');
    expect(event.data).toMatchObject({ letterId: issued.entry.id, method: 'handed-over' });
    expect((await c.services.documents.log(id)).map((e) => e.id)).toEqual([issued.entry.id]);
  });

  it('reprints from the logged snapshot byte for byte, even after the record changed', async () => {
    const s = await caseloadWithOffice();
    c = s.c;
    const id = await participantWithInduction(c, s.officeId, {
      n: 2,
      referral: { preferredName: 'Zosia' },
    });
    const issued = await c.services.documents.issueInduction({
      participantId: id,
      method: 'printed',
      options: { largePrint: true, language: 'cy-en' },
    });
    const p = await c.services.participants.get(id);
    const {
      id: _id,
      status: _s,
      exitReason: _e,
      version,
      createdAt: _c,
      updatedAt: _u,
      ...details
    } = p;
    await c.services.participants.update(id, version, {
      ...details,
      preferredName: 'Someone Else',
    });

    const again = await c.services.documents.reprint(issued.entry.id, 'emailed');
    expect(again.identical).toBe(true);
    expect(Buffer.compare(bytesOf(again.pdfBase64), bytesOf(issued.pdfBase64))).toBe(0);
    expect(again.entry).toMatchObject({
      reprintOf: issued.entry.id,
      method: 'emailed',
      largePrint: true,
      language: 'cy-en',
    });
    expect(await pdfText(bytesOf(again.pdfBase64))).toContain('Dear Zosia,');
    const log = await c.services.documents.log(id);
    expect(log).toHaveLength(2);
  });

  it('uses the participant’s recorded formats unless told otherwise', async () => {
    const s = await caseloadWithOffice();
    c = s.c;
    const id = await participantWithInduction(c, s.officeId, {
      n: 3,
      referral: { accessibleFormats: { largePrint: true, welsh: true, easyRead: false } },
    });
    const issued = await c.services.documents.issueInduction({
      participantId: id,
      method: 'printed',
      options: {},
    });
    expect(issued.entry).toMatchObject({
      language: 'cy-en',
      largePrint: true,
      templateVersions: 'cy@0 en@0',
    });
    expect(await pdfText(bytesOf(issued.pdfBase64))).toContain('Annwyl Zofia,');
  });
});

describe('the charter’s induction window (R3)', () => {
  it('refuses a date after initial contact + 14 days, changing nothing', async () => {
    const s = await caseloadWithOffice();
    c = s.c;
    // Contacted Friday 20 November: 14 days is Friday 4 December; Monday 7 December is late.
    const id = await participantWithInduction(c, s.officeId, { n: 4, start: '2026-12-07T10:00' });
    const before = await counts();
    const refused = await c.services.documents
      .issueInduction({ participantId: id, method: 'printed', options: {} })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'refused', field: 'outsideWindowReason' });
    expect((refused as Error).message).toMatch(
      /after 4 December 2026, the last day the charter allows/,
    );
    expect(await counts()).toEqual(before);
  });

  it('prints it when the adviser records why, keeping the reason in the log, not the letter', async () => {
    const s = await caseloadWithOffice();
    c = s.c;
    const id = await participantWithInduction(c, s.officeId, { n: 5, start: '2026-12-07T10:00' });
    const reason = 'Participant is in hospital until 5 December (asked for this date)';
    const issued = await c.services.documents.issueInduction({
      participantId: id,
      method: 'printed',
      options: {},
      outsideWindowReason: reason,
    });
    expect(issued.entry.outsideWindowReason).toBe(reason);
    expect(await pdfText(bytesOf(issued.pdfBase64))).not.toContain('hospital');
  });

  it('moves a deadline on a weekend back to the Friday', async () => {
    const s = await caseloadWithOffice();
    c = s.c;
    // Contacted Sunday 22 November: 14 days is Sunday 6 December, so Friday 4 December is last.
    const late = await participantWithInduction(c, s.officeId, {
      n: 6,
      contactedOn: '2026-11-22',
      start: '2026-12-07T10:00',
    });
    const preview = await c.services.documents.preview(late, {});
    expect(preview.window).toMatchObject({ ok: false, deadline: '2026-12-04' });
    expect(preview.text).toContain('Dear Zofia,');
  });
});

describe('the charter profile', () => {
  it('gives a Scottish letter the SPSO route and Scotland’s bank holidays for R3', async () => {
    const s = await caseloadWithOffice();
    c = s.c;
    const scotland = {
      nation: 'scotland',
      programme: 'no-one-left-behind',
      charterProfile: 'no-one-left-behind',
    } as const;
    // Contacted Monday 16 November: 14 days is Monday 30 November, St Andrew's Day in Scotland.
    const scot = await participantWithInduction(c, s.officeId, {
      n: 8,
      contactedOn: '2026-11-16',
      start: '2026-11-30T10:00',
      referral: scotland,
    });
    const english = await participantWithInduction(c, s.officeId, {
      n: 9,
      contactedOn: '2026-11-16',
      start: '2026-11-30T11:00',
    });
    expect((await c.services.documents.preview(english)).window).toEqual({
      ok: true,
      deadline: '2026-11-30',
    });
    const preview = await c.services.documents.preview(scot);
    expect(preview.window).toMatchObject({ ok: false, deadline: '2026-11-27' });
    const text = squash(preview.text);
    expect(text).toContain(squash('Scottish Public Services Ombudsman (SPSO)'));
    expect(text).toContain(squash('0800 377 7330'));
    expect(text).toContain(squash('employability action plan'));
    const wp = squash((await c.services.documents.preview(english)).text);
    expect(wp).toContain(squash('Personal Profile and Employment Plan (PPEP)'));
    expect(wp).toContain(squash('Meet with you in person at least twice a month.'));
    expect(wp).not.toContain('SPSO');
  });
});

describe('provider wording', () => {
  it('saves new versions, prints with the latest and logs which one', async () => {
    const s = await caseloadWithOffice();
    c = s.c;
    const id = await participantWithInduction(c, s.officeId, { n: 7 });
    const saved = await c.services.documents.saveTemplate({
      kind: 'induction-letter',
      language: 'en',
      body: {
        ...inductionEn,
        intro: 'Hello from {{office.name}}. Your reference is {{participant.referralId}}.',
      },
    });
    expect(saved.version).toBe(1);
    const issued = await c.services.documents.issueInduction({
      participantId: id,
      method: 'printed',
      options: {},
    });
    expect(issued.entry.templateVersions).toBe('en@1');
    expect(squash(await pdfText(bytesOf(issued.pdfBase64)))).toContain(
      squash('Hello from Waymark Employment Sheffield. Your reference is JCP-0007.'),
    );
    const templates = await c.services.documents.listTemplates();
    expect(templates.map((t) => [t.language, t.version])).toEqual([
      ['en', 1],
      ['cy', 0],
    ]);
  });

  it('refuses an unknown merge field, naming the field', async () => {
    const s = await caseloadWithOffice();
    c = s.c;
    const refused = await c.services.documents
      .saveTemplate({
        kind: 'induction-letter',
        language: 'en',
        body: { ...inductionEn, next: 'See you {{participant.shoeSize}}' },
      })
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'invalid-input', field: 'body.next' });
    expect((await c.services.documents.listTemplates())[0]!.version).toBe(0);
  });
});

describe('the recorded plan', () => {
  it('prints the latest agreed version under the profile’s plan name, and logs it', async () => {
    const s = await caseloadWithOffice();
    c = s.c;
    const id = await participantWithInduction(c, s.officeId, { n: 12 });
    const plans = c.services.plans;
    const draft = await plans.saveDraft(
      id,
      {
        aboutMe: 'Twenty years in retail; wants daytime work.',
        strengths: ['Friendly with customers', ''],
        goals: { shortTerm: ['Find part-time retail work'], longTerm: ['Store manager'] },
        barriers: [
          {
            id: 'b1',
            barrier: 'No recent CV',
            support: 'CV workshop on Tuesdays',
            healthRelated: false,
          },
        ],
        skills: ['Till and cash handling'],
        qualifications: [],
        training: [],
        steps: [
          {
            id: 's1',
            action: 'Write a CV',
            owner: 'participant',
            due: '2026-12-10',
            status: 'not-started',
            mandatory: false,
          },
        ],
      },
      null,
    );
    await plans.agree(id, draft.revision, {
      agreedOn: '2026-11-23',
      method: 'in-person',
      participantAgreed: true,
    });
    const issued = await c.services.documents.issueRecordedPlan(id, 'handed-over');
    expect(issued.entry).toMatchObject({ kind: 'ppep', method: 'handed-over' });
    const text = squash(await pdfText(bytesOf(issued.pdfBase64)));
    for (const expected of [
      'Your Personal Profile and Employment Plan (PPEP)',
      'Friendly with customers',
      'Till and cash handling',
      'Store manager',
      'CV workshop on Tuesdays',
      'Write a CV',
      '10 December 2026',
      'We wrote and agreed this plan together on 23 November 2026.',
    ])
      expect(text).toContain(squash(expected));
  });

  it('refuses when there is no plan, naming the participant field', async () => {
    const s = await caseloadWithOffice();
    c = s.c;
    const id = await participantWithInduction(c, s.officeId, { n: 13 });
    await expect(c.services.documents.issueRecordedPlan(id, 'printed')).rejects.toMatchObject({
      code: 'refused',
      field: 'participantId',
    });
  });
});
