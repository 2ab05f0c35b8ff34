import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, APP_ORIGIN, type Backend } from '../../src-main/app/backend';
import { dataPathsFor } from '../../src-main/app/data-paths';
import { tempDir, TEST_KDF, PASSPHRASE } from '../support/temp-caseload';
import { referral } from '../support/referrals';
import { pdfText } from './pdf-reader';
import { ppepSample } from './sample-data';
import { household } from '../domain/better-off/households';

let backend: Backend;
let cleanup: () => void;
beforeEach(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  backend = createBackend({ paths: dataPathsFor(join(t.dir, 'c.waymark')), kdfCost: TEST_KDF });
  await backend.session.setup('Ada Adviser', PASSPHRASE);
});
afterEach(async () => {
  await backend.session.lock('quit');
  cleanup();
});

const call = (channel: string, input: unknown) => backend.router(channel, input, APP_ORIGIN);

describe('the documents channels', () => {
  it('issue a plan and a better-off statement, return their log entries and list them', async () => {
    const created = await call('participant:create', referral());
    const participantId = (created as { ok: true; value: { id: string } }).value.id;
    const plan = await call('documents:issue', {
      kind: 'ppep',
      participantId,
      method: 'handed-over',
      plan: ppepSample().plan,
    });
    expect(plan).toMatchObject({ ok: true, value: { kind: 'ppep', templateVersions: '-' } });
    const letterId = (plan as { ok: true; value: { id: string } }).value.id;
    const reprint = await call('documents:reprint', { letterId, method: 'handed-over' });
    const pdf = Buffer.from(
      (reprint as { ok: true; value: { pdfBase64: string } }).value.pdfBase64,
      'base64',
    );
    expect(await pdfText(pdf)).toContain('Personal Profile and Employment Plan (PPEP)');
    expect(await pdfText(pdf)).toContain('Zofia Wiśniewska');

    const saved = await call('betterOff:save', {
      participantId,
      household: household(),
      explainedOn: '2026-11-20',
    });
    const calculationId = (saved as { ok: true; value: { id: string } }).value.id;
    const statement = await call('documents:issue', {
      kind: 'better-off-statement',
      participantId,
      method: 'emailed',
      calculationId,
    });
    expect(statement).toMatchObject({
      ok: true,
      value: { kind: 'better-off-statement', method: 'emailed' },
    });
    const log = await call('documents:log', { participantId });
    expect(log).toMatchObject({
      ok: true,
      value: [{ kind: 'better-off-statement' }, { kind: 'ppep' }, { kind: 'ppep' }],
    });
  });

  it('name the field at fault and change nothing', async () => {
    const created = await call('participant:create', referral());
    const participantId = (created as { ok: true; value: { id: string } }).value.id;
    expect(
      await call('documents:issue', {
        kind: 'ppep',
        participantId,
        method: 'faxed',
        plan: ppepSample().plan,
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'method' } });
    expect(
      await call('documents:issue', { kind: 'induction-letter', participantId, method: 'printed' }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'refused',
        field: 'participantId',
        message: expect.stringMatching(/No induction is booked/),
      },
    });
    expect(await call('documents:batchStart', { output: 'separate' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', field: 'letters' },
    });
    expect(await call('documents:log', { participantId })).toEqual({ ok: true, value: [] });
  });

  it('list the wording Waymark ships, in English and Welsh', async () => {
    const templates = await call('documents:templates', {});
    expect(templates).toMatchObject({
      ok: true,
      value: [
        { language: 'en', version: 0, body: { salutation: 'Dear {{participant.preferredName}},' } },
        {
          language: 'cy',
          version: 0,
          body: { salutation: 'Annwyl {{participant.preferredName}},' },
        },
      ],
    });
  });
});
