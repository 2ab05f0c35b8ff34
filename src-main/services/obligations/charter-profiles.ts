/**
 * Charter profiles as data: the shipped ones (resources/profiles) and providers' copies a manager
 * saved in the app. A copy is checked against the same schema as the shipped profiles, every
 * saved version is kept, and each save goes through the write path (audit + journal). Only an
 * adviser whose role is 'manager' may save; roles are set from the command line (`set-role`).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import {
  copyExists,
  countCopyVersions,
  insertCopyVersion,
  latestCopyVersion,
  latestVersions,
  loadCopyVersions,
  toCopyVersion,
  type CopyRow,
} from '../../db/repositories/charter-profiles';
import { AppError, notFound } from '../../errors';
import type { WritePath } from '../../write-path/write-path';
import type { CharterProfile } from '@shared/domain/charter/profile';
import { shippedProfile, shippedProfiles } from '@shared/domain/charter/shipped-profiles';
import {
  governingProfile,
  type CopyVersions,
  type ProfileCopyVersion,
  type ProfileHolder,
  type ResolvedProfile,
} from '@shared/domain/charter/governing-profile';
import type { AdviserRole } from '@shared/schemas/meeting';
import type {
  ProfileDetail,
  ProfileList,
  ProfileSummary,
  ProfileSave,
} from '@shared/ipc/channels/profiles';

export { ADVISER_ROLES } from '@shared/schemas/meeting';
export type { ResolvedProfile } from '@shared/domain/charter/governing-profile';

/** Answers "which profile governs this holder on this date" over the copies loaded once. */
export type ProfileResolver = (holder: ProfileHolder, asOf: string) => ResolvedProfile;

function shippedSummary(p: CharterProfile): ProfileSummary {
  return {
    id: p.id,
    name: p.name,
    description: p.description,
    kind: 'shipped',
    version: 0,
    basedOn: null,
    savedAt: null,
    savedBy: null,
  };
}

function copyDetail(v: ProfileCopyVersion): ProfileDetail {
  return {
    id: v.id,
    name: v.profile.name,
    description: v.profile.description,
    kind: 'copy',
    version: v.version,
    basedOn: v.basedOn,
    savedAt: v.savedAt,
    savedBy: v.savedBy,
    profile: v.profile,
  };
}

/** The resolver over the copies as saved now (for one-off questions; the service caches). */
export async function profileResolver(db: Kysely<Database>): Promise<ProfileResolver> {
  const copies = await loadCopyVersions(db);
  return (holder, asOf) => governingProfile(holder, asOf, copies);
}

/** The profile governing one participant on `asOf`, read from their record. */
export async function governingProfileOf(
  db: Kysely<Database>,
  participantId: string,
  asOf: string,
): Promise<ResolvedProfile> {
  const p = await db
    .selectFrom('participants')
    .select(['charter_profile', 'programme'])
    .where('id', '=', participantId)
    .executeTakeFirst();
  if (!p) throw notFound('That participant');
  return (await profileResolver(db))(
    { charterProfile: p.charter_profile, programme: p.programme },
    asOf,
  );
}

export class ProfileService {
  /**
   * Every saved copy version with who saved each, and the row count it was read at: versions are
   * never deleted, so a different count (a save by this service, another service or a sync)
   * means reading them again.
   */
  private copies: { count: number; versions: CopyVersions } | null = null;

  constructor(private readonly wp: WritePath) {}

  private async loaded(): Promise<CopyVersions> {
    const count = await countCopyVersions(this.wp.db);
    if (this.copies?.count !== count)
      this.copies = { count, versions: await loadCopyVersions(this.wp.db) };
    return this.copies.versions;
  }

  /** The copies in force (latest versions), by id. */
  private async inForce(): Promise<Map<string, ProfileDetail>> {
    return new Map(latestVersions(await this.loaded()).map((v) => [v.id, copyDetail(v)]));
  }

  /** THE resolver (see governing-profile.ts), over the copies as saved now. */
  async resolver(): Promise<ProfileResolver> {
    const versions = await this.loaded();
    return (holder, asOf) => governingProfile(holder, asOf, versions);
  }

