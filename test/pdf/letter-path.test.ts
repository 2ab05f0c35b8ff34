/**
 * The one-way letter path over a real encrypted caseload and the recording desktop: preview
 * returns what the page shows (the PDF, its text, the R3 check, warnings); 'documents:issue'
 * renders once and returns the letter-log entry; a printed letter is logged only when the print
 * dialog was confirmed; the better-off statement prints a saved calculation, found by its id.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, APP_ORIGIN, type Backend } from '../../src-main/app/backend';
import type { Services } from '../../src-main/app/services';
import { PASSPHRASE, TEST_KDF, type TempCaseload } from '../support/temp-caseload';
import { recordingDesktop, type RecordingDesktop } from '../support/recording-desktop';
import { snapshot } from '../support/snapshot';
import { household } from '../domain/better-off/households';
import { BETTER_OFF_SENTENCES } from '../../src-main/pdf/wording/better-off-statement';
import { caseloadWithOffice, NOW, participantWithInduction } from './caseload-fixture';
import { pdfText } from './pdf-reader';
import { ppepSample } from './sample-data';
import { pounds } from '../../src-main/pdf/format';

let c: TempCaseload;
let backend: Backend;
let desktop: RecordingDesktop;
let services: Services;
let officeId: string;

beforeEach(async () => {
  const s = await caseloadWithOffice();
  c = s.c;
  officeId = s.officeId;
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

type Answer<T> = { ok: true; value: T } | { ok: false; error: { code: string; field?: string } };
const call = async <T>(channel: string, input: unknown) =>
  (await backend.router(channel, input, APP_ORIGIN)) as Answer<T>;
const value = async <T>(channel: string, input: unknown): Promise<T> => {
  const answer = await call<T>(channel, input);
  if (!answer.ok) throw new Error(`${channel}: ${JSON.stringify(answer.error)}`);
  return answer.value;
};
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const squash = (s: string) => s.replace(/\s+/g, '');
const withInduction = (n: number, start?: string, adjustments?: string) =>
  participantWithInduction({ ...c, services }, officeId, {
    n,
    ...(start ? { start } : {}),
    ...(adjustments ? { referral: { adjustments } } : {}),
  });
const db = () => services.wp.db;

interface Entry {
  id: string;
  kind: string;
  method: string;
  contentSha256: string;
}

describe('documents:issue', () => {
  it('prints first and logs only then: the printed bytes are the logged hash, rendered once', async () => {
    const participantId = await withInduction(1);
    const entry = await value<Entry>('documents:issue', {
      kind: 'induction-letter',
      participantId,
      method: 'printed',
    });
    expect(entry).toMatchObject({ kind: 'induction-letter', method: 'printed' });
    expect(entry).not.toHaveProperty('pdfBase64');
    expect(desktop.calls.map((x) => x.action)).toEqual(['print']);
    expect(desktop.calls[0]!.name).toBe('Induction letter JCP-0001');
    const printed = readFileSync(desktop.calls[0]!.file);
    expect(sha256(printed)).toBe(entry.contentSha256);
    expect(await services.documents.log(participantId)).toEqual([
      expect.objectContaining({ id: entry.id }),
    ]);
  });

  it('logs nothing, and says so, when the adviser cancels the print dialog', async () => {
    const participantId = await withInduction(2);
    const before = await snapshot(db());
    desktop.printAnswers.push(false);
    expect(
      await call('documents:issue', { kind: 'induction-letter', participantId, method: 'printed' }),
    ).toEqual({ ok: true, value: null });
    expect(desktop.calls).toEqual([]);
    const after = await snapshot(db());
    expect(after.letter_log).toEqual(before.letter_log);
    expect(after.participant_events).toEqual(before.participant_events);
  });

  it('logs an emailed letter at once, without the print dialog', async () => {
    const participantId = await withInduction(3);
    const entry = await value<Entry>('documents:issue', {
      kind: 'ppep',
      participantId,
      method: 'emailed',
      plan: ppepSample().plan,
    });
    expect(entry).toMatchObject({ kind: 'ppep', method: 'emailed' });
    expect(desktop.calls).toEqual([]);
  });

  it('prints the better-off statement of a saved calculation, found by its id', async () => {
    const participantId = await withInduction(4);
    const saved = await services.betterOff.save(
      participantId,
      household({ job: { hoursPerWeek: 16 } }),
      { label: 'Café, 16 hours', explainedOn: '2026-11-20' },
    );
    const entry = await value<Entry>('documents:issue', {
      kind: 'better-off-statement',
      participantId,
      method: 'printed',
      calculationId: saved.id,
    });
    const text = squash(await pdfText(readFileSync(desktop.calls[0]!.file)));
    expect(sha256(readFileSync(desktop.calls[0]!.file))).toBe(entry.contentSha256);
    expect(text).toContain(squash('Café, 16 hours, 16 hours a week'));
    expect(text).toContain(squash(pounds(Math.abs(saved.output.betterOffMonthly))));
  });

  it('prints a Welsh reader’s statement in Welsh, then English, with the saved figures', async () => {
    const participantId = await participantWithInduction({ ...c, services }, officeId, {
      n: 7,
      referral: { language: 'Cymraeg' },
    });
    const saved = await services.betterOff.save(participantId, household(), {
      explainedOn: '2026-11-20',
    });
    await value<Entry>('documents:issue', {
      kind: 'better-off-statement',
      participantId,
      method: 'printed',
      calculationId: saved.id,
    });
    const pages = (await pdfText(readFileSync(desktop.calls[0]!.file))).split('\f');
    const amount = pounds(Math.abs(saved.output.betterOffMonthly));
    const welsh = BETTER_OFF_SENTENCES.cy;
    const english = BETTER_OFF_SENTENCES.en;
    const sentence = saved.output.betterOffMonthly >= 0 ? 'more' : 'less';
    expect(squash(pages[0]!)).toContain(squash(welsh[sentence](amount)));
    const englishAt = pages.findIndex((p) => squash(p).includes(squash(english[sentence](amount))));
    expect(englishAt).toBeGreaterThan(0);
    expect(squash(pages.slice(0, englishAt).join(''))).toContain(squash(welsh.guide));
  });

  it('refuses figures from the page, another participant’s calculation and an unknown id', async () => {
    const participantId = await withInduction(5);
    const other = await withInduction(6);
    const theirs = await services.betterOff.save(other, household(), {
      explainedOn: '2026-11-20',
    });
    const before = await snapshot(db());
    expect(
      await call('documents:issue', {
        kind: 'better-off-statement',
        participantId,
        method: 'printed',
        statement: { taxYear: '2025-26' },
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(
      await call('documents:issue', {
        kind: 'better-off-statement',
        participantId,
        method: 'printed',
        calculationId: theirs.id,
      }),
    ).toMatchObject({ ok: false, error: { code: 'refused', field: 'calculationId' } });
    expect(
      await call('documents:issue', {
        kind: 'better-off-statement',
        participantId,
        method: 'printed',
        calculationId: '0190b0b0-0000-7000-8000-000000000000',
      }),
    ).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(desktop.calls).toEqual([]);
    const after = await snapshot(db());
    expect(after.letter_log).toEqual(before.letter_log);
  });
});

describe('documents:preview', () => {
  interface Preview {
    text: string;
    pdfBase64: string;
    warnings: { kind: string; message: string }[];
  }
  const preview = (participantId: string) =>
    value<Preview>('documents:preview', { participantId, kind: 'induction-letter' });
  const CLAIM = 'We have planned your meeting around them';

  it('returns the PDF the page draws, its text, and no warning for a booking that fits', async () => {
    const id = await withInduction(7, '2026-12-01T14:00', 'Prefers afternoon appointments');
    const p = await preview(id);
    expect(p.warnings).toEqual([]);
    expect(squash(await pdfText(Buffer.from(p.pdfBase64, 'base64')))).toContain(squash(CLAIM));
    expect(p.text).toContain(CLAIM);
    expect(p.text).toContain('Prefers afternoon appointments');
  });

  it('warns, and claims nothing, when a 9am booking meets an afternoons-only need', async () => {
    const id = await withInduction(8, '2026-12-01T09:00', 'Prefers afternoon appointments');
    const p = await preview(id);
    expect(p.warnings).toEqual([
      {
        kind: 'adjustment-not-met',
        message: expect.stringMatching(/Prefers afternoon appointments.*booked for the morning/),
      },
    ]);
    expect(p.text).not.toContain(CLAIM);
    expect(p.text).toContain('Needs you told us about');
    expect(p.text).toContain('Prefers afternoon appointments');
  });

  it('warns about short notice: a meeting tomorrow, but not one a week away', async () => {
    // NOW is Monday 23 November 2026.
    const tomorrow = await withInduction(9, '2026-11-24T14:00');
    expect((await preview(tomorrow)).warnings).toEqual([
      { kind: 'short-notice', message: expect.stringMatching(/^The meeting is tomorrow\./) },
    ]);
    const nextWeek = await withInduction(10, '2026-12-01T15:00');
    expect((await preview(nextWeek)).warnings).toEqual([]);
  });
});
