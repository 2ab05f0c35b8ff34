import type { Session } from '../../app/session';
import type { Handlers } from '../router';

export const syncHandlers = (
  session: Session,
): Pick<Handlers, Extract<keyof Handlers, `sync:${string}`>> => {
  const sync = () => session.require().services.sync;
  return {
    'sync:status': () => sync().view(),
    'sync:now': () => sync().syncNowAndView(),
    'sync:enrol': ({ server, code }) => sync().enrolAndView(server, code),
    'sync:conflicts': ({ participantId }) => sync().conflicts(participantId),
    'sync:participant': ({ participantId }) => sync().participant(participantId),
    'sync:caseload': () => sync().caseload(),
    'sync:resolve': ({ id, choice }) => sync().resolve(id, choice),
    'sync:discard-refused': ({ participantId }) => sync().discardRefused(participantId),
  };
};
