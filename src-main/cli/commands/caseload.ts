import { resolve } from 'node:path';
import type { Command } from 'commander';
import { dataPathsFor } from '../../app/data-paths';
import { initialiseCaseload } from '../../app/session';
import { exportSubjectAccess } from '../../services/protection/subject-access';
import { verifyAuditLog } from '../../services/protection/audit-verify';
import {
  CliError,
  EXIT,
  kdfCostFromEnv,
  passphrase,
  withCaseload,
  writeJson,
  writeLine,
} from '../io';
import { PASSPHRASE_MIN } from '@shared/ipc/channels/session';
import { isCivilDate } from '@shared/domain/calendar/civil-date';
import { ADVISER_ROLES, type AdviserRole } from '@shared/ipc/access';

export function registerCaseloadCommands(program: Command): void {
  program
    .command('init')
    .description('create a new encrypted caseload')
    .requiredOption('--db <file>', 'caseload file')
    .option('--adviser <name>', 'the adviser who owns it', 'Administrator')
    .option('--role <role>', `the user's role: ${ADVISER_ROLES.join(' | ')}`, 'adviser')
    .action(async (o: { db: string; adviser: string; role: string }) => {
      if (!(ADVISER_ROLES as readonly string[]).includes(o.role))
        throw new CliError(
          EXIT.invalidInput,
          `--role: expected one of ${ADVISER_ROLES.join(', ')}`,
        );
      const pass = await passphrase('New passphrase: ');
      if (pass.length < PASSPHRASE_MIN)
        throw new CliError(
          EXIT.invalidInput,
          `The passphrase must be at least ${PASSPHRASE_MIN} characters`,
        );
      const opened = await initialiseCaseload(dataPathsFor(resolve(o.db)), o.adviser, pass, {
        kdfCost: kdfCostFromEnv(),
        role: o.role as AdviserRole,
      });
      await opened.close();
      writeLine(`Created ${o.db}`);
      // Shown once: only its wrap of the database key is stored.
      writeLine(`Recovery key (write it down and keep it safe; it is not shown again):`);
      writeLine(opened.recoveryKey);
    });

  program
    .command('list')
    .description('list the caseload')
    .requiredOption('--db <file>', 'caseload file')
    .option('--json', 'print JSON')
    .option('--search <text>', 'only participants matching this', '')
    .action(async (o: { db: string; json?: boolean; search: string }) =>
      withCaseload(o.db, async ({ services }) => {
        const rows = [];
        for (let offset = 0; ; offset += 1000) {
          const page = await services.participants.list({ search: o.search, offset, limit: 1000 });
          rows.push(...page.rows);
          if (rows.length >= page.total) break;
        }
        await services.wp.transaction((w) =>
          w.audit('caseload.list', 'caseload', null, { via: 'cli', rows: rows.length }),
        );
        if (o.json) writeJson(rows);
        else
          for (const r of rows) writeLine(`${r.referralId}\t${r.name}\t${r.status}\t${r.postcode}`);
      }),
    );

  program
    .command('export')
    .description('subject-access export of one participant, as JSON')
    .requiredOption('--db <file>', 'caseload file')
    .requiredOption('--participant <id>', 'participant id or referral id')
    .option('--requested-on <date>', 'the day the request was received (default today)')
    .action(async (o: { db: string; participant: string; requestedOn?: string }) => {
      if (o.requestedOn !== undefined && !isCivilDate(o.requestedOn))
        throw new CliError(EXIT.invalidInput, '--requested-on: enter a real date as YYYY-MM-DD');
      await withCaseload(o.db, async ({ services }) => {
        writeJson(
          await exportSubjectAccess(services, o.participant, { requestedOn: o.requestedOn }),
        );
      });
    });

  program
    .command('audit-verify')
    .description('check the audit log hash chain')
    .requiredOption('--db <file>', 'caseload file')
    .action(async (o: { db: string }) =>
      withCaseload(o.db, async ({ services }) => {
        const result = await verifyAuditLog(services.wp.db);
        writeJson(result);
        if (!result.ok)
          throw new CliError(
            EXIT.verifyFailed,
            `The audit log has been tampered with at entry ${result.brokenAt}: ${result.problem}`,
          );
      }),
    );
}
