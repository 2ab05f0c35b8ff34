/** Every channel's handler. `satisfies Handlers` makes a missing or mistyped one fail tsc. */
import type { Session } from '../../app/session';
import type { Handlers } from '../router';
import { sessionHandlers } from './session';
import { caseloadHandlers } from './caseload';
import { referralImportHandlers } from './referral-import';

export function createHandlers(session: Session): Handlers {
  const handlers = {
    ...sessionHandlers(session),
    ...caseloadHandlers(session),
    ...referralImportHandlers(session),
  } satisfies Handlers;
  return handlers;
}
