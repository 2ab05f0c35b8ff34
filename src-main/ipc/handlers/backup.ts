import type { Session } from '../../app/session';
import type { Handlers } from '../router';
import {
  backupNowFromScreen,
  backupSettings,
  configureBackups,
} from '../../services/protection/backup-schedule';

type BackupChannels = Extract<keyof Handlers, `backup:${string}` | `recovery:${string}`>;

export const backupHandlers = (session: Session): Pick<Handlers, BackupChannels> => ({
  'backup:status': () => backupSettings(session.require()),
  'backup:configure': ({ folder, everyDays }) =>
    configureBackups(session.require(), folder, everyDays),
  'backup:now': ({ folder }) => backupNowFromScreen(session.require(), session.vault, folder),
  'backup:restore': ({ file, passphrase }) => session.restore(file, { passphrase }),
  'recovery:unlock': ({ recoveryKey, next }) => session.recover(recoveryKey, next),
  'recovery:replace': async ({ passphrase }) => ({
    recoveryKey: await session.replaceRecoveryKey(passphrase),
  }),
});
