/**
 * The subject-access bundle from the participant page: the one-month clock at its edges, the PDF
 * holding the person's records in words (and the letters sent, appended), the JSON complete, the
 * export audited with its dates, and only the adviser may take it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { pdfText as readPdfText } from '../pdf/pdf-reader';
import { createBackend, APP_ORIGIN, type Backend } from '../../src-main/app/backend';
import { dataPathsFor } from '../../src-main/app/data-paths';
import { respondBy } from '../../src-main/services/protection/subject-access';
import { words, valueText } from '../../src-main/pdf/documents/subject-access-bundle';
import { PASSPHRASE, TEST_KDF, tempDir } from '../support/temp-caseload';
import { recordingDesktop, type RecordingDesktop } from '../support/recording-desktop';
import { referral } from '../support/referrals';
import { NOW, PLAN } from '../db/plan-fixture';
import type { Result } from '../../src-shared/ipc/result';
import type { SubjectAccessOutcome } from '../../src-shared/ipc/channels/subject-access';

const GOAL = 'Canary-goal-lighthouse-keeper-4410';
let backend: Backend;
let desktop: RecordingDesktop;
let cleanup: () => void;
let participantId: string;

const call = async <T = unknown>(channel: string, input: unknown): Promise<Result<T>> =>
  (await backend.router(channel, input, APP_ORIGIN)) as Result<T>;
const value = async <T = unknown>(channel: string, input: unknown): Promise<T> => {
  const r = await call<T>(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value;
};

beforeAll(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  desktop = recordingDesktop(join(t.dir, 'desktop'));
  backend = createBackend({
    paths: dataPathsFor(join(t.dir, 'c.waymark')),
    kdfCost: TEST_KDF,
    now: () => NOW,
    desktop,
  });
  await value('session:setup', { adviserName: 'Ada', passphrase: PASSPHRASE, confirm: PASSPHRASE });
  participantId = (
    await value<{ id: string }>(
      'participant:create',
      referral({ givenName: 'Ottoline', familyName: 'Brackenbury', referralId: 'JCP-SAR-1' }),
    )
  ).id;
  await value('plan:saveDraft', {
    participantId,
    expectedRevision: null,
    content: { ...PLAN, goals: { shortTerm: [GOAL], longTerm: [] } },
  });
  await value('plan:agree', {
    participantId,
    expectedRevision: 1,
    agreement: { agreedOn: '2026-11-24', method: 'in-person', participantAgreed: true },
  });
  await value('documents:issue', { kind: 'ppep', participantId, method: 'printed' });
}, 60_000);
afterAll(async () => {
  await backend.session.lock('quit');
  cleanup();
});

// pdf.js (test/pdf/pdf-reader.ts): no system tool needed.
const pdfText = (file: string) => readPdfText(readFileSync(file));

describe('the subject-access clock (ICO: one calendar month, else the last day of the next month)', () => {
  it('counts a calendar month, clamping to the end of a shorter month', () => {
    expect(respondBy('2026-03-15')).toBe('2026-04-15');
    expect(respondBy('2026-01-31')).toBe('2026-02-28');
    expect(respondBy('2028-01-31')).toBe('2028-02-29');
    expect(respondBy('2026-08-31')).toBe('2026-09-30');
    expect(respondBy('2026-12-31')).toBe('2027-01-31');
    expect(respondBy('2026-02-28')).toBe('2026-03-28');
  });
});

describe('the subject-access bundle', () => {
  it('is a readable PDF with the records, the deadline and the letters sent, audited', async () => {
    const out = await value<SubjectAccessOutcome>('subjectAccess:export', {
      participantId,
      requestedOn: '2026-11-30',
      format: 'pdf',
      action: 'save',
    });
    expect(out).toMatchObject({ respondBy: '2026-12-30', done: true, action: 'save' });
    expect(out.fileName).toBe('JCP-SAR-1-subject-access-2026-11-30.pdf');
    const saved = desktop.calls.at(-1)!;
    const text = await pdfText(saved.file);
    expect(text).toContain('Ottoline Brackenbury');
    expect(text).toMatch(/Respond by\s+30 December 2026/);
    expect(text).toMatch(/Request received\s+30 November 2026/);
    expect(text).toContain(GOAL);
    expect(text).toContain('Letters we sent you');
    expect(text).toContain('Who viewed or changed your records');
    // No code names or ISO dates for the reader.
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    expect(text).not.toContain('participant_id');
    // The PPEP sent follows the bundle, page for page.
    const bundle = await PDFDocument.load(readFileSync(saved.file));
    const sar = JSON.parse(
      (
        await value<SubjectAccessOutcome>('subjectAccess:export', {
          participantId,
          requestedOn: '2026-11-30',
          format: 'json',
        })
      ).content!,
    );
    expect(sar.letters).toHaveLength(1);
    const letterBytes = Buffer.from(sar.letters[0].pdfBase64, 'base64');
    const letter = await PDFDocument.load(letterBytes);
    expect(bundle.getPageCount()).toBeGreaterThan(letter.getPageCount());
    const letterFile = join(desktop.dir, 'sent-letter.pdf');
    writeFileSync(letterFile, letterBytes);
    const firstLine = (await pdfText(letterFile))
      .split('\n')
      .map((l) => l.trim())
      .find(Boolean)!;
    expect(text).toContain(firstLine);

    const audit = backend.session
      .require()
      .opened.raw.prepare(
        "SELECT detail FROM audit_log WHERE action = 'participant.subject-access-export' ORDER BY seq",
      )
      .all() as { detail: string }[];
    expect(audit).toHaveLength(2);
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({
      requestedOn: '2026-11-30',
      respondBy: '2026-12-30',
      letters: 1,
    });
  });

  it('as JSON holds every record, including the agreed plan', async () => {
    const out = await value<SubjectAccessOutcome>('subjectAccess:export', {
      participantId,
      requestedOn: '2026-11-01',
      format: 'json',
    });
    expect(out).toMatchObject({ respondBy: '2026-12-01', action: 'download' });
    expect(out.fileName).toMatch(/\.json$/);
    const sar = JSON.parse(out.content!);
    expect(JSON.stringify(sar.records)).toContain(GOAL);
    expect(Object.keys(sar.records)).toEqual(expect.arrayContaining(['participants']));
  });

  it('refuses a future request date, an unknown person, and roles other than the adviser', async () => {
    const future = await call('subjectAccess:export', {
      participantId,
      requestedOn: '2026-12-02',
      format: 'json',
    });
    expect(future).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', field: 'requestedOn' },
    });
    const nobody = await call('subjectAccess:export', {
      participantId: '0190a000-0000-7000-8000-000000000001',
      requestedOn: '2026-11-02',
      format: 'json',
    });
    expect(nobody).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const raw = backend.session.require().opened.raw;
    for (const role of ['manager', 'reception']) {
      raw.prepare('UPDATE advisers SET role = ?').run(role);
      const r = await call('subjectAccess:export', {
        participantId,
        requestedOn: '2026-11-02',
        format: 'json',
      });
      expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await value('subjectAccess:deadline', { requestedOn: '2026-01-31' })).toEqual({
        respondBy: '2026-02-28',
      });
    }
    raw.prepare('UPDATE advisers SET role = ?').run('adviser');
  });

  it('prints values in words', () => {
    expect(words('letter_log')).toBe('Letter log');
    expect(valueText(null)).toBe('Not recorded');
    expect(valueText('2026-11-30')).toBe('30 November 2026');
    expect(valueText(true)).toBe('Yes');
  });
});
