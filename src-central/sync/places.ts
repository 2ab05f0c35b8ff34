/**
 * Adoption of a device's offices, venues and rooms (issue 11). A caseload used on its own before
 * it was enrolled made its own offices, with its own ids; the organisation may already have the
 * same place under another id. Matching happens HERE, on the server, as the device pushes the
 * office, not on the device before its first push, because:
 * - the server is the only party that sees every device's offices at once: two laptops adopted
 *   the same morning cannot both see each other's offices in a pull, but their pushes are
 *   serialised here, so the second one is matched to the first one's office;
 * - a device's history is already queued as mutations naming its own ids (appointments, rooms,
 *   later edits of the office). Rewriting a queue on the device is fragile (a crash or a lost
 *   reply mid-way); an alias kept in the same transaction as the ledger row applies to every
 *   mutation, in this push or any later one, resent or not, so nothing is orphaned.
 * The reply names the canonical id (`canonicalId`) and the device re-points its own rows to it
 * (src-main/sync/places.ts); the shared office then arrives on its next pull.
 *
 * The match rule: an office (or outreach venue) is the same place as one of the organisation's
 * live office records when its postcode (capitals, no spaces) and its name (lower case, "&" as
 * "and", punctuation and repeated spaces removed) are equal; failing that, as an office the
 * organisation set up centrally (`central office add`: a name and nation, no address yet) with
 * the same name and nation and no device record yet, which then takes the device's details under
 * the organisation's id. A room is the same room as one of the (matched) office's rooms with the
 * same name, as the device's own rooms are unique by office and name. Anything unmatched is added
 * to the organisation: the record, and an office of the device user's provider (the provider of
 * the user's own office, else the prime provider).
 */
import { sql, type Transaction } from 'kysely';
import type { Mutation } from '@shared/sync/protocol';
import type { CentralDatabase } from '../db/schema';

