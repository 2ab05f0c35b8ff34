/* global process, console */
/**
 * `npm start`: makes sure the Electron binary is there (Electron's own `install-electron`
 * downloads it once), then opens Waymark with `electron-vite preview`. Where the download is
 * impossible (no network, a proxy, a blocked host), it says so in one line and points to the ways
 * to try Waymark without Electron, instead of the downloader's stack trace; the full output goes
 * to a log file named in that line.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs an npm-installed command (node_modules/.bin is on PATH under npm run). */
function run(command, { captureErrors }) {
  return new Promise((done) => {
    const child = spawn(command, {
      shell: true,
      stdio: ['inherit', 'inherit', captureErrors ? 'pipe' : 'inherit'],
    });
    let errors = '';
    child.stderr?.on('data', (chunk) => (errors += chunk));
    child.on('error', (error) => done({ code: 1, errors: String(error) }));
    child.on('close', (code, signal) => done({ code: code ?? (signal ? 1 : 0), errors }));
  });
}

const install = await run('install-electron', { captureErrors: true });
if (install.code !== 0) {
  const log = join(tmpdir(), 'waymark-electron-install.log');
  writeFileSync(log, install.errors);
  const reason =
    install.errors
      .split('\n')
      .map((line) => line.trim())
      .find((line) => line !== '') ?? `exit code ${install.code}`;
  console.error(
    `Waymark cannot open here: the Electron download failed (${reason}; details in ${log}). ` +
      'Try it without Electron: `npm run -s cli -- --help` on the command line, or `npm run -s try-in-browser` in Chromium or Chrome.',
  );
  process.exit(1);
}
const preview = await run('electron-vite preview', { captureErrors: false });
process.exit(preview.code);
