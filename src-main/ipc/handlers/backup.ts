import type { Session } from '../../app/session';
import type { Handlers } from '../router';
import {
  backupNow,
  backupSettings,
  configureBackups,
} from '../../services/protection/backup-schedule';

type BackupChannels = Extract<keyof Handlers, `backup:${string}` | `recovery:${string}`>;

export const backupHandlers = (session: Session): Pick<Handlers, BackupChannels> => ({
  'backup:status': () => backupSettings(session.require()),
  'backup:configure': async ({ folder, everyDays }) => {
    const u = session.require();
    await configureBackups(u, folder, everyDays);
    return backupSettings(u);
  },
  'backup:now': async ({ folder }) => {
    const made = await backupNow(session.require(), session.vault, new Date(), folder);
    return { fileName: made.fileName, bytes: made.bytes, at: made.at };
  },
  'backup:restore': ({ file, passphrase }) => session.restore(file, { passphrase }),
  'recovery:unlock': ({ recoveryKey, next }) => session.recover(recoveryKey, next),
  'recovery:replace': async ({ passphrase }) => ({
    recoveryKey: await session.replaceRecoveryKey(passphrase),
  }),
});
