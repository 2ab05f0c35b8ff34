import { IMPORT_ERRORS_SHOWN } from '@shared/ipc/channels/import';
import type { Session } from '../../app/session';
import type { Handlers } from '../router';

export const referralImportHandlers = (
  session: Session,
): Pick<Handlers, Extract<keyof Handlers, `import:${string}`>> => {
  const svc = () => session.require().services.imports;
  return {
    'import:start': ({ fileName, content }) => svc().start(fileName, content),
    'import:progress': ({ importId }) => svc().progress(importId),
    'import:cancel': ({ importId }) => svc().cancel(importId),
    'import:errorReport': ({ importId }) => svc().errorReport(importId),
    'import:errors': ({ importId }) => svc().errorList(importId, IMPORT_ERRORS_SHOWN),
  };
};
