import type { Session } from '../../app/session';
import type { Handlers } from '../router';

export const documentHandlers = (
  session: Session,
): Pick<Handlers, Extract<keyof Handlers, `documents:${string}`>> => {
  const svc = () => session.require().services.documents;
  return {
    'documents:preview': (input) => svc().previewLetter(input),
    'documents:offers': ({ participantId }) => svc().letterOffers(participantId),
    'documents:issue': (input) => svc().issue(input, session.desktop),
    'documents:reprint': ({ letterId, method }) => svc().reprint(letterId, method),
    'documents:log': ({ participantId }) => svc().log(participantId),
    'documents:batchStart': (input) => svc().startBatch(input),
    'documents:batchProgress': ({ batchId }) => svc().batchProgress(batchId),
    'documents:batchCancel': ({ batchId }) => svc().batchCancel(batchId),
    'documents:batchFile': ({ batchId, index }) => svc().batchFile(batchId, index),
    'documents:templates': () => svc().listTemplates(),
    'documents:templateSave': (input) => svc().saveTemplate(input),
    'documents:due': () => svc().dueLetters(),
  };
};
