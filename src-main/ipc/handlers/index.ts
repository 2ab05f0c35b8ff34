/** Every channel's handler. `satisfies Handlers` makes a missing or mistyped one fail tsc. */
import type { Session } from '../../app/session';
import type { Handlers } from '../router';
import { sessionHandlers } from './session';
import { caseloadHandlers } from './caseload';
import { referralImportHandlers } from './referral-import';
import { documentHandlers } from './documents';
import { betterOffHandlers } from './better-off';
import { obligationHandlers } from './obligations';
import { planHandlers } from './plans';
import { meetingHandlers } from './meetings';
import { diaryHandlers } from './diary';
import { desktopHandlers } from './desktop';
import { syncHandlers } from './sync';
import { reportHandlers } from './reports';
import { auditHandlers } from './audit';
import { complaintHandlers } from './complaints';
import { youToldUsHandlers } from './you-told-us';
import { centralReportHandlers, surveyHandlers } from './surveys';
import { statusWorkHandlers } from './status-work';
import { backupHandlers } from './backup';
import { subjectAccessHandlers } from './subject-access';
import { retentionHandlers } from './retention';

export function createHandlers(session: Session): Handlers {
  const handlers = {
    ...sessionHandlers(session),
    ...caseloadHandlers(session),
    ...referralImportHandlers(session),
    ...documentHandlers(session),
    ...betterOffHandlers(session),
    ...obligationHandlers(session),
    ...planHandlers(session),
    ...meetingHandlers(session),
    ...diaryHandlers(session),
    ...desktopHandlers(session),
    ...syncHandlers(session),
    ...reportHandlers(session),
    ...auditHandlers(session),
    ...complaintHandlers(session),
    ...youToldUsHandlers(session),
    ...surveyHandlers(session),
    ...centralReportHandlers(session),
    ...statusWorkHandlers(session),
    ...backupHandlers(session),
    ...subjectAccessHandlers(session),
    ...retentionHandlers(session),
  } satisfies Handlers;
  return handlers;
}
