/**
 * `npm run -s try-in-browser`: Waymark without Electron, for a machine that cannot download it.
 * The built renderer opens in the Chromium or Chrome that find-browser.ts finds, talking to the
 * real backend over loopback exactly as in the end-to-end tests (e2e-server.ts), over a
 * throwaway encrypted caseload in a temporary folder that is deleted when the window closes.
 * Printing, opening and saving PDFs write the files into that folder's `desktop/` instead (the
 * path is printed). The caseload's key uses the tests' low scrypt cost: it is for trying only.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright';
import { findBrowserHere } from './find-browser';
import { initScript, startE2eServer } from './e2e-server';
import { tempDir } from './temp-caseload';

const ROOT = resolve(import.meta.dirname, '../..');

const browser = findBrowserHere();
if (!browser.found) {
  console.error(
    browser.message.replace('The end-to-end tests need', 'Trying Waymark in a browser needs'),
  );
  process.exit(1);
}
if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error(
    'Trying Waymark in a browser needs a desktop to open the window in (no DISPLAY is set).',
  );
  process.exit(1);
}
if (!existsSync(join(ROOT, 'out/renderer/index.html'))) {
  console.log('Building the app first (npm run -s build)…');
  const built = spawnSync('npm', ['run', '-s', 'build'], {
    cwd: ROOT,
    stdio: 'inherit',
    shell: true,
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const { dir, cleanup } = tempDir('waymark try ');
const server = await startE2eServer(dir);
const launched = await chromium.launch({ headless: false, executablePath: browser.path });
const context = await launched.newContext({ viewport: null });
await context.addInitScript(initScript);
const page = await context.newPage();
await page.goto(server.url);
console.log(
  `Waymark is open in ${browser.path}. Printed and saved PDFs go to ${server.desktop.dir}.`,
);
console.log('Close the browser window to finish; the trial caseload is then deleted.');

let finished = false;
const finish = async () => {
  if (finished) return;
  finished = true;
  await launched.close().catch(() => undefined);
  await server.close();
  cleanup();
  process.exit(0);
};
page.on('close', () => void finish());
launched.on('disconnected', () => void finish());
process.on('SIGINT', () => void finish());
