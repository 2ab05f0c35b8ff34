/**
 * The organisation model: the provider (prime) and its subcontractors, offices and outreach
 * venues, users (advisers, managers, reception), and who each participant is allocated to.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { londonDate } from '@shared/domain/identity/civil-date';
import { NATIONS } from '@shared/schemas/participant';
import type { CentralDatabase } from '../db/schema';
import { AdminError } from '../errors';
import { assignPositions, type Removal } from '../sync/positions';

type Db = Kysely<CentralDatabase> | Transaction<CentralDatabase>;

export const ROLES = ['adviser', 'manager', 'reception'] as const;

export async function audit(
  db: Db,
  organisationId: string | null,
  actor: string,
  action: string,
  entity: { type: string; id: string } | null,
  detail: Record<string, unknown>,
  now = new Date(),
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      organisation_id: organisationId,
      at: now.toISOString(),
      actor,
      action,
      entity_type: entity?.type ?? null,
      entity_id: entity?.id ?? null,
      detail: JSON.stringify(detail),
    })
    .execute();
}

/** The store's organisation (a store holds one; the schema allows more for later tenancy). */
export async function currentOrganisation(db: Db): Promise<{ id: string; name: string }> {
  const org = await db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .orderBy('created_at')
    .executeTakeFirst();
  if (!org)
    throw new AdminError(
      'not-initialised',
      'This central store has no organisation yet (run init)',
    );
  return org;
}

/** Creates the organisation and its prime provider; a second init returns the existing one. */
export async function initOrganisation(
  db: Kysely<CentralDatabase>,
  name: string,
  now = new Date(),
): Promise<{ id: string; name: string; created: boolean }> {
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('organisations')
      .select(['id', 'name'])
      .executeTakeFirst();
    if (existing) return { ...existing, created: false };
    const id = randomUUID();
    const at = now.toISOString();
    await trx.insertInto('organisations').values({ id, name, created_at: at }).execute();
    await trx
      .insertInto('providers')
      .values({ id: randomUUID(), organisation_id: id, name, role: 'prime', created_at: at })
      .execute();
    await trx.insertInto('change_counters').values({ organisation_id: id, last_seq: 0 }).execute();
    await audit(trx, id, 'admin', 'organisation.init', { type: 'organisation', id }, {}, now);
    return { id, name, created: true };
  });
}

export async function addProvider(
  db: Kysely<CentralDatabase>,
  name: string,
  now = new Date(),
): Promise<{ id: string }> {
  const org = await currentOrganisation(db);
  const id = randomUUID();
  await db
    .insertInto('providers')
    .values({
      id,
      organisation_id: org.id,
      name,
      role: 'subcontractor',
      created_at: now.toISOString(),
    })
    .execute();
  await audit(db, org.id, 'admin', 'provider.add', { type: 'provider', id }, {}, now);
  return { id };
}

export async function addOffice(
  db: Kysely<CentralDatabase>,
  input: { name: string; nation: string; providerId?: string; kind?: 'office' | 'outreach' },
  now = new Date(),
): Promise<{ id: string }> {
  const org = await currentOrganisation(db);
  // England and Wales share one set of rules, so either name is that nation.
  const nation = ['england', 'wales'].includes(input.nation.toLowerCase())
    ? 'england-and-wales'
    : input.nation.toLowerCase();
  if (!(NATIONS as readonly string[]).includes(nation))
    throw new AdminError('invalid-input', `Nation must be one of ${NATIONS.join(', ')}`);
  if (input.name.trim() === '') throw new AdminError('invalid-input', 'An office needs a name');
  const provider = input.providerId
    ? await db
        .selectFrom('providers')
        .select('id')
        .where('id', '=', input.providerId)
        .where('organisation_id', '=', org.id)
        .executeTakeFirst()
    : await db
        .selectFrom('providers')
        .select('id')
        .where('organisation_id', '=', org.id)
        .where('role', '=', 'prime')
        .executeTakeFirst();
  if (!provider) throw new AdminError('not-found', 'No provider with that id');
  const id = randomUUID();
  await db
    .insertInto('offices')
    .values({
      id,
      organisation_id: org.id,
      provider_id: provider.id,
      name: input.name.trim(),
      nation,
      kind: input.kind ?? 'office',
      created_at: now.toISOString(),
    })
    .execute();
  await audit(db, org.id, 'admin', 'office.add', { type: 'office', id }, {}, now);
  return { id };
}

export async function addUser(
  db: Kysely<CentralDatabase>,
  input: { name: string; officeId?: string; role?: string },
  now = new Date(),
): Promise<{ id: string }> {
  const org = await currentOrganisation(db);
  const role = input.role ?? 'adviser';
  if (!(ROLES as readonly string[]).includes(role))
    throw new AdminError('invalid-input', `Role must be one of ${ROLES.join(', ')}`);
  if (input.name.trim() === '') throw new AdminError('invalid-input', 'A user needs a name');
  if (input.officeId) {
    const office = await db
      .selectFrom('offices')
      .select('id')
      .where('id', '=', input.officeId)
      .where('organisation_id', '=', org.id)
      .executeTakeFirst();
    if (!office) throw new AdminError('not-found', 'No office with that id');
  }
  const id = randomUUID();
  await db
    .insertInto('users')
    .values({
      id,
      organisation_id: org.id,
      office_id: input.officeId ?? null,
      name: input.name.trim(),
      role: role as (typeof ROLES)[number],
      created_at: now.toISOString(),
    })
    .execute();
  await audit(db, org.id, 'admin', 'user.add', { type: 'user', id }, { role }, now);
  return { id };
}

