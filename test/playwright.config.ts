import { defineConfig } from '@playwright/test';
import { findBrowserHere } from './support/find-browser';

/**
 * End-to-end in the Chromium or Chrome that test/support/find-browser.ts finds (WAYMARK_CHROMIUM,
 * then Playwright's own, then the system's). `npm test` checks first (test/support/preflight.ts);
 * run directly without one, this says the same one line rather than failing in every test.
 */
const browser = findBrowserHere();
if (!browser.found) {
  console.error(browser.message);
  process.exit(1);
}

export default defineConfig({
  testDir: './e2e',
  outputDir: '../test-results',
  fullyParallel: false,
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: browser.path,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    trace: 'off',
  },
});
