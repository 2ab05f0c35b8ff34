import type { Command } from 'commander';
import { registerCaseloadCommands } from './caseload';
import { registerImportCommands } from './referral-import';
import { registerSeedCommands } from './seed-demo';
import { registerBetterOffCommands } from './better-off';
import { registerObligationsCommands } from './obligations';

/** Each area registers its own commands; add one line per area. */
export function registerCommands(program: Command): void {
  registerCaseloadCommands(program);
  registerImportCommands(program);
  registerSeedCommands(program);
  registerBetterOffCommands(program);
  registerObligationsCommands(program);
}
