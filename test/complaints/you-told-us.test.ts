/**
 * "You told us, we did" over the real router and a real encrypted caseload: a manager links an
 * entry to the complaint behind it (and to survey feedback by id), edits it, and prints the
 * waiting-room poster, read back with pdf.js; the poster never carries the complainant's name and
 * an entry that names them is refused. Also: who may handle complaints, and that looking at
 * complaints is audited by id only.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, APP_ORIGIN, type Backend } from '../../src-main/app/backend';
import { dataPathsFor } from '../../src-main/app/data-paths';
import { addDays } from '../../src-shared/domain/calendar/civil-date';
import { londonDate } from '../../src-shared/domain/identity/civil-date';
import { mentionedName } from '../../src-shared/domain/complaints/you-told-us';
import type { ComplaintView } from '../../src-shared/ipc/channels/complaints';
import type { YouToldUsEntry } from '../../src-shared/ipc/channels/you-told-us';
import { tempDir, TEST_KDF, PASSPHRASE } from '../support/temp-caseload';
import { recordingDesktop } from '../support/recording-desktop';
import { referral } from '../support/referrals';
import { pdfText, pdfWords } from '../pdf/pdf-reader';

const t = tempDir('waymark you told us ');
const desktop = recordingDesktop(join(t.dir, 'desktop'));
let backend: Backend;
const today = londonDate(new Date());
let complaint: ComplaintView;

const call = (channel: string, input: unknown) => backend.router(channel, input, APP_ORIGIN);
async function ok<T>(channel: string, input: unknown): Promise<T> {
  const result = await call(channel, input);
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  return (result as { value: T }).value;
}
const setRole = async (role: 'manager' | 'adviser') => {
  await backend.session.require().services.wp.db.updateTable('advisers').set({ role }).execute();
};
const rows = async (table: 'you_told_us' | 'you_told_us_sources') =>
  backend.session
    .require()
    .services.wp.db.withTables<Record<typeof table, { id?: string }>>()
    .selectFrom(table)
    .selectAll()
    .execute();
const auditRows = () =>
  backend.session
    .require()
    .services.wp.db.selectFrom('audit_log')
    .select(['action', 'entity_id', 'detail'])
    .where('action', 'like', 'complaint.%')
    .execute();

beforeAll(async () => {
  backend = createBackend({
    paths: dataPathsFor(join(t.dir, 'c.waymark')),
    kdfCost: TEST_KDF,
    desktop,
  });
  await backend.session.setup('Mina Manager', PASSPHRASE);
  const participant = await ok<{ id: string }>(
    'participant:create',
    referral({ givenName: 'Zofia', familyName: 'Wiśniewska', preferredName: 'Zosia' }),
  );
  await setRole('manager');
  complaint = await ok<ComplaintView>('complaints:record', {
    participantId: participant.id,
    receivedOn: addDays(today, -3),
    channel: 'in-person',
    about: 'Waiting times at reception',
    summary: 'Zofia waited 40 minutes past her appointment time without being told why.',
  });
}, 120_000);
afterAll(async () => {
  await backend.session.lock('quit');
  t.cleanup();
});

const entry = () => ({
  said: 'You waited too long at reception without being told why.',
  did: 'Reception now tells you within 5 minutes if your adviser is running late.',
  changedOn: today,
  sources: [{ kind: 'complaint', id: complaint.id }],
});

describe('who handles complaints', () => {
  it('says a manager may and an adviser may not; the adviser is refused the log', async () => {
    await setRole('adviser');
    expect(await ok('complaints:canHandle', {})).toEqual({ canHandle: false });
    expect(await call('youToldUs:list', {})).toMatchObject({ ok: false });
    expect(await call('youToldUs:save', entry())).toMatchObject({ ok: false });
    await setRole('manager');
    expect(await ok('complaints:canHandle', {})).toEqual({ canHandle: true });
    expect(await rows('you_told_us')).toEqual([]);
  });

  it('audits opening a complaint and the list by id, never by what it says', async () => {
    const before = (await auditRows()).length;
    const opened = await ok<ComplaintView>('complaints:get', { id: complaint.id });
    expect(opened.participantName).toBe('Zosia Wiśniewska');
    expect(opened.route.map((s) => s.level)).toEqual([
      'provider',
      'contractor',
      'funder',
      'ombudsman',
    ]);
    await ok('complaints:list', {});
    const after = await auditRows();
    expect(after.slice(before).map((r) => r.action)).toEqual(['complaint.open', 'complaint.list']);
    expect(after.slice(before)[0]!.entity_id).toBe(complaint.id);
    const everything = JSON.stringify(after);
    for (const secret of ['Zofia', 'Wiśniewska', 'Waiting times', '40 minutes'])
      expect(everything).not.toContain(secret);
  });
});

describe('"You told us, we did"', () => {
  it.each([
    ['no source', () => ({ ...entry(), sources: [] }), 'sources'],
    [
      'a made-up complaint',
      () => ({ ...entry(), sources: [{ kind: 'complaint', id: crypto.randomUUID() }] }),
      'sources',
    ],
    [
      'an unknown kind',
      () => ({ ...entry(), sources: [{ kind: 'rumour', id: crypto.randomUUID() }] }),
      'sources.0.kind',
    ],
    [
      'the same link twice',
      () => ({ ...entry(), sources: [entry().sources[0], entry().sources[0]] }),
      'sources',
    ],
    ['a future date', () => ({ ...entry(), changedOn: addDays(today, 1) }), 'changedOn'],
    ['no date', () => ({ ...entry(), changedOn: '2026-02-30' }), 'changedOn'],
    ['empty words', () => ({ ...entry(), did: '   ' }), 'did'],
    [
      'the complainant named',
      () => ({ ...entry(), said: 'Zofia Wiśniewska waited too long.' }),
      'said',
    ],
    [
      'the preferred name',
      () => ({ ...entry(), did: 'We apologised to zosia wiśniewska.' }),
      'did',
    ],
  ])('refuses %s and saves nothing', async (_what, input, field) => {
    const result = await call('youToldUs:save', input());
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', field } });
    // An error never repeats the name it found.
    expect(JSON.stringify(result)).not.toMatch(/Zofia|Zosia|Wiśniewska/i);
    expect(await rows('you_told_us')).toEqual([]);
    expect(await rows('you_told_us_sources')).toEqual([]);
  });

  it('saves an entry linked to the complaint and to survey feedback, edits it, and lists it', async () => {
    const feedbackId = crypto.randomUUID();
    const saved = await ok<YouToldUsEntry>('youToldUs:save', {
      ...entry(),
      sources: [...entry().sources, { kind: 'feedback', id: feedbackId }],
    });
    expect(saved.sources.map((s) => [s.kind, s.id])).toEqual(
      expect.arrayContaining([
        ['complaint', complaint.id],
        ['feedback', feedbackId],
      ]),
    );
    expect(saved.sources.find((s) => s.kind === 'complaint')!.label).toContain(
      'Waiting times at reception',
    );
    expect(saved.sources.find((s) => s.kind === 'feedback')!.label).toBe(
      `Feedback, reference ${feedbackId.slice(0, 8)}`,
    );
    const edited = await ok<YouToldUsEntry>('youToldUs:save', {
      ...entry(),
      id: saved.id,
      did: 'Reception now tells you within 10 minutes if your adviser is running late.',
    });
    expect(edited.id).toBe(saved.id);
    expect(edited.did).toContain('10 minutes');
    expect(edited.sources).toHaveLength(1);
    expect(await rows('you_told_us_sources')).toHaveLength(1);
    expect(await ok<YouToldUsEntry[]>('youToldUs:list', {})).toEqual([edited]);
    expect(await call('youToldUs:save', { ...entry(), id: crypto.randomUUID() })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('prints the poster in large type with the changes and no personal data', async () => {
    const outcome = await ok<{ done: boolean }>('youToldUs:poster', { action: 'save' });
    expect(outcome.done).toBe(true);
    const bytes = readFileSync(desktop.calls.at(-1)!.file);
    const text = (await pdfText(bytes)).replace(/\s+/g, ' ');
    expect(text).toContain('You told us, we did');
    expect(text).toContain('You waited too long at reception without being told why.');
    expect(text).toContain('within 10 minutes');
    for (const personal of ['Zofia', 'Zosia', 'Wiśniewska', '40 minutes', 'Waiting times'])
      expect(text).not.toContain(personal);
    // Large type for a waiting-room wall: the smallest words (date and footer) are large print
    // (14 pt and up: a box at least 14 pt tall), and what we did is larger still.
    const words = await pdfWords(bytes);
    const height = (w: { yMin: number; yMax: number }) => w.yMax - w.yMin;
    expect(Math.min(...words.map(height))).toBeGreaterThanOrEqual(14);
    const reception = words.find((w) => w.text === 'Reception');
    expect(height(reception!)).toBeGreaterThanOrEqual(20);
  });
});

describe('mentionedName', () => {
  it('matches whole names, ignoring case and punctuation, and not parts of words', () => {
    expect(mentionedName('We rang Ann Lee, twice.', ['Ann Lee'])).toBe('Ann Lee');
    expect(mentionedName('WE RANG ANN  LEE', ['Ann Lee'])).toBe('Ann Lee');
    expect(mentionedName('We rang Joanne Leeds', ['Ann Lee'])).toBeNull();
    expect(mentionedName('A', ['A'])).toBeNull();
  });
});