  async governing(holder: ProfileHolder, asOf: string): Promise<ResolvedProfile> {
    return (await this.resolver())(holder, asOf);
  }

  async isManager(): Promise<boolean> {
    const row = await this.wp.db
      .selectFrom('advisers')
      .select('role')
      .where('id', '=', this.wp.actor.id)
      .executeTakeFirst();
    return row?.role === 'manager';
  }

  async list(): Promise<ProfileList> {
    const copies = [...(await this.inForce()).values()].map(
      ({ profile: _profile, ...summary }) => summary,
    );
    return {
      canEdit: await this.isManager(),
      profiles: [...[...shippedProfiles().values()].map(shippedSummary), ...copies],
    };
  }

  async get(id: string): Promise<ProfileDetail> {
    const shipped = shippedProfile(id);
    if (shipped) return { ...shippedSummary(shipped), profile: shipped };
    const copy = (await this.inForce()).get(id);
    if (!copy) throw notFound(`The charter profile ${id}`);
    return copy;
  }

  /**
   * Saves a manager's copy: a new id starts at version 1; saving an existing copy again needs the
   * version the manager started from, so two managers cannot overwrite each other unseen.
   */
  saveCopy(input: ProfileSave): Promise<ProfileDetail> {
    const { profile } = input;
    return this.wp.transaction(async (w) => {
      const me = await w.trx
        .selectFrom('advisers')
        .select('role')
        .where('id', '=', w.actor.id)
        .executeTakeFirst();
      if (me?.role !== 'manager')
        throw new AppError('refused', 'Only a manager can change charter profiles');
      if (shippedProfile(profile.id))
        throw new AppError(
          'refused',
          `${profile.id} is a shipped profile; give your copy a new id`,
          'profile.id',
        );
      const based =
        shippedProfile(input.basedOn) !== undefined || (await copyExists(w.trx, input.basedOn));
      if (!based)
        throw new AppError(
          'not-found',
          `There is no charter profile called ${input.basedOn}`,
          'basedOn',
        );
      const current = await latestCopyVersion(w.trx, profile.id);
      if (current !== null && input.expectedVersion === undefined)
        throw new AppError(
          'conflict',
          `A profile called ${profile.id} already exists; choose another id or edit that profile`,
          'profile.id',
        );
      if (current !== null && input.expectedVersion !== current)
        throw new AppError(
          'conflict',
          'Someone saved this profile while you were editing it. Reload it and make your change again.',
          'expectedVersion',
        );
      if (current === null && input.expectedVersion !== undefined)
        throw notFound(`The charter profile ${profile.id}`);
      const row: CopyRow = {
        id: profile.id,
        version: (current ?? 0) + 1,
        based_on: input.basedOn,
        body: JSON.stringify(profile),
        saved_at: w.now.toISOString(),
        saved_by: w.actor.name,
      };
      await insertCopyVersion(w.trx, row);
      await w.record({
        entityType: 'charter_profile',
        entityId: `${row.id}@${row.version}`,
        op: 'insert',
        payload: row,
        action: 'charter-profile.save',
        detail: { profileId: row.id, version: row.version, basedOn: row.based_on },
      });
      return copyDetail(toCopyVersion(row));
    });
  }

  /** Changes the caseload user's role (command line only; a manager only). */
  setRole(role: AdviserRole): Promise<void> {
    return this.wp.transaction(async (w) => {
      const before = await w.trx
        .selectFrom('advisers')
        .selectAll()
        .where('id', '=', w.actor.id)
        .executeTakeFirst();
      if (!before) throw notFound('The adviser');
      // Only a manager changes a role: a user never raises their own (README, "Security model").
      if (before.role !== 'manager')
        throw new AppError('forbidden', 'Only a manager can change a role.');
      const after = { ...before, role };
      await w.trx.updateTable('advisers').set({ role }).where('id', '=', w.actor.id).execute();
      await w.record({
        entityType: 'adviser',
        entityId: w.actor.id,
        op: 'update',
        payload: after,
        action: 'adviser.role',
        detail: { from: before.role, to: role },
      });
    });
  }
}
