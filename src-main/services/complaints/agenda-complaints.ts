/**
 * The agenda a role sees: overdue complaint responses join a manager's agenda like any other
 * obligation; other roles' agendas never carry them (complaints are for the role that handles them).
 */
import type { Services } from '../../app/services';
import { ComplaintService } from './complaint-service';
import type { AdviserRole } from '@shared/ipc/access';
import type { Agenda } from '@shared/ipc/channels/agenda';

type AgendaSources = Pick<Services, 'wp' | 'profiles' | 'obligations'>;

export async function agendaForRole(
  services: AgendaSources,
  role: AdviserRole | null,
  span: 'day' | 'week',
  date?: string,
): Promise<Agenda> {
  const agenda = await (span === 'day'
    ? services.obligations.day(date)
    : services.obligations.week(date));
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
