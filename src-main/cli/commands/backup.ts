/**
 * backup, restore, recover and recovery-key: the same services as the app's Backup and recovery
 * screen. Secrets come from the environment or a prompt that does not echo (io.ts):
 * WAYMARK_PASSPHRASE, WAYMARK_RECOVERY_KEY, WAYMARK_NEW_PASSPHRASE.
 */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { dataPathsFor } from '../../app/data-paths';
import { startServices } from '../../app/session';
import { openDatabase } from '../../db/open';
import { Vault } from '../../vault/vault';
import { restoreBackup } from '../../services/protection/backup';
import { backupNow } from '../../services/protection/backup-schedule';
import { verifyAuditLog } from '../../services/protection/audit-verify';
import { PASSPHRASE_MIN } from '@shared/ipc/channels/session';
import { CliError, EXIT, kdfCostFromEnv, passphrase, withCaseload, writeJson } from '../io';

async function newPassphrase(): Promise<string> {
  const next = await passphrase('New passphrase: ', 'WAYMARK_NEW_PASSPHRASE');
  if (next.length < PASSPHRASE_MIN)
    throw new CliError(
      EXIT.invalidInput,
      `The passphrase must be at least ${PASSPHRASE_MIN} characters`,
    );
  return next;
}

const vaultFor = (db: string) =>
  new Vault({ file: dataPathsFor(resolve(db)).keyFile, kdfCost: kdfCostFromEnv() });

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description('write an encrypted backup of the caseload (with its key file) to a folder')
    .requiredOption('--db <file>', 'caseload file')
    .requiredOption('--to <folder>', 'folder to write the backup in, for example a USB stick')
    .action(async (o: { db: string; to: string }) =>
      withCaseload(o.db, async (u) => {
        const made = await backupNow(u, vaultFor(o.db), new Date(), resolve(o.to), 'cli');
        writeJson(made);
      }),
    );

  program
    .command('restore')
    .description('restore a backup where there is no caseload yet (a new computer), and check it')
    .requiredOption('--from <backup>', 'the .wmbackup file')
    .requiredOption('--db <file>', 'where the restored caseload goes')
    .option('--recovery-key', 'open it with the recovery key and set a new passphrase')
    .action(async (o: { from: string; db: string; recoveryKey?: boolean }) => {
      const secret = o.recoveryKey
        ? {
            recoveryKey: await passphrase('Recovery key: ', 'WAYMARK_RECOVERY_KEY'),
            newPassphrase: await newPassphrase(),
          }
        : { passphrase: await passphrase() };
      const opened = await restoreBackup(resolve(o.from), dataPathsFor(resolve(o.db)), secret, {
        kdfCost: kdfCostFromEnv(),
      });
      try {
        const u = await startServices(opened, () => new Date());
        await u.services.wp.transaction((w) =>
          w.audit('backup.restore', 'backup', null, {
            with: o.recoveryKey ? 'recovery-key' : 'passphrase',
            via: 'cli',
          }),
        );
        const check = await verifyAuditLog(u.services.wp.db);
        const participants = (
          opened.raw.prepare('SELECT count(*) AS n FROM participants').get() as { n: number }
        ).n;
        writeJson({ restored: o.db, participants, auditEntries: check.entries, auditOk: check.ok });
      } finally {
        await opened.close();
      }
    });

  program
    .command('recover')
    .description('forgotten passphrase: open the caseload with its recovery key and set a new one')
    .requiredOption('--db <file>', 'caseload file')
    .action(async (o: { db: string }) => {
      const vault = vaultFor(o.db);
      if (!vault.exists())
        throw new CliError(EXIT.notFound, `No Waymark caseload at ${o.db} (run init first)`);
      const code = await passphrase('Recovery key: ', 'WAYMARK_RECOVERY_KEY');
      const key = await vault.recover(code, await newPassphrase());
      let opened;
      try {
        opened = await openDatabase({ file: dataPathsFor(resolve(o.db)).database, key });
      } finally {
        key.fill(0);
      }
      try {
        const u = await startServices(opened, () => new Date());
        await u.services.wp.transaction((w) =>
          w.audit('session.recover', 'session', null, { via: 'cli' }),
        );
      } finally {
        await opened.close();
      }
      writeJson({ recovered: o.db, passphrase: 'changed' });
    });

  program
    .command('recovery-key')
    .description('make a new recovery key (the old one stops working) and print it once')
    .requiredOption('--db <file>', 'caseload file')
    .action(async (o: { db: string }) =>
      withCaseload(o.db, async (u) => {
        const code = await vaultFor(o.db).replaceRecoveryKey(await passphrase());
        await u.services.wp.transaction((w) =>
          w.audit('session.recovery-key-replace', 'session', null, { via: 'cli' }),
        );
        writeJson({ recoveryKey: code });
      }),
    );
}
