/**
 * The performance screen's channels over the real router and a real encrypted caseload seeded
 * with demo history: figures equal the counts of the ObligationService's own obligations, each
 * figure's drill-down lists exactly that many, bad input is refused at the boundary, and the
 * monthly PDF goes out through the desktop port.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, APP_ORIGIN, type Backend } from '../../src-main/app/backend';
import { dataPathsFor } from '../../src-main/app/data-paths';
import { seedDemoCaseload } from '../../src-main/demo/demo-caseload';
import { addDays } from '../../src-shared/domain/calendar/civil-date';
import { londonDate } from '../../src-shared/domain/identity/civil-date';
import { FIGURES } from '../../src-shared/domain/report';
import type { NamedObligation, PerformanceView } from '../../src-shared/ipc/channels/reports';
import { tempDir, TEST_KDF, PASSPHRASE } from '../support/temp-caseload';
import { recordingDesktop } from '../support/recording-desktop';
import { countByHand } from './count-by-hand';
import { pdfText } from '../pdf/pdf-reader';

const t = tempDir('waymark reports ipc ');
const desktop = recordingDesktop(join(t.dir, 'desktop'));
let backend: Backend;
const today = londonDate(new Date());

beforeAll(async () => {
  backend = createBackend({
    paths: dataPathsFor(join(t.dir, 'c.waymark')),
    kdfCost: TEST_KDF,
    desktop,
  });
  await backend.session.setup('Ada Adviser', PASSPHRASE);
  await seedDemoCaseload(backend.session.require().services, {
    participants: 12,
    today: addDays(today, -1),
  });
}, 180_000);
afterAll(async () => {
  await backend.session.lock('quit');
  t.cleanup();
});

async function ok<T>(channel: string, input: unknown): Promise<T> {
  const result = await backend.router(channel, input, APP_ORIGIN);
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  return (result as { value: T }).value;
}

describe('reports channels', () => {
  it('shows the caseload’s figures, counted from the ObligationService’s obligations', async () => {
    const period = { from: addDays(today, -180), to: today };
    const view = await ok<PerformanceView>('reports:performance', period);
    const engine = await backend.session.require().services.obligations.caseload();
    expect(view.today).toBe(today);
    expect(view.report.rules).toEqual(countByHand(engine, period));
    expect(view.report.rules.length).toBeGreaterThan(2);
    expect(view.trend).toHaveLength(12);
    expect(view.trend.at(-1)!.month).toBe(today.slice(0, 7));
    expect(view.ruleTitles.R3).toBe('Induction meeting');
    const breaches = engine.filter(
      (o) =>
        (o.status === 'missed' || o.status === 'met-late') &&
        o.due >= period.from &&
        o.due <= period.to,
    );
    expect(view.breached).toHaveLength(breaches.length);
    for (const o of [...view.breached, ...view.atRisk]) expect(o.participantName).not.toBe('');
    for (const o of view.atRisk) {
      expect(o.status).toBe('pending');
      expect(o.due >= today).toBe(true);
    }

    for (const row of view.report.rules)
      for (const figure of FIGURES) {
        const behind = await ok<NamedObligation[]>('reports:behind', {
          ...period,
          rule: row.rule,
          figure,
        });
        expect(behind).toHaveLength(row[figure]);
      }
  }, 60_000);

  it.each([
    ['reports:performance', { from: '2026-02-30', to: '2026-03-01' }],
    ['reports:performance', { from: '2026-03-02', to: '2026-03-01' }],
    ['reports:performance', { from: '2026-03-01', to: '2026-03-31', extra: 1 }],
    ['reports:behind', { from: '2026-03-01', to: '2026-03-31', rule: 'R4', figure: 'met' }],
    ['reports:behind', { from: '2026-03-01', to: '2026-03-31', rule: 'R3', figure: 'late' }],
    ['reports:monthlyPdf', { month: '2026-13', action: 'print' }],
    ['reports:monthlyPdf', { month: '2026-11', action: 'email' }],
  ])('refuses %s %j as invalid input', async (channel, input) => {
    const result = await backend.router(channel, input, APP_ORIGIN);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('prints the monthly report through the desktop port', async () => {
    const month = today.slice(0, 7);
    const outcome = await ok<{ done: boolean; fileName: string }>('reports:monthlyPdf', {
      month,
      action: 'print',
    });
    expect(outcome.done).toBe(true);
    const call = desktop.calls.at(-1)!;
    expect(call.action).toBe('print');
    const text = (await pdfText(readFileSync(call.file))).replace(/\s+/g, ' ');
    expect(text).toContain('Charter performance:');
    expect(text).toContain("Ada Adviser's caseload");
  }, 60_000);
});
