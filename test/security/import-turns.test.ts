/**
 * A 100,000-row referral import blocked the main process (about 12 s in the review): the whole
 * file was read and every row checked in one synchronous go before anything else could run. Now
 * the file is read in turns, so other calls are answered while it is read, and rows are written
 * in small transactions after `import:start` has answered. No clock is read: the test counts how
 * often the event loop got a turn, which a synchronous read cannot give it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createBackend, APP_ORIGIN, type Backend } from '../../src-main/app/backend';
import { dataPathsFor } from '../../src-main/app/data-paths';
import { ROWS_PER_TURN } from '../../src-main/services/caseload/referral-csv';
import { PASSPHRASE, TEST_KDF, tempDir } from '../support/temp-caseload';
import { toCsv, validRow } from '../support/referral-csv';
import type { Result } from '../../src-shared/ipc/result';
import type { ImportProgress } from '../../src-shared/ipc/channels/import';

// 20,000 rows show it as well as 100,000 (one turn per slice, none at all before) at a fifth of the cost.
const ROWS = 20_000;
let backend: Backend;
let cleanup: () => void;
beforeAll(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  backend = createBackend({ paths: dataPathsFor(join(t.dir, 'c.waymark')), kdfCost: TEST_KDF });
  await backend.router(
    'session:setup',
    { adviserName: 'Ada', passphrase: PASSPHRASE, confirm: PASSPHRASE },
    APP_ORIGIN,
  );
});
afterAll(async () => {
  await backend.session.lock('quit');
  cleanup();
});

describe(`a ${ROWS.toLocaleString('en-GB')}-row import`, () => {
  it('leaves the main process free while the file is read, and answers other calls meanwhile', async () => {
    const content = toCsv(Array.from({ length: ROWS }, (_, i) => validRow(i)));
    let turns = 0;
    let reading = true;
    const tick = () => {
      turns++;
      if (reading) setImmediate(tick);
    };
    setImmediate(tick);
    const start = backend.router('import:start', { fileName: 'big.csv', content }, APP_ORIGIN);
    // Asked after the import began, answered before the file has been read.
    let startAnswered = false;
    void start.then(() => (startAnswered = true));
    const status = await backend.router('session:status', {}, APP_ORIGIN);
    expect(status.ok).toBe(true);
    expect(startAnswered).toBe(false);
    const started = (await start) as Result<ImportProgress>;
    reading = false;
    if (!started.ok) throw new Error(started.error.message);
    expect(started.value.total).toBe(ROWS);
    // At least one turn for each slice of rows read.
    expect(turns).toBeGreaterThanOrEqual(ROWS / ROWS_PER_TURN);
    // The rows are written after start has answered, a batch at a time.
    expect(started.value.state).toBe('running');
    expect(started.value.imported).toBeLessThan(ROWS);
    const cancelled = await backend.router(
      'import:cancel',
      { importId: started.value.importId },
      APP_ORIGIN,
    );
    expect(cancelled.ok).toBe(true);
    await backend.session.require().services.imports.finished(started.value.importId);
  }, 300_000);
});
