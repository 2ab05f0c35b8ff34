import type { Session } from '../../app/session';
import { runDesktopAction } from '../../app/desktop';
import type { Handlers } from '../router';

/** The bytes always come from the caseload (a logged letter, a batch), never from the renderer. */
export const desktopHandlers = (
  session: Session,
): Pick<Handlers, Extract<keyof Handlers, `desktop:${string}`>> => {
  const docs = () => session.require().services.documents;
  return {
    'desktop:document': async ({ letterId, action }) => {
      const file = await docs().documentFile(letterId);
      const done = await runDesktopAction(session.desktop, action, file.bytes, file);
      return { action, done, fileName: file.fileName, identical: file.identical };
    },
    'desktop:batchFile': ({ batchId, action, index }) =>
      docs().batchFileAction(batchId, action, index, session.desktop),
  };
};
