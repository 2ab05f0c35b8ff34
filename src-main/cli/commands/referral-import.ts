import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { withCaseload, writeJson, writePrivateFile } from '../io';

export function registerImportCommands(program: Command): void {
  program
    .command('import-referrals')
    .description('import a Jobcentre referral batch (CSV)')
    .requiredOption('--db <file>', 'caseload file')
    .option('--errors <file>', 'write the per-row error report here as CSV')
    .argument('<csv>', 'the referral CSV file')
    .action(async (csv: string, o: { db: string; errors?: string }) =>
      withCaseload(o.db, async ({ services }) => {
        const started = await services.imports.start(basename(csv), readFileSync(csv, 'utf8'));
        const done = await services.imports.finished(started.importId);
        if (o.errors) {
          writePrivateFile(o.errors, await services.imports.errorReport(done.importId));
        }
        writeJson(done);
      }),
    );
}
