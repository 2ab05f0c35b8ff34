import type { Session } from '../../app/session';
import type { Handlers } from '../router';

/** The bytes always come from the caseload (a logged letter, a batch), never from the renderer. */
export const desktopHandlers = (
  session: Session,
): Pick<Handlers, Extract<keyof Handlers, `desktop:${string}`>> => {
  const docs = () => session.require().services.documents;
  return {
    'desktop:document': ({ letterId, action }) =>
      docs().deliverDocument(letterId, action, session.desktop),
    'desktop:batchFile': ({ batchId, action, index }) =>
      docs().batchFileAction(batchId, action, index, session.desktop),
  };
};
