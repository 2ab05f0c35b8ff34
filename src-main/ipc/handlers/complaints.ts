import type { Session } from '../../app/session';
import { runDesktopAction } from '../../app/desktop';
import { ComplaintService, complaintLetterPdf } from '../../services/complaints/complaint-service';
import type { Services } from '../../app/services';
import type { Handlers } from '../router';
import type { AdviserRole } from '@shared/ipc/access';
import type { Agenda } from '@shared/ipc/channels/agenda';

/**
 * Overdue complaint responses join a manager's agenda like any other obligation; other roles'
 * agendas never carry them (complaints are for the role that handles them).
 */
export async function overdueComplaintsOnAgenda(
  services: Services,
  role: AdviserRole | null,
  agenda: Agenda,
): Promise<Agenda> {
  if (role !== 'manager') return agenda;
  const overdue = await new ComplaintService(services.wp, services.profiles).overdue();
  return {
    ...agenda,
    complaintsOverdue: overdue.map((c) => {
      const stage = c.stages.at(-1)!;
      return { id: c.id, about: c.about, stageName: stage.name, responseDue: stage.responseDue! };
    }),
  };
}

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
    'complaints:letter': async ({ id, kind, action }) => {
      const { services, complaints } = open();
      const bytes = await complaintLetterPdf(complaints, services.wp, id, kind);
      const title = kind === 'acknowledgement' ? 'Complaint acknowledgement' : 'Complaint response';
      const fileName = `${title}.pdf`;
      const done = await runDesktopAction(session.desktop, action, bytes, { fileName, title });
      return { action, done, fileName };
    },
  };
};
