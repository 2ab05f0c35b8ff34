/** No IPC channel can change an agreed plan version: every plan channel is tried against one. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createBackend, APP_ORIGIN, type Backend } from '../../src-main/app/backend';
import { dataPathsFor } from '../../src-main/app/data-paths';
import { CHANNEL_NAMES } from '../../src-shared/ipc/channel-names';
import { PASSPHRASE, TEST_KDF, tempDir } from '../support/temp-caseload';
import { referral } from '../support/referrals';
import { NOW, PLAN } from './plan-fixture';

let backend: Backend;
let cleanup: () => void;
beforeEach(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  backend = createBackend({
    paths: dataPathsFor(join(t.dir, 'c.waymark')),
    kdfCost: TEST_KDF,
    now: () => NOW,
  });
});
afterEach(async () => {
  await backend.session.lock('quit');
  cleanup();
});

const call = (channel: string, input: unknown) => backend.router(channel, input, APP_ORIGIN);

describe('agreed plan versions over IPC', () => {
  it('no plan channel changes an agreed version, whatever it is sent', async () => {
    await call('session:setup', {
      adviserName: 'Ada',
      passphrase: PASSPHRASE,
      confirm: PASSPHRASE,
    });
    const created = await call('participant:create', referral());
    const participantId = (created as { ok: true; value: { id: string } }).value.id;
    expect(
      (await call('plan:saveDraft', { participantId, expectedRevision: null, content: PLAN })).ok,
    ).toBe(true);
    const agreed = await call('plan:agree', {
      participantId,
      expectedRevision: 1,
      agreement: { agreedOn: '2026-11-24', method: 'in-person', participantAgreed: true },
    });
    expect(agreed.ok).toBe(true);
    const versionId = (agreed as { ok: true; value: { id: string } }).value.id;
    const db = backend.session.require().services.wp.db;
    const stored = () => db.selectFrom('plan_versions').selectAll().execute();
    const before = await stored();

    const edited = { ...PLAN, aboutMe: 'Rewritten history' };
    const planChannels = CHANNEL_NAMES.filter((ch) => ch.startsWith('plan:'));
    expect(planChannels.length).toBeGreaterThan(5);
    // Every plan channel, aimed at the version by id and by participant, with edited content.
    const attempts: unknown[] = [
      { versionId, content: edited },
      { id: versionId, content: edited },
      { participantId, versionId, expectedRevision: null, content: edited },
      { participantId, expectedRevision: 1, content: edited },
      { participantId, expectedRevision: null, content: edited },
      { participantId, expectedRevision: 1 },
      {
        participantId,
        expectedRevision: 1,
        agreement: { agreedOn: '2026-11-25', method: 'phone', participantAgreed: true },
      },
      {
        participantId,
        versionId,
        agreement: { agreedOn: '2026-11-25', method: 'phone', participantAgreed: true },
      },
    ];
    for (const channel of planChannels) for (const input of attempts) await call(channel, input);
    expect(await stored()).toEqual(before);
    // A review is a new draft and, once agreed, a new version: version 1 is untouched.
    const review = await call('plan:startReview', { participantId });
    expect(review.ok).toBe(true);
    const v1 = await call('plan:version', { versionId });
    expect(v1).toMatchObject({
      ok: true,
      value: { number: 1, content: { aboutMe: PLAN.aboutMe } },
    });
  });
});
