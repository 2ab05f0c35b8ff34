import type { Session } from '../../app/session';
import { runDesktopAction } from '../../app/desktop';
import { YouToldUsService } from '../../services/complaints/you-told-us-service';
import type { Handlers } from '../router';

/** "You told us, we did" for managers: the service refuses any other role as well as the router. */
export const youToldUsHandlers = (
  session: Session,
): Pick<Handlers, Extract<keyof Handlers, `youToldUs:${string}`>> => {
  const open = () => {
    const { services } = session.require();
    return { services, log: new YouToldUsService(services.wp, services.profiles) };
  };
  return {
    'youToldUs:list': () => open().log.list(),
    'youToldUs:get': ({ id }) => open().log.get(id),
    'youToldUs:save': (input) => open().log.save(input),
    'youToldUs:poster': async ({ action }) => {
      const { services, log } = open();
      // The office names the organisation, as on the complaint letters.
      const office = await services.wp.db
        .selectFrom('offices')
        .select('name')
        .orderBy('name')
        .limit(1)
        .executeTakeFirst();
      const bytes = await log.posterPdf(office?.name ?? 'Our service');
      const title = 'You told us, we did';
      const fileName = `${title}.pdf`;
      const done = await runDesktopAction(session.desktop, action, bytes, { fileName, title });
      return { action, done, fileName };
    },
  };
};
