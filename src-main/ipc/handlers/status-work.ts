import type { Session } from '../../app/session';
import { runDesktopAction, safePdfName } from '../../app/desktop';
import { StatusWorkService } from '../../services/status-work/status-work';
import { handBackPdf } from '../../services/status-work/hand-back';
import type { Handlers } from '../router';

type StatusWorkChannel =
  | 'status:correct'
  | 'exemption:list'
  | 'exemption:record'
  | 'exitReview:list'
  | 'exitReview:record'
  | 'exitReview:handBack';

export const statusWorkHandlers = (session: Session): Pick<Handlers, StatusWorkChannel> => {
  const open = () => {
    const { services } = session.require();
    return { services, work: new StatusWorkService(services.wp, services.participants) };
  };
  return {
    'status:correct': (c) => open().work.correctStatus(c),
    'exemption:list': ({ participantId }) => open().work.exemptions(participantId),
    'exemption:record': (e) => open().work.recordExemption(e),
    'exitReview:list': ({ participantId }) => open().work.exitReviews(participantId),
    'exitReview:record': (r) => open().work.recordExitReview(r),
    'exitReview:handBack': async ({ participantId, reviewId, action }) => {
      const { services, work } = open();
      const bytes = await handBackPdf(services.wp, work, participantId, reviewId);
      const title = 'Hand-back summary for Jobcentre Plus';
      // The file name carries no personal data (it may be saved anywhere).
      const fileName = safePdfName(`Hand-back summary ${reviewId.slice(0, 8)}`);
      const done = await runDesktopAction(session.desktop, action, bytes, { fileName, title });
      return { action, done, fileName };
    },
  };
};
