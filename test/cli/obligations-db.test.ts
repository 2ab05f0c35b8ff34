import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli';
import { tempDir, PASSPHRASE } from '../support/temp-caseload';
import { Vault } from '../../src-main/vault/vault';
import { openDatabase } from '../../src-main/db/open';
import { dataPathsFor } from '../../src-main/app/data-paths';
import { loadFacts } from '../../src-main/services/obligations/obligation-facts';
import { calendarsFrom } from '../../src-shared/domain/calendar/shipped-calendars';
import { computeObligations } from '../../src-shared/domain/charter/compute-obligations';
import { parseObligationsInput } from '../../src-shared/domain/charter/obligations-input';
import type { Obligation } from '../../src-shared/domain/charter/obligation';

const t = tempDir('waymark cli obligations ');
const db = join(t.dir, 'demo caseload.waymark');
const env = { WAYMARK_PASSPHRASE: PASSPHRASE };
// In the past: the demo seeder logs meetings up to its today, and nothing can be logged in the future.
const TODAY = '2026-06-15';

beforeAll(async () => {
  expect((await runCli(['init', '--db', db, '--adviser', 'Ada Adviser'], { env })).code).toBe(0);
  const seeded = await runCli(['seed-demo', '--db', db, '--participants', '40', '--today', TODAY], {
    env,
  });
  expect(seeded.stderr).toBe('');
  expect(seeded.code).toBe(0);
}, 120_000);
afterAll(() => t.cleanup());

/** The engine run directly over the caseload's facts, one profile at a time. */
async function expectedFromFacts(today: string): Promise<Obligation[]> {
  const paths = dataPathsFor(db);
  const key = await new Vault({ file: paths.keyFile }).unlock(PASSPHRASE);
  const opened = await openDatabase({ file: paths.database, key });
  try {
    const profiles = await opened.db
      .selectFrom('participants')
      .select(['id', 'charter_profile'])
      .execute();
    const facts = await loadFacts(opened.db);
    const out: Obligation[] = [];
    for (const profile of new Set(profiles.map((p) => p.charter_profile))) {
      const ids = new Set(profiles.filter((p) => p.charter_profile === profile).map((p) => p.id));
      const input = parseObligationsInput({
        today,
        profile,
        participants: facts.filter((f) => ids.has(f.id)),
      });
      out.push(...computeObligations(input, calendarsFrom()).obligations);
    }
    // Participant id order, each participant's own order kept (the sort is stable).
    return out.sort((a, b) =>
      a.participantId < b.participantId ? -1 : a.participantId > b.participantId ? 1 : 0,
    );
  } finally {
    key.fill(0);
    await opened.close();
  }
}

describe('obligations --db', () => {
  it('computes from a real caseload exactly what the engine computes from its facts', async () => {
    const run = await runCli(['obligations', '--db', db, '--today', TODAY], { env });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { obligations: Obligation[] };
    expect(out.obligations.length).toBeGreaterThan(100);
    expect(new Set(out.obligations.map((o) => o.rule)).size).toBeGreaterThanOrEqual(6);
    expect(out).toEqual({ obligations: await expectedFromFacts(TODAY) });
  }, 60_000);

  it('narrows to one participant by id or referral id', async () => {
    const all = JSON.parse(
      (await runCli(['obligations', '--db', db, '--today', TODAY], { env })).stdout,
    ) as { obligations: Obligation[] };
    const list = JSON.parse((await runCli(['list', '--db', db, '--json'], { env })).stdout) as {
      id: string;
      referralId: string;
    }[];
    const someone = list.find((p) => all.obligations.some((o) => o.participantId === p.id))!;
    const mine = all.obligations.filter((o) => o.participantId === someone.id);
    for (const ref of [someone.id, someone.referralId]) {
      const run = await runCli(
        ['obligations', '--db', db, '--today', TODAY, '--participant', ref],
        { env },
      );
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout)).toEqual({ obligations: mine });
    }
  }, 60_000);

  it('refuses a bad date, an unknown participant and a wrong passphrase', async () => {
    const badDate = await runCli(['obligations', '--db', db, '--today', '2027-02-30'], { env });
    expect(badDate.code).toBe(3);
    expect(badDate.stderr).toMatch(/--today: expected a real date/);
    const nobody = await runCli(['obligations', '--db', db, '--participant', 'JCP-NOBODY'], {
      env,
    });
    expect(nobody.code).toBe(5);
    const wrong = await runCli(['obligations', '--db', db], {
      env: { WAYMARK_PASSPHRASE: 'not the passphrase at all' },
    });
    expect(wrong.code).toBe(4);
    expect(wrong.stdout).toBe('');
  }, 60_000);

  it('set-role: an adviser cannot make themselves a manager; a manager changes a role', async () => {
    const bad = await runCli(['set-role', '--db', db, '--role', 'owner'], { env });
    expect(bad.code).toBe(3);
    const raise = await runCli(['set-role', '--db', db, '--role', 'manager'], { env });
    expect(raise.code).toBe(6);
    expect(raise.stderr).toContain('Only a manager');
    const rolesOf = async (file: string) => {
      const paths = dataPathsFor(file);
      const key = await new Vault({ file: paths.keyFile }).unlock(PASSPHRASE);
      const opened = await openDatabase({ file: paths.database, key });
      key.fill(0);
      const roles = await opened.db.selectFrom('advisers').select('role').execute();
      await opened.close();
      return roles;
    };
    expect(await rolesOf(db)).toEqual([{ role: 'adviser' }]);

    const managed = join(t.dir, 'manager.waymark');
    const init = ['init', '--db', managed, '--adviser', 'Mo Manager', '--role', 'manager'];
    expect((await runCli(init, { env })).code).toBe(0);
    const run = await runCli(['set-role', '--db', managed, '--role', 'adviser'], { env });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ adviser: 'Mo Manager', role: 'adviser' });
    expect(await rolesOf(managed)).toEqual([{ role: 'adviser' }]);
  }, 60_000);
});
