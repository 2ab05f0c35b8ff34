/**
 * `npm start` (scripts/start.mjs) with Electron's installer and electron-vite replaced on PATH by
 * small scripts: where the download fails it says so in one line and points to the other ways
 * to try Waymark; where it works it goes on to open the app.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from './temp-caseload';

const START = resolve(import.meta.dirname, '../../scripts/start.mjs');
const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function startWith(commands: Record<string, string>) {
  const { dir, cleanup } = tempDir('waymark start ');
  cleanups.push(cleanup);
  for (const [name, body] of Object.entries(commands)) {
    writeFileSync(join(dir, name), `#!/bin/sh\n${body}\n`);
    chmodSync(join(dir, name), 0o755);
  }
  const result = spawnSync(process.execPath, [START], {
    encoding: 'utf8',
    env: { ...process.env, PATH: `${dir}${delimiter}${process.env.PATH}`, TMPDIR: dir },
  });
  return { ...result, dir };
}

// The stand-ins are POSIX shell scripts; the script under test is the same on Windows.
describe.skipIf(process.platform === 'win32')('npm start', () => {
  it('says in one line that the Electron download failed, and how to try Waymark instead', () => {
    const run = startWith({
      'install-electron': [
        'echo "RequestError: getaddrinfo ENOTFOUND github.com" >&2',
        'echo "    at ClientRequest.<anonymous> (node_modules/got/dist/source/core/index.js:970:111)" >&2',
        'exit 1',
      ].join('\n'),
      'electron-vite': 'echo "electron-vite should not run" >&2; exit 9',
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    const log = join(run.dir, 'waymark-electron-install.log');
    expect(run.stderr).toBe(
      `Waymark cannot open here: the Electron download failed (RequestError: getaddrinfo ENOTFOUND github.com; details in ${log}). ` +
        'Try it without Electron: `npm run -s cli -- --help` on the command line, or `npm run -s try-in-browser` in Chromium or Chrome.\n',
    );
    expect(readFileSync(log, 'utf8')).toContain('at ClientRequest');
  });

  it('opens the app with electron-vite once Electron is there, passing on its exit code', () => {
    const run = startWith({
      'install-electron': 'exit 0',
      'electron-vite': 'echo "electron-vite $*"; exit 3',
    });
    expect(run.stdout).toBe('electron-vite preview\n');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(3);
  });
});
