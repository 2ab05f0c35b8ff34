/**
 * Print, open and save through the desktop port, over a real encrypted caseload: the main
 * process rebuilds the logged document itself, so what the desktop gets is byte-identical to
 * what was logged, and nothing new is logged.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, APP_ORIGIN, type Backend } from '../../src-main/app/backend';
import type { Services } from '../../src-main/app/services';
import { PASSPHRASE, TEST_KDF, type TempCaseload } from '../support/temp-caseload';
import { recordingDesktop, type RecordingDesktop } from '../support/recording-desktop';
import { caseloadWithOffice, NOW, participantWithInduction } from './caseload-fixture';
import { pdfText, pageCount } from './pdf-reader';
import { shortDate } from '../../src-main/pdf/format';
import { NOT_RECORDED, ppepFromPlan } from '../../src-main/services/plans-meetings/plan-document';
import { EMPTY_PLAN, type PlanContent } from '../../src-shared/schemas/plan';
import { MERGE_FIELDS } from '../../src-main/pdf/merge';
import { MERGE_FIELD_HELP } from '../../src-renderer/features/letters/merge-fields';

let c: TempCaseload;
let backend: Backend;
let desktop: RecordingDesktop;
let services: Services;
let officeId: string;

beforeEach(async () => {
  const s = await caseloadWithOffice();
  c = s.c;
  officeId = s.officeId;
  // The same caseload, reopened by a backend with the recording desktop.
  await c.session.lock('quit');
  desktop = recordingDesktop(join(c.dir, 'desktop'));
  backend = createBackend({ paths: c.paths, kdfCost: TEST_KDF, now: () => NOW, desktop });
  await backend.session.unlock(PASSPHRASE);
  services = backend.session.require().services;
});
afterEach(async () => {
  await backend.session.lock('quit');
  await c.close();
});

const call = (channel: string, input: unknown) => backend.router(channel, input, APP_ORIGIN);
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const squash = (s: string) => s.replace(/\s+/g, '');
const withInduction = (n: number) => participantWithInduction({ ...c, services }, officeId, { n });

async function rows(table: 'letter_log' | 'audit_log') {
  return services.wp.db.selectFrom(table).selectAll().execute();
}

describe('desktop:document', () => {
  it('prints the logged letter byte-identical to its logged hash, logging no new issue', async () => {
    const id = await withInduction(1);
    const issued = await services.documents.issueInduction({
      participantId: id,
      method: 'printed',
      options: {},
    });
    const logged = (await rows('letter_log')).length;
    const answer = await call('desktop:document', { letterId: issued.entry.id, action: 'print' });
    expect(answer).toEqual({
      ok: true,
      value: {
        action: 'print',
        done: true,
        identical: true,
        fileName: 'JCP-0001-induction-letter-2026-11-23.pdf',
      },
    });
    expect(desktop.calls).toMatchObject([{ action: 'print', name: 'Induction letter JCP-0001' }]);
    const bytes = readFileSync(desktop.calls[0]!.file);
    expect(sha256(bytes)).toBe(issued.entry.contentSha256);
    expect(squash(await pdfText(bytes))).toContain(squash('Dear Zofia,'));
    expect(await rows('letter_log')).toHaveLength(logged);
    const audit = await rows('audit_log');
    expect(audit.at(-1)).toMatchObject({ action: 'letter_log.open', entity_id: issued.entry.id });
    // The audit names the document, never its content.
    expect(audit.at(-1)!.detail).not.toContain('Zofia');
  });

  it('opens and saves the same bytes; a cancelled save writes nothing and says so', async () => {
    const id = await withInduction(2);
    const issued = await services.documents.issueInduction({
      participantId: id,
      method: 'handed-over',
      options: { largePrint: true },
    });
    const letterId = issued.entry.id;
    expect(await call('desktop:document', { letterId, action: 'open' })).toMatchObject({
      ok: true,
      value: { action: 'open', done: true },
    });
    desktop.saveAnswers.push(false);
    expect(await call('desktop:document', { letterId, action: 'save' })).toMatchObject({
      ok: true,
      value: { action: 'save', done: false },
    });
    expect(await call('desktop:document', { letterId, action: 'save' })).toMatchObject({
      ok: true,
      value: { action: 'save', done: true },
    });
    expect(desktop.calls.map((x) => x.action)).toEqual(['open', 'save']);
    for (const call of desktop.calls)
      expect(sha256(readFileSync(call.file))).toBe(issued.entry.contentSha256);
    expect(desktop.calls[1]!.name).toBe('JCP-0002-induction-letter-2026-11-23.pdf');
  });

  it('answers not-found for a letter that is not in the log, and changes nothing', async () => {
    const answer = await call('desktop:document', {
      letterId: '01890000-0000-7000-8000-000000000000',
      action: 'print',
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'not-found', field: 'letterId' } });
    expect(desktop.calls).toEqual([]);
  });

  it('refuses junk input, naming the field, before anything is printed', async () => {
    const letterId = '01890000-0000-7000-8000-000000000000';
    expect(await call('desktop:document', { letterId: 'x', action: 'print' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', field: 'letterId' },
    });
    expect(await call('desktop:document', { letterId, action: 'fax' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', field: 'action' },
    });
    // A path or bytes from the renderer are never accepted.
    expect(
      await call('desktop:document', { letterId, action: 'save', path: '/etc/passwd' }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await call('desktop:document', null)).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(desktop.calls).toEqual([]);
  });

  it('is refused where there is no desktop (the command line)', async () => {
    const id = await withInduction(3);
    const { entry } = await services.documents.issueInduction({
      participantId: id,
      method: 'printed',
      options: {},
    });
    await backend.session.lock('quit');
    const headless = createBackend({ paths: c.paths, kdfCost: TEST_KDF, now: () => NOW });
    await headless.session.unlock(PASSPHRASE);
    try {
      const answer = await headless.router(
        'desktop:document',
        { letterId: entry.id, action: 'print' },
        APP_ORIGIN,
      );
      expect(answer).toMatchObject({ ok: false, error: { code: 'refused', field: 'action' } });
    } finally {
      await headless.session.lock('quit');
      await backend.session.unlock(PASSPHRASE);
    }
  });
});

describe('desktop:batchFile', () => {
  it('prints a batch’s single print file with every letter in it', async () => {
    for (const n of [4, 5, 6]) await withInduction(n);
    const due = await call('documents:due', {});
    expect(due).toMatchObject({ ok: true });
    const list = (due as { ok: true; value: { referralId: string; inductionStart: string }[] })
      .value;
    expect(list.map((d) => d.referralId).sort()).toEqual(['JCP-0004', 'JCP-0005', 'JCP-0006']);
    expect(list.every((d) => /^2026-12-0\dT\d\d:00$/.test(d.inductionStart))).toBe(true);

    const started = await call('documents:batchStart', { due: true, output: 'single' });
    const batchId = (started as { ok: true; value: { batchId: string } }).value.batchId;
    await services.documents.batchFinished(batchId);
    expect(await call('desktop:batchFile', { batchId, action: 'print' })).toMatchObject({
      ok: true,
      value: { action: 'print', done: true, fileName: `letters-${batchId}.pdf` },
    });
    const printed = desktop.calls.filter((x) => x.action === 'print');
    const bytes = readFileSync(printed.at(-1)!.file);
    expect(await pageCount(bytes)).toBeGreaterThanOrEqual(3);
    const text = await pdfText(bytes);
    for (const ref of ['JCP-0004', 'JCP-0005', 'JCP-0006']) expect(text).toContain(ref);
    expect(await call('documents:due', {})).toEqual({ ok: true, value: [] });
  });

  it('answers not-found for an unknown batch or a document it does not have', async () => {
    expect(
      await call('desktop:batchFile', {
        batchId: '01890000-0000-7000-8000-000000000000',
        action: 'save',
      }),
    ).toMatchObject({ ok: false, error: { code: 'not-found' } });
    await withInduction(7);
    const started = await call('documents:batchStart', { due: true, output: 'separate' });
    const batchId = (started as { ok: true; value: { batchId: string } }).value.batchId;
    await services.documents.batchFinished(batchId);
    expect(await call('desktop:batchFile', { batchId, action: 'open', index: 5 })).toMatchObject({
      ok: false,
      error: { code: 'not-found', field: 'index' },
    });
    expect(await call('desktop:batchFile', { batchId, action: 'open', index: 0 })).toMatchObject({
      ok: true,
      value: { fileName: 'JCP-0007-induction-letter.pdf' },
    });
    expect(await call('desktop:batchFile', { batchId, action: 'open', index: -1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', field: 'index' },
    });
  });
});

const AGREED_SPARSE: PlanContent = {
  ...EMPTY_PLAN,
  goals: { shortTerm: ['Find warehouse work'], longTerm: [] },
  barriers: [{ id: 'b1', barrier: 'No bus at 6am', support: '', healthRelated: false }],
  steps: [
    {
      id: 's1',
      action: 'Apply to two warehouses',
      owner: 'participant',
      due: '2026-12-10',
      status: 'not-started',
      mandatory: false,
    },
  ],
};

describe('the recorded plan as a PPEP', () => {
  it('maps empty parts to "Not recorded" without refusing', () => {
    const mapped = ppepFromPlan(
      { ...AGREED_SPARSE, strengths: ['  ', 'Punctual'], aboutMe: '  ' },
      '2026-11-23',
      '2027-02-23',
    );
    expect(mapped).toMatchObject({
      aboutMe: NOT_RECORDED,
      strengths: ['Punctual'],
      goals: { shortTerm: ['Find warehouse work'], longTerm: [NOT_RECORDED] },
      barriers: [{ barrier: 'No bus at 6am', support: NOT_RECORDED }],
      agreedOn: '2026-11-23',
      nextReview: '2027-02-23',
    });
  });

  it('prints an agreed plan with no long-term goal, its next review from the R7 obligation', async () => {
    const id = await withInduction(8);
    const draft = await services.plans.saveDraft(id, AGREED_SPARSE, null);
    await services.plans.agree(id, draft.revision, {
      agreedOn: '2026-11-23',
      method: 'in-person',
      participantAgreed: true,
    });
    const nextReview = (await services.plans.view(id)).nextReview;
    expect(nextReview).not.toBeNull();
    const answer = await call('documents:issue', {
      kind: 'ppep',
      participantId: id,
      method: 'printed',
    });
    expect(answer).toMatchObject({ ok: true, value: { kind: 'ppep' } });
    const text = squash(await pdfText(readFileSync(desktop.calls.at(-1)!.file)));
    for (const expected of [
      'My job goals: longer term',
      NOT_RECORDED,
      'No bus at 6am',
      'Apply to two warehouses',
      `by ${shortDate(nextReview!, 'en')}`,
      'We wrote and agreed this plan together on 23 November 2026.',
    ])
      expect(text).toContain(squash(expected));
  });
});

describe('the templates page', () => {
  it('explains exactly the merge fields the letters know', () => {
    expect(Object.keys(MERGE_FIELD_HELP).sort()).toEqual([...MERGE_FIELDS].sort());
  });
});
