import type { Session } from '../../app/session';
import type { Handlers } from '../router';
import { subjectAccessDeadline } from '../../services/protection/subject-access';
import { deliverSubjectAccess } from '../../services/protection/subject-access-bundle';

type Channels = Extract<keyof Handlers, `subjectAccess:${string}`>;

export const subjectAccessHandlers = (session: Session): Pick<Handlers, Channels> => ({
  'subjectAccess:deadline': ({ requestedOn }) => subjectAccessDeadline(requestedOn),
  'subjectAccess:export': (input) =>
    deliverSubjectAccess(session.require().services, session.desktop, input),
});
