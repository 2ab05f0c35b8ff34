import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/obligations');
const scenarios = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.input.json'))
  .sort()
  .map((f) => f.replace(/\.input\.json$/, ''));

describe('obligations on the command line', () => {
  it('has at least 30 hand-worked scenarios, each with an expected output', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(30);
    for (const name of scenarios)
      expect(() => readFileSync(resolve(FIXTURES, `${name}.expected.json`))).not.toThrow();
  });

  it.each(scenarios)('%s', async (name) => {
    const input = readFileSync(resolve(FIXTURES, `${name}.input.json`), 'utf8');
    const expected: unknown = JSON.parse(
      readFileSync(resolve(FIXTURES, `${name}.expected.json`), 'utf8'),
    );
    const run = await runCli(['obligations'], { stdin: input });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(expected);
  });

  it('refuses invalid input with exit code 3, naming the field', async () => {
    const input = {
      today: '2027-01-15',
      profile: 'work-programme',
      participants: [
        { id: 'P1', referralDate: '2027-01-04' },
        {
          id: 'P2',
          referralDate: '2027-02-30',
          appointments: [
            {
              id: 'A1',
              start: '2027-01-05T10:00Z',
              kind: 'induction',
              channel: 'in-person',
              outcome: 'held',
            },
          ],
        },
      ],
    };
    const run = await runCli(['obligations'], { stdin: JSON.stringify(input) });
    expect(run.code).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/participants\[1\]\.referralDate: expected a real date/);
    expect(run.stderr).toMatch(
      /participants\[1\]\.appointments\[0\]\.start: expected a local time/,
    );
    expect(run.stderr).toMatch(/participants\[1\]\.appointments\[0\]\.outcome/);
  });

  it('refuses an unknown profile, a bad inline profile and input that is not JSON', async () => {
    const unknown = await runCli(['obligations'], {
      stdin: JSON.stringify({ today: '2027-01-15', profile: 'restart', participants: [] }),
    });
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toMatch(/profile: no shipped profile called "restart"/);

    const profile = JSON.parse(
      readFileSync(resolve(FIXTURES, '../../../resources/profiles/work-programme.json'), 'utf8'),
    );
    profile.rules.R3.days = -14;
    const inline = await runCli(['obligations'], {
      stdin: JSON.stringify({ today: '2027-01-15', profile, participants: [] }),
    });
    expect(inline.code).toBe(3);
    expect(inline.stderr).toMatch(/profile\.rules\.R3\.days/);

    const notJson = await runCli(['obligations'], { stdin: '{"today": ' });
    expect(notJson.code).toBe(3);
    expect(notJson.stderr).toMatch(/not JSON/);
  });
});
