import type { Command } from 'commander';
import { seedDemoCaseload } from '../../services/demo-caseload';
import { londonDate } from '@shared/domain/identity/civil-date';
import { CliError, EXIT, withCaseload, writeJson } from '../io';

export function registerSeedCommands(program: Command): void {
  program
    .command('seed-demo')
    .description('fill a caseload with a deterministic demo caseload')
    .requiredOption('--db <file>', 'caseload file')
    .requiredOption('--participants <n>', 'how many participants')
    .option('--seed <n>', 'random seed', '20261123')
    .option('--today <date>', 'the last day of the two years of history (YYYY-MM-DD)')
    .action(async (o: { db: string; participants: string; seed: string; today?: string }) => {
      const n = Number(o.participants);
      if (!Number.isInteger(n) || n < 1 || n > 200_000)
        throw new CliError(EXIT.usage, '--participants must be a whole number from 1 to 200000');
      await withCaseload(o.db, async ({ services }) => {
        const created = await seedDemoCaseload(services, {
          participants: n,
          seed: Number(o.seed),
          today: o.today ?? londonDate(new Date()),
        });
        writeJson({ created });
      });
    });
}
