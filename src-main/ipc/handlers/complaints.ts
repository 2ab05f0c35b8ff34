import type { Session } from '../../app/session';
import { ComplaintService } from '../../services/complaints/complaint-service';
import { deliverComplaintLetter } from '../../services/complaints/complaint-letters';
import type { Handlers } from '../router';

/** Complaints for managers: the service refuses any other role as well as the router. */
export const complaintHandlers = (
  session: Session,
): Pick<Handlers, Extract<keyof Handlers, `complaints:${string}`>> => {
  const open = () => {
    const { services } = session.require();
    return { services, complaints: new ComplaintService(services.wp, services.profiles) };
  };
  return {
    'complaints:canHandle': (_input, { role }) => ({ canHandle: role === 'manager' }),
    'complaints:list': () => open().complaints.openList(),
    'complaints:overdue': () => open().complaints.overdue(),
    'complaints:get': ({ id }) => open().complaints.open(id),
    'complaints:record': (input) => open().complaints.record(input),
    'complaints:acknowledge': ({ id, on }) => open().complaints.acknowledge(id, on),
    'complaints:respond': ({ id, on, response }) => open().complaints.respond(id, on, response),
    'complaints:escalate': ({ id, on }) => open().complaints.escalate(id, on),
    'complaints:close': ({ id, on, outcome, lessons }) =>
      open().complaints.close(id, on, outcome, lessons),
    'complaints:letter': (input) => {
      const { services, complaints } = open();
      return deliverComplaintLetter(complaints, services.wp, session.desktop, input);
    },
  };
};
