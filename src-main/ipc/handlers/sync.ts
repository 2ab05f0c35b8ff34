import type { Session } from '../../app/session';
import type { Handlers } from '../router';
import { listConflicts, resolveConflict } from '../../sync/conflicts';

export const syncHandlers = (
  session: Session,
): Pick<Handlers, Extract<keyof Handlers, `sync:${string}`>> => {
  const services = () => session.require().services;
  return {
    'sync:status': () => services().sync.view(),
    'sync:now': async () => {
      const sync = services().sync;
      const outcome = await sync.syncNow();
      return {
        ok: outcome.ok,
        message: outcome.ok ? null : outcome.message,
        status: await sync.view(),
      };
    },
    'sync:enrol': async ({ server, code }) => {
      const sync = services().sync;
      const outcome = await sync.enrol(server, code);
      return {
        ok: outcome.ok,
        message: outcome.ok ? null : outcome.message,
        status: await sync.view(),
      };
    },
    'sync:conflicts': () => listConflicts(services().wp),
    'sync:resolve': async ({ id, choice }) => {
      await resolveConflict(services().wp, id, choice);
      return services().sync.view();
    },
  };
};
