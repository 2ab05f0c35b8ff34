/**
 * `cli report` over a real encrypted caseload seeded with two years of demo history: the report
 * equals, rule by rule, the counts of what `cli obligations --db` (the engine over the same
 * caseload) gives, and bad input is refused with a clear message and its exit code.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pdfText } from '../pdf/pdf-reader';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli';
import { tempDir, PASSPHRASE } from '../support/temp-caseload';
import type { Obligation } from '../../src-shared/domain/charter/obligation';
import { REPORT_CSV_HEADER, type Report } from '../../src-shared/domain/report';
import { countByHand } from './count-by-hand';

const t = tempDir('waymark cli report ');
const db = join(t.dir, 'demo caseload.waymark');
const env = { WAYMARK_PASSPHRASE: PASSPHRASE };
const TODAY = '2026-06-15';
let engine: Obligation[] = [];

beforeAll(async () => {
  expect((await runCli(['init', '--db', db, '--adviser', 'Ada Adviser'], { env })).code).toBe(0);
  const seeded = await runCli(['seed-demo', '--db', db, '--participants', '30', '--today', TODAY], {
    env,
  });
  expect(seeded.code).toBe(0);
  const obligations = await runCli(['obligations', '--db', db, '--today', TODAY], { env });
  expect(obligations.code).toBe(0);
  engine = (JSON.parse(obligations.stdout) as { obligations: Obligation[] }).obligations;
}, 180_000);
afterAll(() => t.cleanup());

describe('cli report', () => {
  it('equals, rule by rule, the counts of the engine’s obligations over the caseload', async () => {
    for (const [from, to] of [
      ['2026-01-01', '2026-03-31'],
      ['2025-06-01', '2026-06-30'],
      ['2026-02-01', '2026-02-28'],
    ] as const) {
      const run = await runCli(
        ['report', '--db', db, '--from', from, '--to', to, '--today', TODAY],
        {
          env,
        },
      );
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const report = JSON.parse(run.stdout) as Report;
      expect(Object.keys(report)).toEqual(['from', 'to', 'today', 'rules', 'groups']);
      expect(report).toEqual({
        from,
        to,
        today: TODAY,
        rules: countByHand(engine, { from, to }),
        groups: [],
      });
    }
    const year = countByHand(engine, { from: '2025-06-01', to: '2026-06-30' });
    expect(year.length).toBeGreaterThanOrEqual(5);
    expect(year.some((r) => r.missed > 0 || r.metLate > 0)).toBe(true);
  }, 120_000);

  it('prints CSV with the same figures, and an anonymised export that suppresses small rows', async () => {
    const args = ['report', '--db', db, '--from', '2026-05-01', '--to', '2026-05-31'];
    const csv = await runCli([...args, '--today', TODAY, '--csv'], { env });
    expect(csv.code).toBe(0);
    const lines = csv.stdout.trimEnd().split('\r\n');
    expect(lines[0]).toBe(REPORT_CSV_HEADER.join(','));
    const expected = countByHand(engine, { from: '2026-05-01', to: '2026-05-31' });
    expect(lines.slice(1).map((l) => l.split(',').slice(6, 8))).toEqual(
      expected.map((r) => [r.rule, String(r.due)]),
    );

    const anon = await runCli([...args, '--today', TODAY, '--anonymised', '--min-cell', '25'], {
      env,
    });
    expect(anon.code).toBe(0);
    const report = JSON.parse(anon.stdout) as {
      rules: { due: number | null; suppressed?: true }[];
    };
    expect(report.rules.length).toBe(expected.length);
    report.rules.forEach((r, i) => {
      if (expected[i]!.due < 25) expect(r).toMatchObject({ due: null, suppressed: true });
      else expect(r.due).toBe(expected[i]!.due);
    });
  }, 60_000);

  it('writes the monthly PDF with the month’s figures', async () => {
    const out = join(t.dir, 'May report.pdf');
    const run = await runCli(
      ['report-pdf', '--db', db, '--month', '2026-05', '--out', out, '--today', TODAY],
      { env },
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const text = (await pdfText(readFileSync(out))).replace(/\s+/g, ' ');
    const due = countByHand(engine, { from: '2026-05-01', to: '2026-05-31' }).reduce(
      (s, r) => s + r.due,
      0,
    );
    expect(text).toContain(`Ada Adviser's caseload`);
    expect(text).toContain(`${due} charter promises fell due in May 2026`);
    const bad = await runCli(['report-pdf', '--db', db, '--month', '2026-13', '--out', out], {
      env,
    });
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain('--month: expected a month as YYYY-MM');
  }, 60_000);

  it.each([
    [['--from', '2026-02-30', '--to', '2026-03-01'], 3, '--from: expected a real date'],
    [['--from', '2026-03-02', '--to', '2026-03-01'], 3, '--from: must be on or before --to'],
    [['--from', '2026-03-01', '--to', '2026-03-31', '--today', '15/06/2026'], 3, '--today'],
    [['--to', '2026-03-01'], 2, '--from'],
    [['--from', '2026-03-01', '--to', '2026-03-31', '--min-cell', '5'], 2, '--anonymised'],
    [
      ['--from', '2026-03-01', '--to', '2026-03-31', '--anonymised', '--min-cell', '0'],
      3,
      '--min-cell',
    ],
  ])('refuses %j with exit code %i', async (args, code, message) => {
    const run = await runCli(['report', '--db', db, ...args], { env });
    expect(run.code).toBe(code);
    expect(run.stderr).toContain(message);
    expect(run.stdout).toBe('');
  });
});
