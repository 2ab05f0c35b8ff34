/**
 * A manager's saved profile copy as a stored row (the device's `charter_profiles` table and the
 * central store's `charter_profile` records share this shape) and as the resolver's version.
 * One mapping, so the device and the central report read copies the same way.
 */
import { charterProfileSchema } from './profile';
import type { ProfileCopyVersion } from './governing-profile';

export interface CopyRowFields {
  id: string;
  version: number;
  based_on: string;
  saved_at: string;
  saved_by: string;
  /** The profile as JSON. */
  body: string;
}

export function copyVersionFromRow(row: CopyRowFields): ProfileCopyVersion {
  // Stored bodies were validated on save; parsing again keeps a hand-edited row from slipping in.
  return {
    id: row.id,
    version: row.version,
    basedOn: row.based_on,
    savedAt: row.saved_at,
    savedBy: row.saved_by,
    profile: charterProfileSchema.parse(JSON.parse(row.body)),
  };
}

/** Every copy's versions, oldest first, by copy id (a CopyVersions). */
export function copyVersionsFromRows(
  rows: Iterable<CopyRowFields>,
): Map<string, ProfileCopyVersion[]> {
  const out = new Map<string, ProfileCopyVersion[]>();
  for (const row of rows) {
    const list = out.get(row.id) ?? [];
    list.push(copyVersionFromRow(row));
    out.set(row.id, list);
  }
  for (const list of out.values()) list.sort((a, b) => a.version - b.version);
  return out;
}
