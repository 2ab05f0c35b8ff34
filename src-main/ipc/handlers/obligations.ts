import type { Session } from '../../app/session';
import type { Handlers } from '../router';
import { overdueComplaintsOnAgenda } from './complaints';

type Channels = `obligations:${string}` | `agenda:${string}` | `profiles:${string}`;

export const obligationHandlers = (
  session: Session,
): Pick<Handlers, Extract<keyof Handlers, Channels>> => {
  const services = () => session.require().services;
  return {
    'obligations:forParticipant': ({ participantId }) =>
      services().obligations.forParticipant(participantId),
    'agenda:day': async ({ date }, { role }) =>
      overdueComplaintsOnAgenda(services(), role, await services().obligations.day(date)),
    'agenda:week': async ({ date }, { role }) =>
      overdueComplaintsOnAgenda(services(), role, await services().obligations.week(date)),
    'profiles:list': () => services().profiles.list(),
    'profiles:get': ({ id }) => services().profiles.get(id),
    'profiles:saveCopy': (input) => services().profiles.saveCopy(input),
  };
};
