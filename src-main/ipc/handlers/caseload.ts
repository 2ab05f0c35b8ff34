import type { Session } from '../../app/session';
import type { Handlers } from '../router';

type Channels = 'caseload:list' | `participant:${string}`;

export const caseloadHandlers = (
  session: Session,
): Pick<Handlers, Extract<keyof Handlers, Channels>> => {
  const svc = () => session.require().services.participants;
  return {
    // A bulk read (up to 1,000 names and NI numbers): audited with counts, never the search.
    'caseload:list': async (q) => {
      const page = await svc().list(q);
      await session.require().services.wp.transaction((w) =>
        w.audit('caseload.list', 'caseload', null, {
          via: 'app',
          rows: page.rows.length,
          offset: page.offset,
          total: page.total,
        }),
      );
      return page;
    },
    'participant:create': (referral) => svc().create(referral),
    'participant:get': ({ id }) => svc().get(id),
    'participant:update': ({ id, expectedVersion, referral }) =>
      svc().update(id, expectedVersion, referral),
    'participant:setStatus': (change) => svc().setStatus(change),
    'participant:timeline': ({ id }) => svc().timeline(id),
  };
};
