/** The providers' charter profiles over IPC: the shipped ones and a manager's saved copies. */
import { z } from 'zod';
import { channel, returns } from '../define';
import { charterProfileSchema, type CharterProfile } from '../../domain/charter/profile';

export interface ProfileSummary {
  id: string;
  name: string;
  description: string;
  kind: 'shipped' | 'copy';
  /** 0 for a shipped profile. */
  version: number;
  basedOn: string | null;
  savedAt: string | null;
  savedBy: string | null;
}

export interface ProfileList {
  /** Whether the adviser using the app is a manager (and so may save copies). */
  canEdit: boolean;
  profiles: ProfileSummary[];
}

export interface ProfileDetail extends ProfileSummary {
  profile: CharterProfile;
}

export const profileId = z
  .string()
  .max(60)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Not a profile id');

export const profileSaveSchema = z
  .object({
    /** The profile copied from: a shipped id or an existing copy. */
    basedOn: profileId,
    /** Required when changing an existing copy: the version the manager started from. */
    expectedVersion: z.number().int().min(1).optional(),
    profile: charterProfileSchema,
  })
  .strict();
export type ProfileSave = z.output<typeof profileSaveSchema>;

export const profileChannels = {
  'profiles:list': channel(z.object({}).strict(), returns<ProfileList>()),
  'profiles:get': channel(z.object({ id: profileId }).strict(), returns<ProfileDetail>()),
  'profiles:saveCopy': channel(profileSaveSchema, returns<ProfileDetail>()),
};