export async function requireUser(db: Db, id: string) {
  const user = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  if (!user) throw new AdminError('not-found', 'No adviser with that id');
  return user;
}

/** Participants a user may see: owned or covered, now. */
export function activeAllocations(db: Db, adviserId: string) {
  return db
    .selectFrom('allocations')
    .select(['participant_id', 'role'])
    .where('adviser_id', '=', adviserId)
    .where('to_date', 'is', null);
}

/** Allocation inside a writing transaction (the caller assigns positions at its end). */
export async function insertAllocation(
  trx: Transaction<CentralDatabase>,
  a: { organisationId: string; participantId: string; adviserId: string; role: 'owner' | 'cover' },
  now: Date,
): Promise<void> {
  await trx
    .insertInto('allocations')
    .values({
      organisation_id: a.organisationId,
      participant_id: a.participantId,
      adviser_id: a.adviserId,
      role: a.role,
      from_date: londonDate(now),
      to_date: null,
      created_at: now.toISOString(),
    })
    .execute();
}

/**
 * Allocates a participant to an adviser as owner (ending the previous owner's allocation) or as
 * cover (or ends a cover with `end`). Every record of the participant gets a new position, so
 * the adviser who gains it pulls `put`s; an adviser who loses all access pulls `remove`s.
 */
export async function allocate(
  db: Kysely<CentralDatabase>,
  input: { participantId: string; adviserId: string; role: 'owner' | 'cover'; end?: boolean },
  now = new Date(),
): Promise<{ participantId: string; adviserId: string; role: string; ended: boolean }> {
  const org = await currentOrganisation(db);
  const adviser = await requireUser(db, input.adviserId);
  if (adviser.organisation_id !== org.id)
    throw new AdminError('not-found', 'No adviser with that id');
  return db.transaction().execute(async (trx) => {
    // Serialise with pushes of this organisation before reading the allocations.
    await trx
      .selectFrom('change_counters')
      .select('last_seq')
      .where('organisation_id', '=', org.id)
      .forUpdate()
      .execute();
    const participant = await trx
      .selectFrom('records')
      .select('entity_id')
      .where('entity_type', '=', 'participant')
      .where('entity_id', '=', input.participantId)
      .where('organisation_id', '=', org.id)
      .executeTakeFirst();
    if (!participant) throw new AdminError('not-found', 'No participant with that id');
    const before = await trx
      .selectFrom('allocations')
      .select(['adviser_id', 'role'])
      .where('participant_id', '=', input.participantId)
      .where('to_date', 'is', null)
      .execute();
    const today = londonDate(now);
    if (input.end) {
      if (input.role !== 'cover')
        throw new AdminError('invalid-input', 'Only a cover allocation can be ended');
      await trx
        .updateTable('allocations')
        .set({ to_date: today })
        .where('participant_id', '=', input.participantId)
        .where('adviser_id', '=', input.adviserId)
        .where('role', '=', 'cover')
        .where('to_date', 'is', null)
        .execute();
    } else if (input.role === 'owner') {
      await trx
        .updateTable('allocations')
        .set({ to_date: today })
        .where('participant_id', '=', input.participantId)
        .where('to_date', 'is', null)
        .where((eb) => eb.or([eb('role', '=', 'owner'), eb('adviser_id', '=', input.adviserId)]))
        .execute();
      await insertAllocation(
        trx,
        {
          organisationId: org.id,
          participantId: input.participantId,
          adviserId: input.adviserId,
          role: 'owner',
        },
        now,
      );
    } else {
      const already = before.some((b) => b.adviser_id === input.adviserId);
      if (!already)
        await insertAllocation(
          trx,
          {
            organisationId: org.id,
            participantId: input.participantId,
            adviserId: input.adviserId,
            role: 'cover',
          },
          now,
        );
    }
    const after = await trx
      .selectFrom('allocations')
      .select('adviser_id')
      .where('participant_id', '=', input.participantId)
      .where('to_date', 'is', null)
      .execute();
    const stillIn = new Set(after.map((a) => a.adviser_id));
    const lost = [...new Set(before.map((b) => b.adviser_id))].filter((a) => !stillIn.has(a));
    const records = await trx
      .selectFrom('records')
      .select(['entity_type', 'entity_id'])
      .where('participant_id', '=', input.participantId)
      .orderBy('entity_type')
      .orderBy('entity_id')
      .execute();
    const removals: Removal[] = lost.flatMap((adviserId) =>
      records.map((r) => ({ ...r, adviser_id: adviserId, reason: 'reallocated' })),
    );
    await audit(
      trx,
      org.id,
      'admin',
      input.end ? 'allocation.end' : 'allocation.set',
      { type: 'participant', id: input.participantId },
      { adviserId: input.adviserId, role: input.role },
      now,
    );
    await assignPositions(trx, org.id, records, removals);
    return {
      participantId: input.participantId,
      adviserId: input.adviserId,
      role: input.role,
      ended: !!input.end,
    };
  });
}

/** A new epoch tells every device the server's history changed (restore from backup, reset). */
export async function resetEpoch(
  db: Kysely<CentralDatabase>,
  now = new Date(),
): Promise<{ epoch: string }> {
  const epoch = randomUUID();
  await db
    .updateTable('server_state')
    .set({ epoch, epoch_changed_at: now.toISOString() })
    .where('id', '=', 1)
    .execute();
  await audit(db, null, 'admin', 'epoch.reset', null, { epoch }, now);
  return { epoch };
}

export async function currentEpoch(db: Db): Promise<string> {
  const row = await db
    .selectFrom('server_state')
    .select('epoch')
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  return row.epoch;
}
