import type { Session } from '../../app/session';
import type { Handlers } from '../router';
import { RetentionService } from '../../services/protection/retention';

type Channels = Extract<keyof Handlers, `retention:${string}`>;

/** Retention and erasure for managers: the router checks the role, and so does the service. */
export const retentionHandlers = (session: Session): Pick<Handlers, Channels> => {
  const service = () => {
    const { services } = session.require();
    return new RetentionService(services.wp, services.profiles);
  };
  return {
    'retention:list': () => service().pastRetention(),
    'retention:holds': () => service().holds(),
    'retention:participant': ({ participantId }) => service().forParticipant(participantId),
    'retention:placeHold': (input) => service().placeHold(input),
    'retention:liftHold': async (input) => {
      await service().liftHold(input);
      return { lifted: true as const };
    },
    'retention:apply': ({ action, participantIds }) => service().bulk(action, participantIds),
    'retention:eraseOnRequest': (input) => service().eraseOnRequest(input),
  };
};
