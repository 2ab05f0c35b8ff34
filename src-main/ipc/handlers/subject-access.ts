import type { Session } from '../../app/session';
import type { Handlers } from '../router';
import { AppError } from '../../errors';
import { runDesktopAction } from '../../app/desktop';
import { respondBy } from '../../services/protection/subject-access';
import { subjectAccessBundle } from '../../services/protection/subject-access-bundle';
import { londonDate } from '@shared/domain/identity/civil-date';

type Channels = Extract<keyof Handlers, `subjectAccess:${string}`>;

export const subjectAccessHandlers = (session: Session): Pick<Handlers, Channels> => ({
  'subjectAccess:deadline': ({ requestedOn }) => ({ respondBy: respondBy(requestedOn) }),
  'subjectAccess:export': async ({ participantId, requestedOn, format, action }) => {
    const { services } = session.require();
    if (requestedOn > londonDate(services.wp.now()))
      throw new AppError(
        'invalid-input',
        'The date the request was received must be today or in the past',
        'requestedOn',
      );
    const bundle = await subjectAccessBundle(services, participantId, requestedOn);
    const due = bundle.export.request.respondBy;
    if (format === 'json')
      return {
        respondBy: due,
        fileName: `${bundle.baseName}.json`,
        done: true,
        action: 'download' as const,
        content: bundle.json(),
      };
    const chosen = action ?? 'save';
    const fileName = `${bundle.baseName}.pdf`;
    const done = await runDesktopAction(session.desktop, chosen, await bundle.pdf(), {
      fileName,
      title: 'Subject access request',
    });
    return { respondBy: due, fileName, done, action: chosen };
  },
});
