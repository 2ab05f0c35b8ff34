import type { Session } from '../../app/session';
import type { Handlers } from '../router';

type Channels = `plan:${string}`;

export const planHandlers = (
  session: Session,
): Pick<Handlers, Extract<keyof Handlers, Channels>> => {
  const svc = () => session.require().services.plans;
  return {
    'plan:get': ({ participantId }) => svc().view(participantId),
    'plan:saveDraft': ({ participantId, content, expectedRevision }) =>
      svc().saveDraft(participantId, content, expectedRevision),
    'plan:startReview': ({ participantId }) => svc().startReview(participantId),
    'plan:discardDraft': async ({ participantId, expectedRevision }) => {
      await svc().discardDraft(participantId, expectedRevision);
      return null;
    },
    'plan:agree': ({ participantId, expectedRevision, agreement }) =>
      svc().agree(participantId, expectedRevision, agreement),
    'plan:version': ({ versionId }) => svc().version(versionId),
    'plan:saveReferral': ({ participantId, referral, existing }) =>
      svc().saveReferral(participantId, referral, existing),
    'plan:healthDecision': ({ participantId, decision }) =>
      svc().recordHealthDecision(participantId, decision),
  };
};
