import type { Session } from '../../app/session';
import type { Handlers } from '../router';

export const betterOffHandlers = (
  session: Session,
): Pick<Handlers, Extract<keyof Handlers, `betterOff:${string}`>> => {
  const svc = () => session.require().services.betterOff;
  return {
    'betterOff:calculate': ({ household }) => svc().calculate(household),
    'betterOff:prefill': ({ participantId }) => svc().prefill(participantId),
    'betterOff:save': ({ participantId, household, label, explainedOn }) =>
      svc().save(participantId, household, { label, explainedOn }),
    'betterOff:list': ({ participantId }) => svc().list(participantId),
    'betterOff:get': ({ id }) => svc().get(id),
  };
};
