import type { Session } from '../../app/session';
import type { Handlers } from '../router';

type Channels = `meetings:${string}`;

export const meetingHandlers = (
  session: Session,
): Pick<Handlers, Extract<keyof Handlers, Channels>> => {
  const services = () => session.require().services;
  return {
    'meetings:overview': ({ participantId }) => services().meetings.overview(participantId),
    'meetings:log': (input) => services().meetings.log(input),
    'meetings:decide': (input) => services().meetings.decide(input),
    'meetings:contact': (input) => services().contacts.record(input),
    'meetings:claimTravel': (input) => services().travelClaims.claim(input),
    'meetings:claimStatus': (input) => services().travelClaims.setStatus(input),
    'meetings:lifeEvent': (input) => services().lifeEvents.record(input),
  };
};
