/**
 * Plaintext canaries: distinctive values written through every feature that takes free text or
 * personal details — intake, the plan (a health barrier), the PPEP letter, a status correction's
 * reason, meeting notes, a contact note, a travel claim's rejection reason, a better-off
 * calculation, a complaint, a survey's free text, a referral import (and its error report), a
 * backup and a subject-access PDF — through the router with the test desktop; then, with the
 * caseload closed, the command line over the same caseload: an import with an error report,
 * induction letters, a backup and the monthly report. Every file the app and the command line
 * wrote — the database, WAL and SHM, key file, audit head, backups, anything in the temp folder
 * (pointed at a private one for this test) — is searched for them, in UTF-8 and UTF-16. Only the
 * files the user asked for (the PDFs the test desktop saved or opened, the command line's
 * letters, error report and report) may contain them. Every file either wrote is 0600.
 * The Electron shell's viewer folder is tested in viewing-files.test.ts; Waymark keeps no log
 * files (the shell and the command line write errors to stderr only, without participant data).
 */
import { readdirSync, readFileSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, APP_ORIGIN, type Backend } from '../../src-main/app/backend';
import { dataPathsFor } from '../../src-main/app/data-paths';
import { PASSPHRASE, TEST_KDF } from '../support/temp-caseload';
import { recordingDesktop } from '../support/recording-desktop';
import { referral } from '../support/referrals';
import { toCsv, validRow } from '../support/referral-csv';
import { household } from '../domain/better-off/households';
import { NOW, PLAN } from '../db/plan-fixture';
import { SHEFFIELD_OFFICE } from '../pdf/caseload-fixture';
import { runCli } from '../cli/run-cli';
import { pdfText } from '../pdf/pdf-reader';
import type { Result } from '../../src-shared/ipc/result';
import type { ImportProgress } from '../../src-shared/ipc/channels/import';

/** Each written through the feature it names; none is a word any template or code holds. */
const CANARIES = {
  name: 'Xanthippe',
  family: 'Quarrendon',
  street: '77 Zephyrwick Lane',
  goal: 'Canary-goal-zeppelin-pilot-9931',
  barrier: 'Canary-barrier-vertigo-2207',
  correction: 'Canary-correction-moved-over-5150',
  meeting: 'Canary-meeting-note-harpsichord-3318',
  contact: 'Canary-contact-note-marmalade-4402',
  claim: 'Canary-claim-rejected-toboggan-7781',
  betterOff: 'Canary-better-off-lighthouse-6063',
  /** A better-off input figure: monthly other income of £4,817.23. */
  betterOffFigure: '4817.23',
  complaint: 'Canary-complaint-summary-walrus-2290',
  survey: 'Canary-survey-free-text-origami-8814',
  surveyed: 'Ottoline',
  appImportName: 'Perpetua',
  appImportBadRef: 'Canary-import-bad-ref-1187',
  inducted: 'Thaddeus',
  cliImportName: 'Ignatius',
  cliImportBadRef: 'Canary-cli-bad-ref-5533',
};

const savedTmp = process.env.TMPDIR;
let root: string;
let backend: Backend;
let desktopDir: string;
/** Files the command line was asked to write; the user's own input file. */
let cliAsked: string;
let inputDir: string;
/** What the app's import error report channel answered (the renderer offers it as a download). */
let appErrorReport = '';

const value = async <T = unknown>(channel: string, input: unknown): Promise<T> => {
  const r = (await backend.router(channel, input, APP_ORIGIN)) as Result<T>;
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value;
};
const provision = (role: string) =>
  backend.session.require().opened.raw.prepare('UPDATE advisers SET role = ?').run(role);

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? files(p) : e.isFile() ? [p] : [];
  });
}

