import type { Command } from 'commander';
import {
  BetterOffInputError,
  betterOff,
  explainBetterOff,
  RatesUnavailableError,
} from '@shared/domain/better-off';
import { CliError, EXIT, readStdin, writeJson } from '../io';

/** `better-off [--explain]`: the household JSON (better-off-format.md) on stdin, the budgets out. */
export function registerBetterOffCommands(program: Command): void {
  program
    .command('better-off')
    .description('better-off-in-work calculation: household JSON on stdin, result JSON on stdout')
    .option('--explain', 'add the working behind each figure and the rates version')
    .action(async (o: { explain?: boolean }) => {
      let raw: unknown;
      try {
        raw = JSON.parse(await readStdin());
      } catch (error) {
        throw new CliError(
          EXIT.invalidInput,
          `The input is not valid JSON (${error instanceof Error ? error.message : 'unreadable'})`,
        );
      }
      try {
        const { output, breakdown } = betterOff(raw);
        writeJson(
          o.explain
            ? {
                ...output,
                ratesVersion: breakdown.ratesVersion,
                explanation: explainBetterOff(breakdown),
              }
            : output,
        );
      } catch (error) {
        if (error instanceof BetterOffInputError || error instanceof RatesUnavailableError)
          throw new CliError(EXIT.invalidInput, error.message);
        throw error;
      }
    });
}
