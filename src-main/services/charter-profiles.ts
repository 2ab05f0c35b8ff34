/**
 * Charter profiles as data: the shipped ones (resources/profiles) and providers' copies a manager
 * saved in the app. A copy is checked against the same schema as the shipped profiles, every
 * saved version is kept, and each save goes through the write path (audit + journal). Only an
 * adviser whose role is 'manager' may save; roles are set from the command line (`set-role`).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { AppError, notFound } from '../errors';
import type { WritePath } from '../write-path/write-path';
import { charterProfileSchema, type CharterProfile } from '@shared/domain/charter/profile';
import { shippedProfile, shippedProfiles } from '@shared/domain/charter/shipped-profiles';
import type { AdviserRole } from '@shared/schemas/meeting';
import type {
  ProfileDetail,
  ProfileList,
  ProfileSave,
  ProfileSummary,
} from '@shared/ipc/channels/obligations';

export { ADVISER_ROLES } from '@shared/schemas/meeting';

/** A profile in force: the shipped one (version 0) or the latest saved version of a copy. */
export interface ResolvedProfile {
  profile: CharterProfile;
  version: number;
}

interface CopyRow {
  id: string;
  version: number;
  based_on: string;
  body: string;
  saved_at: string;
  saved_by: string;
}

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

function copyDetail(row: CopyRow): ProfileDetail {
  // Stored bodies were validated on save; parsing again keeps a hand-edited file from slipping in.
  const profile = charterProfileSchema.parse(JSON.parse(row.body));
  return {
    id: row.id,
    name: profile.name,
    description: profile.description,
    kind: 'copy',
    version: row.version,
    basedOn: row.based_on,
    savedAt: row.saved_at,
    savedBy: row.saved_by,
    profile,
  };
}

async function latestCopies(db: Kysely<Database>): Promise<CopyRow[]> {
  return db
    .selectFrom('charter_profiles as p')
    .selectAll()
    .where(({ eb, selectFrom }) =>
      eb(
        'p.version',
        '=',
        selectFrom('charter_profiles as q')
          .select(({ fn }) => fn.max('q.version').as('v'))
          .whereRef('q.id', '=', 'p.id'),
      ),
    )
    .orderBy('p.id')
    .execute();
}

export class ProfileService {
  /** The copies in force, by id; dropped after any profile save commits. */
  private copies: Map<string, ProfileDetail> | null = null;

  constructor(private readonly wp: WritePath) {}

  private async inForce(): Promise<Map<string, ProfileDetail>> {
    this.copies ??= new Map((await latestCopies(this.wp.db)).map((r) => [r.id, copyDetail(r)]));
    return this.copies;
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

  /** The profile a participant's `charter_profile` names, or undefined when there is none. */
  async resolve(id: string): Promise<ResolvedProfile | undefined> {
    const shipped = shippedProfile(id);
    if (shipped) return { profile: shipped, version: 0 };
    const copy = (await this.inForce()).get(id);
    return copy && { profile: copy.profile, version: copy.version };
  }

  /**
   * Saves a manager's copy: a new id starts at version 1; saving an existing copy again needs the
   * version the manager started from, so two managers cannot overwrite each other unseen.
   */
  saveCopy(input: ProfileSave): Promise<ProfileDetail> {
    const profile = charterProfileSchema.parse(input.profile);
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
        shippedProfile(input.basedOn) ??
        (await w.trx
          .selectFrom('charter_profiles')
          .select('id')
          .where('id', '=', input.basedOn)
          .executeTakeFirst());
      if (!based)
        throw new AppError(
          'not-found',
          `There is no charter profile called ${input.basedOn}`,
          'basedOn',
        );
      const last = await w.trx
        .selectFrom('charter_profiles')
        .select(({ fn }) => fn.max('version').as('version'))
        .where('id', '=', profile.id)
        .executeTakeFirst();
      const current = last?.version ?? null;
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
      await w.trx.insertInto('charter_profiles').values(row).execute();
      await w.record({
        entityType: 'charter_profile',
        entityId: `${row.id}@${row.version}`,
        op: 'insert',
        payload: row,
        action: 'charter-profile.save',
        detail: { profileId: row.id, version: row.version, basedOn: row.based_on },
      });
      w.afterCommit(() => {
        this.copies = null;
      });
      return copyDetail(row);
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
