/** The manager's audit viewer over IPC: filters, CSV export, the chain check; managers only. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { join } from 'node:path';
import { createBackend, APP_ORIGIN, type Backend } from '../../src-main/app/backend';
import { dataPathsFor } from '../../src-main/app/data-paths';
import { PASSPHRASE, TEST_KDF, tempDir } from '../support/temp-caseload';
import { referral } from '../support/referrals';
import type { Result } from '../../src-shared/ipc/result';
import type { AuditPage } from '../../src-shared/ipc/channels/audit';

let backend: Backend;
let cleanup: () => void;
let first: string;
let second: string;
let now = new Date('2026-11-20T10:00:00Z');

const call = async <T = unknown>(channel: string, input: unknown) =>
  (await backend.router(channel, input, APP_ORIGIN)) as Result<T>;
const value = async <T = unknown>(channel: string, input: unknown): Promise<T> => {
  const r = await call<T>(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code}`);
  return r.value;
};
const provision = (role: string) =>
  backend.session.require().opened.raw.prepare('UPDATE advisers SET role = ?').run(role);

beforeAll(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  backend = createBackend({
    paths: dataPathsFor(join(t.dir, 'c.waymark')),
    kdfCost: TEST_KDF,
    now: () => now,
  });
  await value('session:setup', {
    adviserName: '=HYPERLINK("x")',
    passphrase: PASSPHRASE,
    confirm: PASSPHRASE,
  });
  first = (await value<{ id: string }>('participant:create', referral())).id;
  now = new Date('2026-11-25T10:00:00Z');
  second = (
    await value<{ id: string }>(
      'participant:create',
      referral({ referralId: 'JCP-0002', niNumber: 'CE 12 34 56 A' }),
    )
  ).id;
  await value('participant:get', { id: first });
});
afterAll(async () => {
  await backend.session.lock('quit');
  cleanup();
});

describe('the audit viewer', () => {
  it('is for managers only', async () => {
    provision('adviser');
    for (const ch of ['audit:list', 'audit:exportCsv', 'audit:verify'])
      expect(await call(ch, {}), ch).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    provision('reception');
    expect(await call('audit:list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('filters by participant, action and date, newest first', async () => {
    provision('manager');
    const mine = await value<AuditPage>('audit:list', { participantId: first });
    // The record itself, and entries about the person's other records (their timeline event).
    expect(mine.entries.map((e) => e.action)).toEqual([
      'participant.open',
      'participant.event.referral',
      'participant.create',
    ]);
    expect(mine.entries.map((e) => e.entityId)).not.toContain(second);
    const creates = await value<AuditPage>('audit:list', { action: 'participant.create' });
    expect(creates.entries.map((e) => e.entityId)).toEqual([second, first]);
    const area = await value<AuditPage>('audit:list', { action: 'participant' });
    expect(area.total).toBeGreaterThanOrEqual(3);
    const early = await value<AuditPage>('audit:list', {
      action: 'participant.create',
      from: '2026-11-20',
      to: '2026-11-20',
    });
    expect(early.entries.map((e) => e.entityId)).toEqual([first]);
    const byUser = await value<AuditPage>('audit:list', { user: 'hyperlink', limit: 1 });
    expect(byUser.entries).toHaveLength(1);
    expect(byUser.total).toBeGreaterThan(1);
    expect((await value<AuditPage>('audit:list', { user: 'nobody' })).total).toBe(0);
  });

  it('exports CSV with formula cells defused, and each look is itself audited', async () => {
    provision('manager');
    const { fileName, content } = await value<{ fileName: string; content: string }>(
      'audit:exportCsv',
      { participantId: first },
    );
    expect(fileName).toMatch(/^waymark-audit-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = Papa.parse<string[]>(content, { delimiter: ',' }).data;
    expect(rows[0]).toEqual(['entry', 'at', 'user', 'action', 'record_type', 'record_id']);
    expect(rows[1]![2]).toBe(`'=HYPERLINK("x")`);
    const views = await value<AuditPage>('audit:list', { action: 'audit.view' });
    expect(views.total).toBeGreaterThanOrEqual(1);
  });

  it('checks the chain', async () => {
    provision('manager');
    expect(await value('audit:verify', {})).toMatchObject({ ok: true, brokenAt: null });
  });

  it('rejects a malformed filter with a typed error', async () => {
    provision('manager');
    for (const bad of [{ from: '2026-02-30' }, { action: "x' OR 1=1" }, { limit: 501 }])
      expect(await call('audit:list', bad)).toMatchObject({
        ok: false,
        error: { code: 'invalid-input' },
      });
  });
});
