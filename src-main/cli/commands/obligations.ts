import type { Command } from 'commander';
import { calendarsFrom } from '@shared/domain/calendar/shipped-calendars';
import { isCivilDate } from '@shared/domain/calendar/civil-date';
import { computeObligations } from '@shared/domain/charter/compute-obligations';
import {
  ObligationsInputError,
  parseObligationsInput,
} from '@shared/domain/charter/obligations-input';
import { ADVISER_ROLES, type AdviserRole } from '@shared/schemas/meeting';
import { findByReferralId } from '../../db/repositories/participants';
import { CliError, EXIT, readStdin, withCaseload, writeJson } from '../io';

async function fromStdin(): Promise<void> {
  let json: unknown;
  try {
    json = JSON.parse(await readStdin());
  } catch (error) {
    throw new CliError(
      EXIT.invalidInput,
      `The input is not JSON: ${error instanceof Error ? error.message : 'unreadable'}`,
    );
  }
  try {
    writeJson(computeObligations(parseObligationsInput(json), calendarsFrom()));
  } catch (error) {
    if (error instanceof ObligationsInputError)
      throw new CliError(EXIT.invalidInput, error.message);
    throw error;
  }
}

/**
 * `obligations`: the engine over JSON on stdin (shared/domain/obligations-format.md), or with
 * --db over a real caseload (each participant with their own profile and nation), printing the
 * same output form. `set-role`: how a caseload's adviser is made a manager (who may edit
 * charter profiles) — deliberately not offered in the app itself.
 */
export function registerObligationsCommands(program: Command): void {
  program
    .command('obligations')
    .description(
      'compute charter obligations from JSON facts on stdin, or from a caseload with --db; prints JSON',
    )
    .option('--db <file>', 'caseload file (the passphrase comes from WAYMARK_PASSPHRASE)')
    .option('--today <date>', 'the day to compute for (YYYY-MM-DD; default today in London)')
    .option('--participant <id>', 'only this participant (id or referral id)')
    .action(async (o: { db?: string; today?: string; participant?: string }) => {
      if (!o.db) {
        if (o.today || o.participant)
          throw new CliError(EXIT.usage, '--today and --participant need --db');
        return fromStdin();
      }
      if (o.today !== undefined && !isCivilDate(o.today))
        throw new CliError(EXIT.invalidInput, '--today: expected a real date as YYYY-MM-DD');
      await withCaseload(o.db, async ({ services }) => {
        let ids: string[] | undefined;
        if (o.participant !== undefined) {
          const byId = await services.wp.db
            .selectFrom('participants')
            .select('id')
            .where('id', '=', o.participant)
            .executeTakeFirst();
          const found = byId ?? (await findByReferralId(services.wp.db, o.participant));
          if (!found) throw new CliError(EXIT.notFound, '--participant: no such participant');
          ids = [found.id];
        }
        writeJson({ obligations: await services.obligations.caseload({ ids, today: o.today }) });
      });
    });

  program
    .command('set-role')
    .description("set the caseload adviser's role (a manager may edit charter profiles)")
    .requiredOption('--db <file>', 'caseload file')
    .requiredOption('--role <role>', ADVISER_ROLES.join(' | '))
    .action(async (o: { db: string; role: string }) => {
      if (!(ADVISER_ROLES as readonly string[]).includes(o.role))
        throw new CliError(
          EXIT.invalidInput,
          `--role: expected one of ${ADVISER_ROLES.join(', ')}`,
        );
      await withCaseload(o.db, async ({ services, actor }) => {
        await services.profiles.setRole(o.role as AdviserRole);
        writeJson({ adviser: actor.name, role: o.role });
      });
    });
}
