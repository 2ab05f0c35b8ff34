/** The charter profiles Waymark ships (resources/profiles), checked against the profile schema. */
import workProgramme from '../../../resources/profiles/work-programme.json' with { type: 'json' };
import noOneLeftBehind from '../../../resources/profiles/no-one-left-behind.json' with { type: 'json' };
import { charterProfileSchema, type CharterProfile } from './profile';

let shipped: ReadonlyMap<string, CharterProfile> | undefined;

export function shippedProfiles(): ReadonlyMap<string, CharterProfile> {
  shipped ??= new Map(
    [workProgramme, noOneLeftBehind].map((json) => {
      const profile = charterProfileSchema.parse(json);
      return [profile.id, profile] as const;
    }),
  );
  return shipped;
}

export function shippedProfile(id: string): CharterProfile | undefined {
  return shippedProfiles().get(id);
}
