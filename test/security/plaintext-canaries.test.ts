/**
 * Plaintext canaries: distinctive values written through the features (intake, plan, the PPEP
 * letter, a backup, a subject-access PDF), then every file the app wrote — the database, WAL and
 * SHM, key file, audit head, backups, and anything in the temp folder (pointed at a private one
 * for this test) — searched for them, in UTF-8 and UTF-16. Only the files the user asked for (the
 * PDFs the test desktop saved or opened) may contain them. The Electron shell's viewer folder and
 * the command line's files are not exercised here (see docs/security.md, "Not done").
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, APP_ORIGIN, type Backend } from '../../src-main/app/backend';
import { dataPathsFor } from '../../src-main/app/data-paths';
import { PASSPHRASE, TEST_KDF } from '../support/temp-caseload';
import { recordingDesktop } from '../support/recording-desktop';
import { referral } from '../support/referrals';
import { NOW, PLAN } from '../db/plan-fixture';
import type { Result } from '../../src-shared/ipc/result';

const CANARIES = {
  name: 'Xanthippe',
  family: 'Quarrendon',
  street: '77 Zephyrwick Lane',
  goal: 'Canary-goal-zeppelin-pilot-9931',
  barrier: 'Canary-barrier-vertigo-2207',
};

const savedTmp = process.env.TMPDIR;
let root: string;
let backend: Backend;
let desktopDir: string;

const value = async <T = unknown>(channel: string, input: unknown): Promise<T> => {
  const r = (await backend.router(channel, input, APP_ORIGIN)) as Result<T>;
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value;
};

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? files(p) : e.isFile() ? [p] : [];
  });
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'waymark canaries '));
  // Everything the app puts in "the temp folder" lands inside root, and is searched too.
  const privateTmp = join(root, 'tmp');
  mkdirSync(privateTmp);
  process.env.TMPDIR = privateTmp;
  desktopDir = join(root, 'desktop (asked for)');
  backend = createBackend({
    paths: dataPathsFor(join(root, 'data', 'caseload.waymark')),
    kdfCost: TEST_KDF,
    now: () => NOW,
    desktop: recordingDesktop(desktopDir),
  });
  mkdirSync(join(root, 'data'));
  await value('session:setup', { adviserName: 'Ada', passphrase: PASSPHRASE, confirm: PASSPHRASE });
  const { id } = await value<{ id: string }>(
    'participant:create',
    referral({
      givenName: CANARIES.name,
      familyName: CANARIES.family,
      address: { line1: CANARIES.street, town: 'Sheffield', postcode: 's1 2ab' },
    }),
  );
  await value('plan:saveDraft', {
    participantId: id,
    expectedRevision: null,
    content: {
      ...PLAN,
      goals: { shortTerm: [CANARIES.goal], longTerm: [] },
      barriers: [{ id: 'b1', barrier: CANARIES.barrier, support: 'OH', healthRelated: true }],
    },
  });
  await value('plan:agree', {
    participantId: id,
    expectedRevision: 1,
    agreement: { agreedOn: '2026-11-24', method: 'in-person', participantAgreed: true },
  });
  // Printing is confirmed by the (test) print dialog, so the letter is logged.
  const letter = await value<{ id: string } | null>('documents:issue', {
    kind: 'ppep',
    participantId: id,
    method: 'printed',
  });
  if (!letter) throw new Error('The PPEP was not logged as printed');
  // Opened in the system viewer: written to the temp folder, deleted on lock.
  await value('desktop:document', { letterId: letter.id, action: 'open' });
  await value('desktop:document', { letterId: letter.id, action: 'save' });
  mkdirSync(join(root, 'usb stick'));
  await value('backup:now', { folder: join(root, 'usb stick') });
  await value('subjectAccess:export', {
    participantId: id,
    requestedOn: '2026-11-30',
    format: 'pdf',
    action: 'save',
  });
}, 120_000);

afterAll(async () => {
  await backend.session.lock('quit');
  if (savedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmp;
  rmSync(root, { recursive: true, force: true });
});

const needles = Object.values(CANARIES).flatMap((c) => [
  Buffer.from(c, 'utf8'),
  Buffer.from(c, 'utf16le'),
]);
const leaks = (file: string) =>
  needles.filter((n) => readFileSync(file).includes(n)).map((n) => n.toString('utf8'));

describe('plaintext canaries', () => {
  it('appear in no file the app wrote while open, except those the user asked for', () => {
    const written = files(root).filter((f) => !f.startsWith(desktopDir));
    // The sweep covers the database and its WAL, the key file, the audit head and the backup.
    const names = written.map((f) => relative(root, f));
    expect(names).toEqual(
      expect.arrayContaining([
        join('data', 'caseload.waymark'),
        join('data', 'caseload.waymark-wal'),
        join('data', 'caseload.waymark.key.json'),
        join('data', 'caseload.waymark.audit-head.json'),
      ]),
    );
    expect(names.some((n) => n.startsWith('usb stick') && n.endsWith('.wmbackup'))).toBe(true);
    expect(
      written
        .map((f) => ({ file: relative(root, f), found: leaks(f) }))
        .filter((x) => x.found.length > 0),
    ).toEqual([]);
    // The exports the user asked for do hold them (PDF text is compressed: read it as text).
    const asked = files(desktopDir);
    expect(asked.length).toBeGreaterThanOrEqual(2);
    for (const f of asked)
      expect(execFileSync('pdftotext', [f, '-']).toString()).toContain(CANARIES.family);
  });

  it('and none after the lock and checkpoint either (the WAL folded back, temp PDFs gone)', async () => {
    await backend.session.lock('adviser');
    const written = files(root).filter((f) => !f.startsWith(desktopDir));
    expect(
      written
        .map((f) => ({ file: relative(root, f), found: leaks(f) }))
        .filter((x) => x.found.length > 0),
    ).toEqual([]);
    expect(files(join(root, 'tmp')).filter((f) => f.endsWith('.pdf'))).toEqual([]);
  });
});
