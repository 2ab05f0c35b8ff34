import { test, expect, expectNoAxeViolations } from './fixtures';
import { setUpDirectly } from './helpers';
import { seedReferrals } from '../support/bulk-referrals';

test('a caseload of 10,000 scrolls, sorts and filters', async ({ app, harness }) => {
  // Seeding 10,000 referrals through the real write path is most of this test's time.
  test.setTimeout(600_000);
  await setUpDirectly(app);
  const services = harness.backend.session.require().services;
  await seedReferrals(services, 10_000, '2026-11-20');
  await app.reload();

  const count = app.getByRole('status').filter({ hasText: 'participants' });
  await expect(count).toHaveText('10,000 participants on your caseload');
  const table = app.getByRole('table');
  await expect(table).toHaveAttribute('aria-rowcount', '10001');
  // Only a window of rows is in the DOM.
  const rendered = await table.locator('tbody tr[aria-rowindex]').count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(100);

  // Scroll to the end: the last rows load and carry their true positions.
  const scroller = app.getByRole('region', { name: /Caseload table/ });
  await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  const last = table.locator('tbody tr[aria-rowindex="10001"]');
  await expect(last.getByRole('link')).toBeVisible();

  // Measured, never asserted: frame times while scrolling through the list, a screenful a frame.
  const frames = await scroller.evaluate(
    (el) =>
      new Promise<number[]>((done) => {
        const times: number[] = [];
        let last = performance.now();
        el.scrollTop = 0;
        const step = () => {
          const now = performance.now();
          times.push(now - last);
          last = now;
          el.scrollTop += el.clientHeight;
          if (times.length < 120) requestAnimationFrame(step);
          else done(times.slice(1));
        };
        requestAnimationFrame(step);
      }),
  );
  const sorted = [...frames].sort((a, b) => a - b);
  test.info().annotations.push({
    type: 'measured',
    description: `scrolling frames: median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} ms, p95 ${sorted[Math.floor(sorted.length * 0.95)]!.toFixed(1)} ms, max ${sorted[sorted.length - 1]!.toFixed(1)} ms`,
  });

  // Sort by referral date, newest first: aria-sort follows, and the first row is the newest.
  await scroller.evaluate((el) => el.scrollTo({ top: 0 }));
  const dateHeader = table.getByRole('columnheader', { name: /Referral date/ });
  await dateHeader.getByRole('button').click();
  await expect(dateHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(table.getByRole('columnheader', { name: /^Name/ })).toHaveAttribute(
    'aria-sort',
    'none',
  );
  await dateHeader.getByRole('button').click();
  await expect(dateHeader).toHaveAttribute('aria-sort', 'descending');
  const newest = await services.participants.list({
    sort: 'referralDate',
    direction: 'desc',
    limit: 1,
  });
  await expect(table.locator('tbody tr[aria-rowindex="2"]')).toContainText(newest.rows[0]!.name);

  // Measured, never asserted: from the last keystroke of a search to the count announced.
  const search = app.getByRole('searchbox', { name: 'Search' });
  const started = Date.now();
  await search.fill('patel');
  await expect(count).toContainText('found for “patel”');
  test.info().annotations.push({
    type: 'measured',
    description: `search at 10,000 rows answered in ${Date.now() - started} ms (120 ms debounce included)`,
  });
  await search.fill('');
  await expect(count).toHaveText('10,000 participants on your caseload');

  // Filter to exited participants only.
  await app.getByLabel('Status', { exact: true }).selectOption('exited');
  const exited = await services.participants.list({ status: 'exited', limit: 1 });
  await expect(count).toHaveText(
    `${exited.total.toLocaleString('en-GB')} participant${exited.total === 1 ? '' : 's'} on your caseload`,
  );
  await expect(table.locator('tbody tr[aria-rowindex="2"]')).toContainText('Exited');
  await app.getByRole('button', { name: 'Clear filters' }).click();
  await expect(count).toHaveText('10,000 participants on your caseload');
  await app.getByLabel('Status', { exact: true }).selectOption('exited');
  await expect(count).not.toHaveText('10,000 participants on your caseload');
  await expectNoAxeViolations(app);
  await app.screenshot({ path: '/tmp/waymark-caseload.png' });
});
