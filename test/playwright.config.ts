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
  // Generous waits: CI shares two cores with the central service, PostgreSQL and pdf workers, and
  // a wait only costs time when something is wrong. Speed is measured by `npm run bench`, not here.
  timeout: 120_000,
  expect: { timeout: 20_000 },
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
