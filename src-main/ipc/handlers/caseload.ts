import type { Session } from '../../app/session';
import type { Handlers } from '../router';

type Channels = 'caseload:list' | `participant:${string}`;

export const caseloadHandlers = (
  session: Session,
): Pick<Handlers, Extract<keyof Handlers, Channels>> => {
  const svc = () => session.require().services.participants;
  return {
    'caseload:list': (q) => svc().browse(q, session.require().services.obligations),
    'participant:create': (referral) => svc().create(referral),
    'participant:get': ({ id }) => svc().get(id),
    'participant:update': ({ id, expectedVersion, referral }) =>
      svc().update(id, expectedVersion, referral),
    'participant:setStatus': (change) => svc().setStatus(change),
    'participant:timeline': ({ id }) => svc().timeline(id),
  };
};
