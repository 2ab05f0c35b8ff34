import type { Command } from 'commander';
import { calendarsFrom } from '@shared/domain/calendar/shipped-calendars';
import { computeObligations } from '@shared/domain/charter/compute-obligations';
import {
  ObligationsInputError,
  parseObligationsInput,
} from '@shared/domain/charter/obligations-input';
import { CliError, EXIT, readStdin, writeJson } from '../io';

/** `obligations`: the engine over JSON on stdin (shared/domain/obligations-format.md). */
export function registerObligationsCommands(program: Command): void {
  program
    .command('obligations')
    .description('compute charter obligations from JSON facts on stdin; prints JSON')
    .action(async () => {
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
    });
}
