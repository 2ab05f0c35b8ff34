import type { Session } from '../../app/session';
import { StatusWorkService } from '../../services/status-work/status-work';
import { deliverHandBack } from '../../services/status-work/hand-back';
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
    'exitReview:handBack': (input) => {
      const { services, work } = open();
      return deliverHandBack(services.wp, work, session.desktop, input);
    },
  };
};
