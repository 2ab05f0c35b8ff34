import type { Session } from '../../app/session';
import { YouToldUsService } from '../../services/complaints/you-told-us-service';
import type { Handlers } from '../router';

/** "You told us, we did" for managers: the service refuses any other role as well as the router. */
export const youToldUsHandlers = (
  session: Session,
): Pick<Handlers, Extract<keyof Handlers, `youToldUs:${string}`>> => {
  const log = () => {
    const { services } = session.require();
    return new YouToldUsService(services.wp, services.profiles);
  };
  return {
    'youToldUs:list': () => log().list(),
    'youToldUs:get': ({ id }) => log().get(id),
    'youToldUs:save': (input) => log().save(input),
    'youToldUs:poster': ({ action }) => log().deliverPoster(session.desktop, action),
  };
};
