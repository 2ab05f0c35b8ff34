import type { Session } from '../../app/session';
import type { Handlers } from '../router';

type SessionChannels = Extract<keyof Handlers, `session:${string}`>;

export const sessionHandlers = (session: Session): Pick<Handlers, SessionChannels> => ({
  'session:status': () => session.status(),
  'session:setup': ({ adviserName, passphrase }) => session.setup(adviserName, passphrase),
  'session:unlock': ({ passphrase }) => session.unlock(passphrase),
  'session:lock': () => session.lock('adviser'),
  'session:activity': () => {
    session.touch();
    return null;
  },
  'session:changePassphrase': async ({ current, next }) => {
    await session.changePassphrase(current, next);
    return null;
  },
  'session:setAutoLock': ({ minutes }) => session.setAutoLock(minutes),
});
