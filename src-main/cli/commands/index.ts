import type { Command } from 'commander';
import { registerCaseloadCommands } from './caseload';
import { registerImportCommands } from './referral-import';
import { registerSeedCommands } from './seed-demo';
import { registerLetterCommands } from './letters';
import { registerObligationsCommands } from './obligations';
import { registerBetterOffCommands } from './better-off';
import { registerSyncCommands } from './sync';
import { registerReportCommands } from './report';
import { registerBackupCommands } from './backup';

/** Each area registers its own commands; add one line per area. */
export function registerCommands(program: Command): void {
  registerCaseloadCommands(program);
  registerImportCommands(program);
  registerSeedCommands(program);
  registerLetterCommands(program);
  registerObligationsCommands(program);
  registerBetterOffCommands(program);
  registerSyncCommands(program);
  registerReportCommands(program);
  registerBackupCommands(program);
}
