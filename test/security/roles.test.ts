/**
 * Roles at the boundary: with the signed-in user's role set to reception or manager, calling IPC
 * directly must not return special-category health data (health-decision reasons,
 * drug-and-alcohol referrals, health-related plan barriers, the PPEP PDF). Reproduces the
 * security review's first finding.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createBackend, APP_ORIGIN, type Backend } from '../../src-main/app/backend';
import { dataPathsFor } from '../../src-main/app/data-paths';
import { PASSPHRASE, TEST_KDF, tempDir } from '../support/temp-caseload';
import { referral } from '../support/referrals';
import { NOW, PLAN } from '../db/plan-fixture';
import type { Result } from '../../src-shared/ipc/result';

const HEALTH_REASON = 'Canary-health-reason-7731';
const DRUG_DETAIL = 'Canary-drug-service-5512';

let backend: Backend;
let cleanup: () => void;
let participantId: string;
let ppepLetterId: string;

const call = async <T = unknown>(channel: string, input: unknown): Promise<Result<T>> =>
  (await backend.router(channel, input, APP_ORIGIN)) as Result<T>;
const value = async <T = unknown>(channel: string, input: unknown): Promise<T> => {
  const r = await call<T>(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value;
};

/** The organisation provisions the user's role; in a test, straight into the user record. */
const provision = (role: string) =>
  backend.session.require().opened.raw.prepare('UPDATE advisers SET role = ?').run(role);

beforeAll(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  backend = createBackend({
    paths: dataPathsFor(join(t.dir, 'c.waymark')),
    kdfCost: TEST_KDF,
    now: () => NOW,
  });
  await value('session:setup', { adviserName: 'Ada', passphrase: PASSPHRASE, confirm: PASSPHRASE });
  participantId = (await value<{ id: string }>('participant:create', referral())).id;
  await value('plan:saveDraft', {
    participantId,
    expectedRevision: null,
    content: {
      ...PLAN,
      barriers: [
        ...PLAN.barriers,
        { id: 'b2', barrier: 'No bus pass', support: 'Travel card', healthRelated: false },
      ],
    },
  });
  await value('plan:agree', {
    participantId,
    expectedRevision: 1,
    agreement: { agreedOn: '2026-11-24', method: 'in-person', participantAgreed: true },
  });
  await value('plan:saveReferral', {
    participantId,
    referral: { service: 'drug-and-alcohol', detail: DRUG_DETAIL, status: 'to-refer' },
  });
  await value('plan:saveReferral', {
    participantId,
    referral: { service: 'housing', detail: 'Council housing team', status: 'to-refer' },
  });
  await value('plan:healthDecision', {
    participantId,
    decision: {
      needNotedOn: '2026-11-24',
      decision: 'no-referral',
      decidedOn: '2026-11-25',
      reason: HEALTH_REASON,
    },
  });
  const ppep = await value<{ id: string }>('documents:issue', {
    kind: 'ppep',
    participantId,
    method: 'handed-over',
  });
  ppepLetterId = ppep.id;
});
afterAll(async () => {
  await backend.session.lock('quit');
  cleanup();
});

const HEALTH_CHANNELS: [string, () => unknown][] = [
  ['plan:get', () => ({ participantId })],
  [
    'plan:healthDecision',
    () => ({
      participantId,
      decision: { needNotedOn: '2026-11-24', decision: 'refer', decidedOn: '2026-11-26' },
    }),
  ],
  [
    'plan:saveReferral',
    () => ({
      participantId,
      referral: { service: 'drug-and-alcohol', detail: 'x', status: 'to-refer' },
    }),
  ],
  ['documents:issue', () => ({ kind: 'ppep', participantId, method: 'printed' })],
  ['documents:reprint', () => ({ letterId: ppepLetterId, method: 'printed' })],
  ['desktop:document', () => ({ letterId: ppepLetterId, action: 'open' })],
];

describe('reception', () => {
  it('is refused every channel that returns health data, and nothing is written', async () => {
    provision('reception');
    const raw = backend.session.require().opened.raw;
    const auditBefore = raw.prepare('SELECT count(*) AS n FROM audit_log').get();
    for (const [channel, input] of HEALTH_CHANNELS) {
      const r = await call(channel, input());
      expect(r, channel).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(JSON.stringify(r)).not.toContain(HEALTH_REASON);
    }
    expect(raw.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual(auditBefore);
  });

  it('sees no health events on the timeline, but still the ordinary ones', async () => {
    provision('reception');
    const events = await value<{ kind: string; data: { service?: string } }[]>(
      'participant:timeline',
      { id: participantId },
    );
    expect(events.some((e) => e.kind === 'referral')).toBe(true);
    expect(events.filter((e) => e.kind === 'health-need')).toEqual([]);
    expect(events.filter((e) => e.data.service === 'drug-and-alcohol')).toEqual([]);
    expect(events.filter((e) => e.data.service === 'housing')).toHaveLength(1);
    expect(JSON.stringify(events)).not.toContain(DRUG_DETAIL);
  });

  it('still books, looks people up and issues induction letters', async () => {
    provision('reception');
    expect((await call('caseload:list', {})).ok).toBe(true);
    expect((await call('participant:get', { id: participantId })).ok).toBe(true);
    expect((await call('diary:offices', {})).ok).toBe(true);
    expect((await call('documents:log', { participantId })).ok).toBe(true);
  });
});

describe('a manager', () => {
  it('gets the plan without health barriers, health decisions or drug-and-alcohol referrals', async () => {
    provision('manager');
    const view = await value<{
      latest: { content: { barriers: { id: string }[] } };
      referrals: { service: string }[];
      healthDecisions: unknown[];
    }>('plan:get', { participantId });
    expect(view.latest.content.barriers.map((b) => b.id)).toEqual(['b2']);
    expect(view.referrals.map((r) => r.service)).toEqual(['housing']);
    expect(view.healthDecisions).toEqual([]);
    expect(JSON.stringify(view)).not.toContain(HEALTH_REASON);
    expect(JSON.stringify(view)).not.toContain('Back pain');
  });

  it('may not print the PPEP, nor record health decisions', async () => {
    provision('manager');
    for (const [channel, input] of HEALTH_CHANNELS.slice(1))
      expect(await call(channel, input()), channel).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
  });
});

describe('the adviser', () => {
  it('sees the whole plan, including what the other roles may not', async () => {
    provision('adviser');
    const view = await value<{
      latest: { content: { barriers: { id: string }[] } };
      referrals: { service: string }[];
      healthDecisions: { reason: string }[];
    }>('plan:get', { participantId });
    expect(view.latest.content.barriers.map((b) => b.id)).toEqual(['b1', 'b2']);
    expect(view.referrals.map((r) => r.service).sort()).toEqual(['drug-and-alcohol', 'housing']);
    expect(view.healthDecisions.map((d) => d.reason)).toEqual([HEALTH_REASON]);
    expect(
      (await call('documents:reprint', { letterId: ppepLetterId, method: 'printed' })).ok,
    ).toBe(true);
  });
});

describe('the role itself', () => {
  it('comes from the user record: a reception user cannot make themselves a manager', async () => {
    provision('reception');
    const services = backend.session.require().services;
    await expect(services.profiles.setRole('manager')).rejects.toMatchObject({
      code: 'forbidden',
    });
    const role = backend.session.require().opened.raw.prepare('SELECT role FROM advisers').get();
    expect(role).toEqual({ role: 'reception' });
  });

  it('a stored role this version does not know gets reception access, not more', async () => {
    provision('owner');
    expect(await call('plan:get', { participantId })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    provision('adviser');
  });
});
