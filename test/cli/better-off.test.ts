import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

function cli(
  args: string[],
  stdin: string,
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((done, fail) => {
    const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), ['src-main/cli/index.ts', ...args], {
      cwd: ROOT,
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, out, err }));
    child.stdin.end(stdin);
  });
}

const EXAMPLE = {
  taxYear: '2025-26',
  country: 'england',
  london: false,
  adults: [{ age: 30, lcwra: false, lcwraFromBefore2026: true, carer: false }],
  children: [],
  housing: { tenure: 'private', rentMonthly: 900, lhaMonthly: 410.45 },
  savings: 0,
  otherIncomeMonthly: 0,
  childcareMonthly: { outOfWork: 0, inWork: 0 },
  travelToWorkMonthly: 0,
  job: { adult: 0, hoursPerWeek: 30, hourlyWage: 12.21, pension: 'relief-at-source' },
};

describe('waymark better-off', () => {
  it('reads the household on stdin and prints exactly the documented output', async () => {
    const r = await cli(['better-off'], JSON.stringify(EXAMPLE));
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(Object.keys(out)).toEqual(['outOfWork', 'inWork', 'betterOffMonthly', 'warnings']);
    expect(out.betterOffMonthly).toBe(632.94);
    expect(out.inWork.universalCredit).toBe(50.06);
  });

  it('adds the working and the rates version only with --explain', async () => {
    const r = await cli(['better-off', '--explain'], JSON.stringify(EXAMPLE));
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out.ratesVersion).toMatch(/^2025-26\+[0-9a-f]{12}$/);
    expect(out.explanation.inWork.length).toBeGreaterThan(3);
  });

  it('refuses impossible input with exit code 3, naming the field on stderr', async () => {
    const r = await cli(
      ['better-off'],
      JSON.stringify({ ...EXAMPLE, job: { ...EXAMPLE.job, hoursPerWeek: -4 } }),
    );
    expect(r.code).toBe(3);
    expect(r.out).toBe('');
    expect(r.err).toContain('job.hoursPerWeek');
  });

  it('refuses a tax year without rates, and text that is not JSON, with exit code 3', async () => {
    const year = await cli(['better-off'], JSON.stringify({ ...EXAMPLE, taxYear: '2024-25' }));
    expect(year.code).toBe(3);
    expect(year.err).toContain('taxYear');
    const junk = await cli(['better-off'], 'not json');
    expect(junk.code).toBe(3);
    expect(junk.err).toContain('not valid JSON');
  });
});
