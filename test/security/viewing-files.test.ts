/**
 * Plaintext PDFs opened for viewing stayed in the temp folder until quit (and survived a crash);
 * DevTools was on in the only run mode (`npm start`, unpackaged).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ViewingFolder } from '../../src-main/shell/viewing-folder';
import { devToolsAllowed, windowOptions } from '../../src-main/shell/security-policy';
import { Session } from '../../src-main/app/session';
import { dataPathsFor } from '../../src-main/app/data-paths';
import { PASSPHRASE, TEST_KDF, tempDir } from '../support/temp-caseload';
import type { Desktop } from '../../src-main/app/desktop';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const PDF = Buffer.from('%PDF-1.7 canary participant letter');

describe('PDFs written for the system viewer', () => {
  it('go in a private folder (0700) as 0600 files', () => {
    const folder = new ViewingFolder(dir);
    const file = folder.write(PDF, 'JCP 0001 induction.pdf');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(file, '..')).mode & 0o777).toBe(0o700);
  });

  it('are deleted when the session locks', async () => {
    const folder = new ViewingFolder(dir);
    const desktop: Desktop = {
      printPdf: async () => ({ printed: true }),
      openPdf: async (pdf, name) => void folder.write(pdf, name),
      savePdf: async () => ({ saved: false }),
      forgetOpened: () => folder.clear(),
    };
    const session = new Session({
      paths: dataPathsFor(join(dir, 'c.waymark')),
      kdfCost: TEST_KDF,
      desktop,
    });
    await session.setup('Ada', PASSPHRASE);
    await desktop.openPdf(PDF, 'one.pdf');
    await desktop.openPdf(PDF, 'two.pdf');
    expect(readdirSync(dir).filter((f) => f.startsWith('waymark-view-'))).toHaveLength(1);
    await session.lock('inactivity');
    expect(readdirSync(dir).filter((f) => f.startsWith('waymark-view-'))).toEqual([]);
    // Opening again after the lock makes a fresh folder.
    await session.unlock(PASSPHRASE);
    await desktop.openPdf(PDF, 'three.pdf');
    expect(readdirSync(dir).filter((f) => f.startsWith('waymark-view-'))).toHaveLength(1);
    await session.lock('quit');
  });

  it('left behind by a crash are swept at the next start, and nothing else is touched', () => {
    const stale = join(dir, 'waymark-view-abc123');
    mkdirSync(stale);
    writeFileSync(join(stale, '1-letter.pdf'), PDF);
    writeFileSync(join(dir, 'someone-elses.pdf'), PDF);
    expect(ViewingFolder.sweep(dir)).toBe(1);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(join(dir, 'someone-elses.pdf'))).toBe(true);
  });
});

describe('DevTools', () => {
  it('are off in npm start and in an installed app; on only under the dev server', () => {
    expect(devToolsAllowed(false, {})).toBe(false);
    expect(devToolsAllowed(true, { ELECTRON_RENDERER_URL: 'http://localhost:5173' })).toBe(false);
    expect(devToolsAllowed(false, { ELECTRON_RENDERER_URL: 'http://localhost:5173' })).toBe(true);
    expect(windowOptions('/p.cjs', false, {}).webPreferences?.devTools).toBe(false);
  });
});
