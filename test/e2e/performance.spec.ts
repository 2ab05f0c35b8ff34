/**
 * The performance screen over a real encrypted caseload with demo history: the figures for the
 * chosen period equal the counts of the ObligationService's obligations, a figure opens the
 * people behind it, the trend has its table, and the screen is axe-clean throughout.
 */
import { test, expect, expectNoAxeViolations } from './fixtures';
import { setUpDirectly } from './helpers';
import { seedDemoCaseload } from '../../src-main/demo/demo-caseload';
import { addDays } from '../../src-shared/domain/calendar/civil-date';
import { londonDate } from '../../src-shared/domain/identity/civil-date';
import { monthPeriod, monthsEnding } from '../../src-shared/domain/report/months';
import { countByHand } from '../report/count-by-hand';

const today = londonDate(new Date());

test('the adviser sees their charter performance, drills into a figure and reads the trend', async ({
  app,
  harness,
}) => {
  test.setTimeout(180_000);
  await setUpDirectly(app);
  const services = harness.backend.session.require().services;
  await seedDemoCaseload(services, { participants: 10, today: addDays(today, -1) });
  const engine = await services.obligations.caseload();
  const last12 = {
    from: monthPeriod(monthsEnding(today.slice(0, 7), 12)[0]!).from,
    to: monthPeriod(today.slice(0, 7)).to,
  };
  const expected = countByHand(engine, last12);
  expect(expected.length).toBeGreaterThan(2);

  await app.getByRole('link', { name: 'Performance' }).click();
  await expect(app.getByRole('heading', { level: 1, name: /Charter performance/ })).toBeVisible();
  await expect(app.getByRole('heading', { name: 'Summary' })).toBeVisible();
  await expectNoAxeViolations(app);

  await app.getByLabel('Period').selectOption({ label: 'The last 12 months' });
  const table = app.getByRole('table', { name: /Promises due from/ });
  await expect(table).toBeVisible();
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(expected.length + 1);
  for (const [i, r] of expected.entries()) {
    const cells = rows.nth(i).locator('td');
    await expect(cells.nth(0)).toHaveText(new RegExp(`^${r.due.toLocaleString('en-GB')}\\b`));
    await expect(cells.nth(3)).toHaveText(new RegExp(`^${r.missed}\\b`));
    await expect(cells.nth(5)).toHaveText(
      r.onTimePercent === null ? 'no figure yet' : `${r.onTimePercent.toFixed(1)}%`,
    );
  }
  // No status codes or ISO dates on the screen.
  await expect(app.locator('main')).not.toContainText(/met-late|\d{4}-\d{2}-\d{2}/);

  // Drill into the biggest "due" figure: exactly that many people are listed.
  const biggest = expected.reduce((a, b) => (b.due > a.due ? b : a));
  const index = expected.indexOf(biggest);
  await rows.nth(index).locator('td').nth(0).getByRole('button').click();
  const drill = app.getByRole('heading', { level: 2, name: /: all due \(\d+\)/ });
  await expect(drill).toBeFocused();
  await expect(drill).toContainText(`(${biggest.due})`);
  await expect(
    app.getByRole('list', { name: 'People behind this figure' }).getByRole('listitem'),
  ).toHaveCount(biggest.due);
  await expectNoAxeViolations(app);

  // The trend: a chart with a text alternative and the same figures as a table.
  await expect(app.getByRole('img', { name: /kept on time, month by month/ })).toBeVisible();
  await expect(
    app.getByRole('table', { name: 'The last 12 months as a table' }).locator('tbody tr'),
  ).toHaveCount(12);
  const breached = engine.filter(
    (o) =>
      (o.status === 'missed' || o.status === 'met-late') &&
      o.due >= last12.from &&
      o.due <= last12.to,
  ).length;
  await expect(app.getByRole('heading', { name: `Breached (${breached})` })).toBeVisible();
});
