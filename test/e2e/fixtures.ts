/**
 * Each test gets a fresh loopback harness over a real encrypted caseload in a temp directory
 * whose path contains a space, and a page whose `window.waymark` forwards to it.
 */
import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { initScript, startE2eServer, type E2eServer } from '../support/e2e-server';
import { tempDir } from '../support/temp-caseload';

export const test = base.extend<{ harness: E2eServer; app: Page }>({
  harness: async ({}, use) => {
    const { dir, cleanup } = tempDir('waymark e2e ');
    const server = await startE2eServer(dir);
    await use(server);
    await server.close();
    cleanup();
  },
  app: async ({ page, harness }, use) => {
    await page.addInitScript(initScript);
    await page.goto(harness.url);
    await use(page);
  },
});

export { expect };

/** WCAG 2.2 AA: the page must have no axe violations. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}