export const PLACE_ENTITIES = ['office', 'room'] as const;
/** Entity types whose rows name an office in `office_id`. */
const OFFICE_LINKED = new Set(['room', 'appointment']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const normaliseName = (name: unknown): string =>
  String(name ?? '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
export const normalisePostcode = (postcode: unknown): string =>
  String(postcode ?? '')
    .toUpperCase()
    .replace(/\s+/g, '');

const officeKey = (data: Record<string, unknown>) =>
  `${normalisePostcode(data.postcode)}\u0000${normaliseName(data.name)}`;
const roomKey = (officeId: unknown, name: unknown) =>
  `${String(officeId)}\u0000${normaliseName(name)}`;
const aliasKey = (entity: string, id: string) => `${entity}\u0000${id}`;

/** Does this batch touch places at all (so the matcher's reads are needed)? */
export const touchesPlaces = (ms: Mutation[]) =>
  ms.some((m) => m.entity === 'office' || OFFICE_LINKED.has(m.entity));

interface PlaceRecord {
  entity_type: string;
  entity_id: string;
  data: Record<string, unknown>;
  deleted: boolean;
}

export class PlaceMatcher {
  private readonly aliases = new Map<string, string>();
  private readonly offices = new Map<string, string>();
  private readonly rooms = new Map<string, string>();
  /** Central offices (organisation model) with no device record yet, by name and nation. */
  private readonly bare = new Map<string, string>();
  private readonly orgOffices = new Set<string>();
  private providerId: string | null = null;
  readonly newAliases: { entity_type: string; alias_id: string; canonical_id: string }[] = [];
  readonly newOffices: { id: string; name: string; nation: string; kind: string }[] = [];
  private loaded = false;

  constructor(
    private readonly organisationId: string,
    private readonly userId: string,
  ) {}

  /** Reads the organisation's aliases, place records and central offices (all small). */
  async load(trx: Transaction<CentralDatabase>, places: PlaceRecord[]): Promise<void> {
    this.loaded = true;
    const org = this.organisationId;
    for (const a of await trx
      .selectFrom('record_aliases')
      .select(['entity_type', 'alias_id', 'canonical_id'])
      .where('organisation_id', '=', org)
      .execute())
      this.aliases.set(aliasKey(a.entity_type, a.alias_id), a.canonical_id);
    const withRecord = new Set<string>();
    for (const r of places) {
      if (r.entity_type === 'office') withRecord.add(r.entity_id);
      if (!r.deleted) this.index(r.entity_type, r.entity_id, r.data);
    }
    for (const o of await trx
      .selectFrom('offices')
      .select(['id', 'name', 'nation'])
      .where('organisation_id', '=', org)
      .orderBy('created_at')
      .execute()) {
      this.orgOffices.add(o.id);
      const key = `${normaliseName(o.name)}\u0000${o.nation}`;
      if (!withRecord.has(o.id) && !this.bare.has(key)) this.bare.set(key, o.id);
    }
    const provider = await trx
      .selectFrom('users')
      .leftJoin('offices', 'offices.id', 'users.office_id')
      .select('offices.provider_id')
      .where('users.id', '=', this.userId)
      .executeTakeFirst();
    this.providerId =
      provider?.provider_id ??
      (
        await trx
          .selectFrom('providers')
          .select('id')
          .where('organisation_id', '=', org)
          .where('role', '=', 'prime')
          .executeTakeFirst()
      )?.id ??
      null;
  }

  private index(entity: string, id: string, data: Record<string, unknown>): void {
    if (entity === 'office') {
      const key = officeKey(data);
      if (!this.offices.has(key)) this.offices.set(key, id);
    } else if (entity === 'room') {
      const key = roomKey(data.office_id, data.name);
      if (!this.rooms.has(key)) this.rooms.set(key, id);
    }
  }

  private canonical(entity: string, id: string): string | undefined {
    return this.aliases.get(aliasKey(entity, id));
  }

  private alias(entity: string, from: string, to: string): void {
    this.aliases.set(aliasKey(entity, from), to);
    this.newAliases.push({ entity_type: entity, alias_id: from, canonical_id: to });
  }

  /**
   * The mutation with every known alias applied: the record's own id (and its `id` column) for
   * an office or room, and `office_id` for a room or appointment. `canonicalId` is set when the
   * record's own id was replaced, so the device re-points its row.
   */
  rewrite(m: Mutation): { m: Mutation; canonicalId?: string } {
    if (!this.loaded) return { m };
    let out = m;
    let canonicalId: string | undefined;
    const own = this.canonical(m.entity, m.entityId);
    if (own) {
      canonicalId = own;
      out = { ...out, entityId: own, data: out.data && { ...out.data, id: own } };
    }
    const office = typeof out.data?.office_id === 'string' ? out.data.office_id : null;
    const to = office && OFFICE_LINKED.has(m.entity) ? this.canonical('office', office) : undefined;
    if (to) out = { ...out, data: { ...out.data, office_id: to } };
    return canonicalId ? { m: out, canonicalId } : { m: out };
  }

  /**
   * A first write of an office or room the organisation does not hold under this id: the id of
   * the organisation's same place, if there is one. `adopt` means the organisation's office has
   * no record yet: the device's details become its record under the organisation's id.
   */
  match(m: Mutation): { id: string; adopt: boolean } | null {
    if (!this.loaded || m.op === 'delete' || !m.data) return null;
    if (m.entity === 'office') {
      const same = this.offices.get(officeKey(m.data));
      if (same && same !== m.entityId) {
        this.alias('office', m.entityId, same);
        return { id: same, adopt: false };
      }
      const bare = this.bare.get(`${normaliseName(m.data.name)}\u0000${String(m.data.nation)}`);
      if (bare && bare !== m.entityId) {
        this.bare.delete(`${normaliseName(m.data.name)}\u0000${String(m.data.nation)}`);
        this.alias('office', m.entityId, bare);
        return { id: bare, adopt: true };
      }
    } else if (m.entity === 'room') {
      const same = this.rooms.get(roomKey(m.data.office_id, m.data.name));
      if (same && same !== m.entityId) {
        this.alias('room', m.entityId, same);
        return { id: same, adopt: false };
      }
    }
    return null;
  }

  /** A place record created (not matched): later duplicates match it; a new office is added. */
  created(entity: string, id: string, data: Record<string, unknown>): void {
    if (!this.loaded) return;
    this.index(entity, id, data);
    if (entity !== 'office' || this.orgOffices.has(id) || !UUID.test(id) || !this.providerId)
      return;
    this.orgOffices.add(id);
    this.newOffices.push({
      id,
      name: String(data.name ?? '').trim() || 'Office',
      nation: String(data.nation ?? 'england-and-wales'),
      kind: data.kind === 'outreach' ? 'outreach' : 'office',
    });
  }

  /** Writes the new aliases and offices (inside the push transaction). */
  async write(trx: Transaction<CentralDatabase>, deviceId: string, at: string): Promise<void> {
    if (this.newAliases.length > 0)
      await trx
        .insertInto('record_aliases')
        .values(
          this.newAliases.map((a) => ({
            ...a,
            organisation_id: this.organisationId,
            device_id: deviceId,
            created_at: at,
          })),
        )
        .onConflict((oc) => oc.doNothing())
        .execute();
    if (this.newOffices.length > 0 && this.providerId)
      await trx
        .insertInto('offices')
        .values(
          this.newOffices.map((o) => ({
            ...o,
            organisation_id: this.organisationId,
            provider_id: this.providerId!,
            created_at: at,
          })),
        )
        .onConflict((oc) => oc.doNothing())
        .execute();
  }
}

/** `records` rows for the organisation's places, locked with the batch's own rows. */
export const placeRecordsFilter = (organisationId: string) =>
  sql<boolean>`(organisation_id = ${organisationId} and entity_type in ('office', 'room'))`;
