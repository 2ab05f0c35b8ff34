/**
 * IPC fuzz over every channel and every role: junk and structure-aware payloads (the id fields
 * the schemas use, pointed at real and unknown records). No call crashes the router, every
 * rejection is a typed error, a rejected call changes nothing in the database, a role outside a
 * channel's declaration never gets an answer, and no error quotes a participant's value.
 * Bounded here; `npm run -s test:fuzz-long` runs 100,000 calls.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { join } from 'node:path';
import { createBackend, APP_ORIGIN, type Backend } from '../../src-main/app/backend';
import { dataPathsFor } from '../../src-main/app/data-paths';
import { CHANNEL_NAMES } from '../../src-shared/ipc/channel-names';
import { ADVISER_ROLES, accessFor } from '../../src-shared/ipc/access';
import { PASSPHRASE, TEST_KDF, tempDir } from '../support/temp-caseload';
import { referral } from '../support/referrals';
import type { Result } from '../../src-shared/ipc/result';

const CALLS = Number(process.env.WAYMARK_FUZZ_CALLS ?? 800);
const CANARY = { givenName: 'Quillfeather', familyName: 'Zanzibarova' };
const ERROR_CODES = [
  'invalid-input',
  'forbidden',
  'locked',
  'not-found',
  'conflict',
  'immutable',
  'refused',
  'already-initialised',
];
// Calls that end the session or run the key derivation are tested elsewhere.
const SKIP = new Set([
  'session:setup',
  'session:unlock',
  'session:lock',
  'session:changePassphrase',
]);
const CHANNELS = CHANNEL_NAMES.filter((c) => !SKIP.has(c));

let backend: Backend;
let cleanup: () => void;
let participantId: string;

beforeAll(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  backend = createBackend({ paths: dataPathsFor(join(t.dir, 'c.waymark')), kdfCost: TEST_KDF });
  await backend.router(
    'session:setup',
    { adviserName: 'Ada', passphrase: PASSPHRASE, confirm: PASSPHRASE },
    APP_ORIGIN,
  );
  const created = (await backend.router(
    'participant:create',
    referral(CANARY),
    APP_ORIGIN,
  )) as Result<{ id: string }>;
  if (!created.ok) throw new Error('set-up failed');
  participantId = created.value.id;
});
afterAll(async () => {
  await backend.session.lock('quit');
  cleanup();
});

const id = () => fc.oneof(fc.constant(participantId), fc.uuid(), fc.string({ maxLength: 40 }));
const structured = fc.record(
  {
    participantId: id(),
    id: id(),
    letterId: id(),
    versionId: id(),
    importId: id(),
    batchId: id(),
    expectedVersion: fc.oneof(fc.integer(), fc.constant(1)),
    expectedRevision: fc.oneof(fc.integer(), fc.constant(null)),
    kind: fc.constantFrom('ppep', 'induction-letter', 'better-off-statement', 'x'),
    method: fc.constantFrom('printed', 'emailed', 'nope'),
    action: fc.constantFrom('open', 'print', 'save', 'participant.open', '=1'),
    date: fc.constantFrom('2026-11-30', '0416-55-30', ''),
    search: fc.string({ maxLength: 20 }),
    minutes: fc.integer({ min: -5, max: 70 }),
    limit: fc.integer({ min: -1, max: 2000 }),
  },
  { requiredKeys: [] },
);
const payload = fc.oneof(structured, fc.anything({ maxDepth: 3 }));
const call = fc.record({
  channel: fc.constantFrom(...CHANNELS),
  role: fc.constantFrom(...ADVISER_ROLES),
  input: payload,
});

describe('IPC fuzz, every channel and role', () => {
  it(
    `answers ${CALLS} calls with a Result, typed rejections that change nothing, no leaks`,
    async () => {
      const raw = backend.session.require().opened.raw;
      const changes = () => (raw.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
      const seen = { ok: 0, rejected: 0 };
      await fc.assert(
        fc.asyncProperty(call, async ({ channel, role, input }) => {
          raw.prepare('UPDATE advisers SET role = ?').run(role);
          const before = changes();
          const result = (await backend.router(channel, input, APP_ORIGIN)) as Result<unknown>;
          expect(result, channel).toHaveProperty('ok');
          if (result.ok) {
            seen.ok += 1;
            expect(accessFor(channel).roles, `${channel} answered ${role}`).toContain(role);
            return;
          }
          seen.rejected += 1;
          expect(ERROR_CODES, `${channel}: ${result.error.message}`).toContain(result.error.code);
          expect(typeof result.error.message).toBe('string');
          const text = JSON.stringify(result.error);
          expect(text).not.toContain(CANARY.givenName);
          expect(text).not.toContain(CANARY.familyName);
          // Setting the role above is the only write allowed between the two counts.
          expect(changes() - before, `${channel} as ${role} wrote while refusing`).toBe(0);
        }),
        { numRuns: CALLS },
      );
      expect(seen.rejected).toBeGreaterThan(0);
    },
    60_000 + CALLS * 50,
  );
});
