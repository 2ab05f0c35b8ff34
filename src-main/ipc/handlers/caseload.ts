import type { Session } from '../../app/session';
import type { Handlers } from '../router';
import { matchesDueFilter } from '@shared/domain/charter/due-first';

type Channels = 'caseload:list' | `participant:${string}`;

export const caseloadHandlers = (
  session: Session,
): Pick<Handlers, Extract<keyof Handlers, Channels>> => {
  const svc = () => session.require().services.participants;
  return {
    // A bulk read (up to 1,000 names and NI numbers): audited with counts, never the search.
    'caseload:list': async (q) => {
      const { obligations } = session.require().services;
      let only: Set<string> | undefined;
      if (q.due) {
        const filter = q.due;
        const { due } = await obligations.dueSummaries();
        only = new Set([...due].filter(([, d]) => matchesDueFilter(d, filter)).map(([id]) => id));
      }
      const found = await svc().list(q, only);
      // What is due for the rows on this page only: the whole caseload is worked out only when
      // a due filter asks for it, so the first rows after unlock do not wait for 5,000 people.
      const { due } = await obligations.dueSummaries(found.rows.map((r) => r.id));
      const page = {
        ...found,
        rows: found.rows.map((r) => ({ ...r, due: due.get(r.id) ?? null })),
      };
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
