import type { Session } from '../../app/session';
import type { Handlers } from '../router';
import { agendaForRole } from '../../services/complaints/agenda-complaints';

type Channels = `obligations:${string}` | `agenda:${string}` | `profiles:${string}`;

export const obligationHandlers = (
  session: Session,
): Pick<Handlers, Extract<keyof Handlers, Channels>> => {
  const services = () => session.require().services;
  return {
    'obligations:forParticipant': ({ participantId }) =>
      services().obligations.forParticipant(participantId),
    'agenda:day': ({ date }, { role }) => agendaForRole(services(), role, 'day', date),
    'agenda:week': ({ date }, { role }) => agendaForRole(services(), role, 'week', date),
    'profiles:list': () => services().profiles.list(),
    'profiles:get': ({ id }) => services().profiles.get(id),
    'profiles:saveCopy': (input) => services().profiles.saveCopy(input),
  };
};
