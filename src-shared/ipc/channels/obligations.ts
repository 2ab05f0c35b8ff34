/**
 * Charter obligations over IPC. Every obligation shown carries the profile's name, the rule's
 * title and the promise it comes from, so the adviser (and a participant reading over their
 * shoulder) can see why it is owed. The agenda is agenda.ts; the profiles are profiles.ts.
 */
import { z } from 'zod';
import { channel, returns } from '../define';
import type { Obligation } from '../../domain/charter/obligation';

/** An obligation with the words that explain it. */
export interface ShownObligation extends Obligation {
  profileId: string;
  profileName: string;
  profileVersion: number;
  ruleTitle: string;
  /** The promise as the profile quotes it. */
  promise: string;
  source: string;
}

export interface ParticipantObligations {
  today: string;
  profile: { id: string; name: string; version: number };
  obligations: ShownObligation[];
}

const participantId = z.string().uuid('Not a participant id');

export const obligationChannels = {
  'obligations:forParticipant': channel(
    z.object({ participantId }).strict(),
    returns<ParticipantObligations>(),
  ),
};
