/**
 * THE answer to "which charter profile governs this participant, as of this date": every screen,
 * letter, batch, report and the command line ask this one function (through
 * src-main/services/obligations/charter-profiles.ts, which loads the saved copies), so the
 * agenda, the plan screen, the meeting logger and a letter cannot disagree about a participant.
 *
 * The participant's record names a profile. A shipped profile is version 0. A manager's copy is
 * the latest version saved on or before the date asked about (a copy has no version before its
 * first save, so a date before it takes version 1). A name that is neither falls back to the
 * programme's default profile.
 */
import { londonDate } from '../identity/civil-date';
import type { CharterProfile } from './profile';
import { defaultProfileId } from './programme-profiles';
import { shippedProfile } from './shipped-profiles';

/** One saved version of a manager's copy. */
export interface ProfileCopyVersion {
  id: string;
  version: number;
  /** The profile it was copied from: a shipped id or another copy's. */
  basedOn: string;
  /** ISO instant of the save. */
  savedAt: string;
  savedBy: string;
  profile: CharterProfile;
}

/** A profile in force: the shipped one (version 0) or a saved version of a copy. */
export interface ResolvedProfile {
  profile: CharterProfile;
  version: number;
  /** The shipped profile this one is (0) or descends from, for wording only shipped ones have. */
  shippedBase: string;
}

/** What a participant's record says about their profile. */
export interface ProfileHolder {
  charterProfile: string;
  programme: string;
}

/** Each copy's versions, oldest first, by copy id. */
export type CopyVersions = ReadonlyMap<string, readonly ProfileCopyVersion[]>;

function shippedBaseOf(id: string, copies: CopyVersions): string {
  // A copy of a copy names its parent; following the chain ends at a shipped profile. The guard
  // stops a hand-edited loop rather than spinning.
  let at = id;
  for (let hops = 0; hops <= copies.size; hops++) {
    if (shippedProfile(at)) return at;
    const first = copies.get(at)?.[0];
    if (!first) break;
    at = first.basedOn;
  }
  return 'work-programme';
}

export function governingProfile(
  holder: ProfileHolder,
  asOf: string,
  copies: CopyVersions,
): ResolvedProfile {
  const shipped = shippedProfile(holder.charterProfile);
  if (shipped) return { profile: shipped, version: 0, shippedBase: shipped.id };
  const versions = copies.get(holder.charterProfile);
  if (versions && versions.length > 0) {
    const inForce =
      versions.filter((v) => londonDate(new Date(v.savedAt)) <= asOf).at(-1) ?? versions[0]!;
    return {
      profile: inForce.profile,
      version: inForce.version,
      shippedBase: shippedBaseOf(inForce.id, copies),
    };
  }
  const fallback = shippedProfile(defaultProfileId(holder.programme))!;
  return { profile: fallback, version: 0, shippedBase: fallback.id };
}
