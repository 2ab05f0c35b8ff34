import type { Command } from 'commander';
import { seedDemoCaseload } from '../../demo/demo-caseload';
import { londonDate } from '@shared/domain/identity/civil-date';
import { CliError, EXIT, withCaseload, writeJson } from '../io';

export function registerSeedCommands(program: Command): void {
  program
    .command('seed-demo')
    .description(
      'fill an empty caseload with a deterministic demo: offices, diary, two years of meetings, plans and work',
    )
    .requiredOption('--db <file>', 'caseload file')
    .requiredOption('--participants <n>', 'how many participants')
    .option('--seed <n>', 'random seed', '20261123')
    .option('--today <date>', 'the last day of the two years of history (YYYY-MM-DD)')
    .action(async (o: { db: string; participants: string; seed: string; today?: string }) => {
      const n = Number(o.participants);
      if (!Number.isInteger(n) || n < 1 || n > 200_000)
        throw new CliError(EXIT.usage, '--participants must be a whole number from 1 to 200000');
      const seed = Number(o.seed);
      if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
        throw new CliError(EXIT.usage, '--seed must be a whole number from 0 to 4294967295');
      await withCaseload(o.db, async ({ services }) => {
        const summary = await seedDemoCaseload(services, {
          participants: n,
          seed,
          today: o.today ?? londonDate(new Date()),
        });
        writeJson(summary);
      });
    });
}