async function importFinished(importId: string): Promise<ImportProgress> {
  for (;;) {
    const p = await value<ImportProgress>('import:progress', { importId });
    if (p.state !== 'running') return p;
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'waymark canaries '));
  // Everything the app puts in "the temp folder" lands inside root, and is searched too.
  const privateTmp = join(root, 'tmp');
  mkdirSync(privateTmp);
  process.env.TMPDIR = privateTmp;
  desktopDir = join(root, 'desktop (asked for)');
  cliAsked = join(root, 'cli (asked for)');
  inputDir = join(root, 'input (the user’s own files)');
  mkdirSync(inputDir);
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
  await value('status:correct', {
    id,
    status: 'started',
    date: '2026-11-10',
    reason: CANARIES.correction,
  });
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

  // A meeting with notes, a contact, a travel claim turned down with a reason.
  const office = await value<{ id: string }>('diary:saveOffice', { office: SHEFFIELD_OFFICE });
  const meeting = await value<{ id: string; version: number }>('diary:book', {
    participantId: id,
    officeId: office.id,
    start: '2026-11-30T10:00',
    end: '2026-11-30T11:00',
    kind: 'regular',
    channel: 'in-person',
  });
  await value('meetings:log', {
    appointmentId: meeting.id,
    expectedVersion: meeting.version,
    outcome: 'attended',
    channel: 'in-person',
    notes: CANARIES.meeting,
  });
  await value('meetings:contact', {
    participantId: id,
    contactKind: 'general',
    channel: 'phone',
    outcome: 'spoke',
    date: '2026-11-30',
    note: CANARIES.contact,
  });
  const claim = await value<{ id: string; version: number }>('meetings:claimTravel', {
    appointmentId: meeting.id,
    mode: 'bus',
    amountPence: 480,
    receiptSeen: false,
  });
  await value('meetings:claimStatus', {
    claimId: claim.id,
    expectedVersion: claim.version,
    status: 'rejected',
    reason: CANARIES.claim,
  });

  // A better-off calculation recorded on the participant.
  await value('betterOff:save', {
    participantId: id,
    household: household({
      taxYear: '2026-27',
      otherIncomeMonthly: Number(CANARIES.betterOffFigure),
    }),
    label: CANARIES.betterOff,
    explainedOn: '2026-11-30',
  });

  // A complaint, recorded by a manager.
  provision('manager');
  await value('complaints:record', {
    participantId: id,
    receivedOn: '2026-11-25',
    channel: 'letter',
    about: 'The office',
    summary: CANARIES.complaint,
    profileId: 'work-programme',
  });
  provision('adviser');

  // A survey answered in the locked survey mode by someone who has left the programme.
  const surveyed = await value<{ id: string }>(
    'participant:create',
    referral({
      givenName: CANARIES.surveyed,
      referralId: 'JCP-C002',
      niNumber: 'CE 12 34 56 A',
      referralDate: '2026-10-01',
    }),
  );
  await value('participant:setStatus', {
    id: surveyed.id,
    status: 'exited',
    date: '2026-11-30',
    exitReason: 'moved-away',
  });
  await value('surveys:startLocked', {
    participantId: surveyed.id,
    surveyId: 'exit',
    anonymous: false,
  });
  await value('surveys:submit', { answers: { overall: 4, better: CANARIES.survey } });
  await value('surveys:leave', { passphrase: PASSPHRASE });

  // A referral import: one good row, one refused (its referral id is echoed in the report).
  const started = await value<ImportProgress>('import:start', {
    fileName: 'referrals.csv',
    content: toCsv([
      validRow(1, { given_name: CANARIES.appImportName }),
      validRow(2, {
        referral_id: CANARIES.appImportBadRef,
        given_name: CANARIES.appImportName,
        ni_number: 'not an NI number',
      }),
    ]),
  });
  expect(await importFinished(started.importId)).toMatchObject({ imported: 1, failed: 1 });
  appErrorReport = await value<string>('import:errorReport', { importId: started.importId });

  // Someone with an induction booked, for the command line's letters.
  const inducted = await value<{ id: string }>(
    'participant:create',
    referral({
      givenName: CANARIES.inducted,
      referralId: 'JCP-C003',
      niNumber: 'HJ 12 34 56 B',
    }),
  );
  await value('participant:setStatus', {
    id: inducted.id,
    status: 'allocated',
    date: '2026-11-10',
  });
  await value('participant:setStatus', {
    id: inducted.id,
    status: 'contacted',
    date: '2026-11-20',
  });
  await value('diary:book', {
    participantId: inducted.id,
    officeId: office.id,
    start: '2026-12-03T10:00',
    end: '2026-12-03T11:00',
    kind: 'induction',
    channel: 'in-person',
  });

  mkdirSync(join(root, 'usb stick'));
  await value('backup:now', { folder: join(root, 'usb stick') });
  await value('subjectAccess:export', {
    participantId: id,
    requestedOn: '2026-11-30',
    format: 'pdf',
    action: 'save',
  });
}, 180_000);

afterAll(async () => {
  if (backend.session.status().state === 'unlocked') await backend.session.lock('quit');
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
/** Every file the app or the command line wrote that the user did not ask for. */
const unasked = () =>
  files(root).filter(
    (f) => !f.startsWith(desktopDir) && !f.startsWith(cliAsked) && !f.startsWith(inputDir),
  );
const leaking = (list: string[]) =>
  list.map((f) => ({ file: relative(root, f), found: leaks(f) })).filter((x) => x.found.length);
const mode = (file: string) => statSync(file).mode & 0o777;
const pdfWords = (file: string) => pdfText(readFileSync(file));

describe('plaintext canaries', () => {
  it('were all stored: the decrypted caseload holds every one the app was given', () => {
    const raw = backend.session.require().opened.raw;
    const tables = raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
      name: string;
    }[];
    const everything = tables
      .map(({ name }) => JSON.stringify(raw.prepare(`SELECT * FROM "${name}"`).all()))
      .join('\n');
    const appCanaries = Object.entries(CANARIES).filter(([k]) => !k.startsWith('cli'));
    expect(appCanaries.filter(([, c]) => !everything.includes(c)).map(([k]) => k)).toEqual([]);
  });

  it('appear in no file the app wrote while open, except those the user asked for', async () => {
    const written = unasked();
    // The sweep covers the database and its WAL and SHM, the key file, the audit head, the backup.
    const names = written.map((f) => relative(root, f));
    expect(names).toEqual(
      expect.arrayContaining([
        join('data', 'caseload.waymark'),
        join('data', 'caseload.waymark-wal'),
        join('data', 'caseload.waymark-shm'),
        join('data', 'caseload.waymark.key.json'),
        join('data', 'caseload.waymark.audit-head.json'),
      ]),
    );
    expect(names.some((n) => n.startsWith('usb stick') && n.endsWith('.wmbackup'))).toBe(true);
    expect(leaking(written)).toEqual([]);
    // The exports the user asked for do hold them (PDF text is compressed: read it as text).
    const asked = files(desktopDir);
    expect(asked.length).toBeGreaterThanOrEqual(2);
    const texts = await Promise.all(asked.map(pdfWords));
    for (const text of texts) expect(text).toContain(CANARIES.family);
    // The subject-access PDF holds what was written through every feature about the person.
    const bundle = texts.find((text) => /subject access/i.test(text));
    expect(bundle, 'the subject-access PDF').toBeDefined();
    const words = bundle!.replace(/\s+/g, '');
    for (const c of [
      'meeting',
      'contact',
      'claim',
      'betterOff',
      'correction',
      'complaint',
    ] as const)
      expect(words, c).toContain(CANARIES[c]);
    // The import error report was handed to the renderer, not written anywhere.
    expect(appErrorReport).toContain(CANARIES.appImportBadRef);
  });

  it('and none after the lock and checkpoint either (the WAL folded back, temp PDFs gone)', async () => {
    await backend.session.lock('adviser');
    expect(leaking(unasked())).toEqual([]);
    expect(files(join(root, 'tmp')).filter((f) => f.endsWith('.pdf'))).toEqual([]);
  });

  it('nor in any file the command line wrote, except the letters and reports it was asked for', async () => {
    await backend.session.lock('quit');
    const db = join(root, 'data', 'caseload.waymark');
    const env = { WAYMARK_PASSPHRASE: PASSPHRASE, TMPDIR: join(root, 'tmp') };
    const batch = join(inputDir, 'batch.csv');
    writeFileSync(
      batch,
      toCsv([
        validRow(11, { given_name: CANARIES.cliImportName }),
        validRow(12, {
          referral_id: CANARIES.cliImportBadRef,
          given_name: CANARIES.cliImportName,
          ni_number: 'not an NI number',
        }),
      ]),
    );
    mkdirSync(cliAsked);
    mkdirSync(join(root, 'cli usb stick'));
    const errors = join(cliAsked, 'errors.csv');
    const letters = join(cliAsked, 'letters');
    const report = join(cliAsked, 'report.pdf');
    for (const args of [
      ['import-referrals', '--db', db, '--errors', errors, batch],
      [
        'letters',
        '--db',
        db,
        '--kind',
        'induction',
        '--participants',
        'JCP-C003',
        '--out',
        letters,
      ],
      ['backup', '--db', db, '--to', join(root, 'cli usb stick')],
      ['report-pdf', '--db', db, '--month', '2026-11', '--out', report],
      ['audit-verify', '--db', db],
    ]) {
      const run = await runCli(args, { env });
      expect(run.code, `${args[0]}: ${run.stderr}`).toBe(0);
      expect(run.stderr, args[0]).toBe('');
    }
    const written = unasked();
    expect(written.filter((f) => f.startsWith(join(root, 'cli usb stick')))).toHaveLength(1);
    expect(leaking(written)).toEqual([]);
    // What it was asked for holds what it should.
    expect(readFileSync(errors, 'utf8')).toContain(CANARIES.cliImportBadRef);
    const [letter] = files(letters);
    expect(await pdfWords(letter!)).toContain(CANARIES.inducted);
    expect(files(cliAsked)).toHaveLength(3);
  }, 180_000);

  it('every file the app and the command line wrote is readable by its owner only (0600)', () => {
    // tsx (which runs the command line from source here) keeps its compiled code in the temp
    // folder: searched above, but its files are tsx's, not Waymark's.
    const written = files(root).filter(
      (f) =>
        !f.startsWith(desktopDir) &&
        !f.startsWith(inputDir) &&
        !relative(root, f).startsWith(join('tmp', 'tsx-')),
    );
    expect(written.length).toBeGreaterThanOrEqual(8);
    expect(written.map((f) => ({ file: relative(root, f), mode: mode(f).toString(8) }))).toEqual(
      written.map((f) => ({ file: relative(root, f), mode: '600' })),
    );
  });
});
