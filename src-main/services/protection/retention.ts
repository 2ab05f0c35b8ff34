/**
 * Retention and erasure (UK GDPR Art. 5(1)(e) storage limitation, Art. 17 erasure).
 *
 * A participant's records are kept for their charter profile's retention period after exit
 * (src-shared/domain/charter/retention.ts). Past it, a manager anonymises them (the person can no
 * longer be identified; the programme, the dates and the obligation facts stay, so performance
 * figures do not change) or deletes them (every row about the person, the journal entries that
 * carried their values and the sync rows that would send them). A legal hold keeps records past
 * retention until it is lifted. A request to erase (Art. 17) before then is refused where the
 * law lets the provider keep the records, saying why; a manager may override with a reason.
 *
 * Each bulk action is one transaction: all of the chosen or none. The audit entry names no one:
 * the count and a SHA-256 of each participant id (so a later question "was this record erased?"
 * can be answered by whoever still has the id), never a name. The audit log itself only grows;
 * its earlier entries keep the bare ids they were written with (they hold no values), and its
 * hash chain is untouched.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { WritePath, Writer } from '../../write-path/write-path';
import type { ProfileService } from '../obligations/charter-profiles';
import type { ProfileResolver } from '../obligations/charter-profiles';
import { loadFacts } from '../obligations/obligation-facts';
import { AppError, notFound } from '../../errors';
import { enrolmentOf, readState } from '../../sync/state';
import { londonDate } from '@shared/domain/identity/civil-date';
import { EMPTY_PLAN } from '@shared/schemas/plan';
import { FACT_EVENT_KINDS } from '@shared/schemas/timeline-events';
import { dayMonthYear } from '@shared/wording/dates';
import { retentionEndsOn, retentionOf } from '@shared/domain/charter/retention';
import {
  ANONYMISED,
  ERASURE_ENTITY,
  participantHashInput,
  type ErasureData,
  anonymisedParticipant,
} from '@shared/sync/erasure';
import type {
  ErasureCheck,
  ErasureRequest,
  LegalHoldView,
  ParticipantRetention,
  RetentionAction,
  RetentionItem,
} from '@shared/ipc/channels/retention';

/** The non-identifying trace of a participant in the audit log. */
export const participantHash = (id: string): string =>
  createHash('sha256').update(participantHashInput(id)).digest('hex');

/** What an anonymised record says instead of the person's details (one table, shared). */
export { ANONYMISED };

/**
 * The erasure goes to the central service as its own change (after the participant's own
 * journal entries were taken out), so the server purges its copy and every other device that
 * held the participant forgets them (src-central/sync/erasure.ts). A caseload never enrolled
 * sends it on its first sync, where it finds nothing to purge.
 */
async function sendErasure(w: Writer, participantId: string, data: ErasureData): Promise<void> {
  // Named by its hash: nothing left on this device (journal, outbox, archive) holds the id.
  await w.journal(ERASURE_ENTITY, participantHash(participantId), 'insert', data);
}

type Db = Writer['trx'];

/**
 * Why the central service would refuse an erasure from this caseload, or null. The service
 * accepts one only from a user it knows as a manager (src-central/sync/erasure.ts); a manager
 * who exists only on this computer is not one there. Erasing here anyway would be dishonest: the
 * records would stay on the service, and the next whole-state check would bring them back to
 * this computer. So an enrolled caseload refuses up front, and nothing changes. A caseload never
 * enrolled (or whose access was withdrawn) sends nothing, so its erasure is its own.
 */
async function centralRefusal(db: Db | WritePath['db']): Promise<string | null> {
  const s = await readState(db);
  if (!enrolmentOf(s) || s.revoked || s.server_role === 'manager') return null;
  return s.server_role === null
    ? 'This computer syncs with your organisation’s service, which accepts an erasure only from a manager, and Waymark has not yet checked that you are one there. Sync this computer, then try again.'
    : 'This computer syncs with your organisation’s service, which does not know you as a manager, so it would refuse this erasure and send the records back here. Ask whoever runs the service to make your account a manager there, sync this computer, then try again.';
}

interface Person {
  id: string;
  name: string;
  referralId: string;
  programme: string;
  status: string;
  exitDate: string | null;
  retentionEndsOn: string | null;
  retentionSource: string;
  anonymisedOn: string | null;
  hold: LegalHoldView | null;
}

export class RetentionService {
  constructor(
    private readonly wp: WritePath,
    private readonly profiles: ProfileService,
  ) {}

  private today(): string {
    return londonDate(this.wp.now());
  }

  private async requireManager(db: Db | WritePath['db'] = this.wp.db): Promise<void> {
    const me = await db
      .selectFrom('advisers')
      .select('role')
      .where('id', '=', this.wp.actor.id)
      .executeTakeFirst();
    if (me?.role !== 'manager')
      throw new AppError('forbidden', 'Only a manager can manage retention and erasure');
  }

  /** Each exited participant (or the ones named) with their retention end and any hold. */
  private async people(
    db: Db | WritePath['db'],
    resolve: ProfileResolver,
    ids?: string[],
  ): Promise<Person[]> {
    let q = db
      .selectFrom('participants')
      .leftJoin('anonymised_participants as a', 'a.participant_id', 'participants.id')
      .select([
        'participants.id',
        'given_name',
        'family_name',
        'referral_id',
        'programme',
        'charter_profile',
        'status',
        'a.anonymised_on',
      ]);
    if (ids) {
      if (ids.length === 0) return [];
      q = q.where('participants.id', 'in', ids);
    } else q = q.where('status', '=', 'exited');
    const rows = await q.orderBy('participants.id').execute();
    const facts = new Map(
      (
        await loadFacts(
          db,
          rows.map((r) => r.id),
        )
      ).map((f) => [f.id, f]),
    );
    const holds = await this.activeHolds(db);
    const today = this.today();
    return rows.map((r) => {
      const retention = retentionOf(
        resolve({ charterProfile: r.charter_profile, programme: r.programme }, today).profile,
      );
      const exitDate = r.status === 'exited' ? (facts.get(r.id)?.exitDate ?? null) : null;
      return {
        id: r.id,
        name: `${r.given_name} ${r.family_name}`,
        referralId: r.referral_id,
        programme: r.programme,
        status: r.status,
        exitDate,
        retentionEndsOn: exitDate ? retentionEndsOn(exitDate, retention) : null,
        retentionSource: retention.source,
        anonymisedOn: r.anonymised_on ?? null,
        hold: holds.get(r.id) ?? null,
      };
    });
  }

  private async activeHolds(db: Db | WritePath['db']): Promise<Map<string, LegalHoldView>> {
    const rows = await db
      .selectFrom('legal_holds')
      .innerJoin('participants', 'participants.id', 'legal_holds.participant_id')
      .select([
        'legal_holds.id',
        'participant_id',
        'reason',
        'placed_by',
        'placed_at',
        'given_name',
        'family_name',
      ])
      .where('lifted_at', 'is', null)
      .orderBy('placed_at')
      .execute();
    return new Map(
      rows.map((r) => [
        r.participant_id,
        {
          id: r.id,
          participantId: r.participant_id,
          participantName: `${r.given_name} ${r.family_name}`,
          reason: r.reason,
          placedBy: r.placed_by,
          placedAt: r.placed_at,
        },
      ]),
    );
  }

  private isPast(p: Person): boolean {
    return p.retentionEndsOn !== null && p.retentionEndsOn < this.today();
  }

  /** Exited participants whose retention period has ended, not under a legal hold. */
  async pastRetention(): Promise<RetentionItem[]> {
    await this.requireManager();
    return (await this.people(this.wp.db, await this.profiles.resolver()))
      .filter((p) => this.isPast(p) && p.hold === null)
      .map((p) => ({
        participantId: p.id,
        name: p.name,
        referralId: p.referralId,
        programme: p.programme,
        exitDate: p.exitDate!,
        retentionEndsOn: p.retentionEndsOn!,
        anonymisedOn: p.anonymisedOn,
      }))
      .sort((a, b) => a.retentionEndsOn.localeCompare(b.retentionEndsOn));
  }

  async holds(): Promise<LegalHoldView[]> {
    await this.requireManager();
    return [...(await this.activeHolds(this.wp.db)).values()];
  }

  /** One participant's retention, hold and whether an erasure request could be met now. */
  async forParticipant(participantId: string): Promise<ParticipantRetention> {
    await this.requireManager();
    const [p] = await this.people(this.wp.db, await this.profiles.resolver(), [participantId]);
    if (!p) throw notFound('That participant');
    return {
      participantId,
      exitDate: p.exitDate,
      retentionEndsOn: p.retentionEndsOn,
      retentionSource: p.retentionSource,
      pastRetention: this.isPast(p),
      anonymisedOn: p.anonymisedOn,
      hold: p.hold,
      erasure: await this.checkWithService(p),
    };
  }

  /**
   * Whether an erasure request (Art. 17) can be met now. Art. 17(3) lets a controller keep data
   * needed for a legal obligation (b) or for legal claims (e): the contract's payment evidence
   * while retention runs, and anything under a legal hold.
   */
  /** The law's answer (check) unless the central service would refuse the erasure first. */
  private async checkWithService(p: Person, db: Db | WritePath['db'] = this.wp.db) {
    const refusal = await centralRefusal(db);
    return refusal
      ? ({ allowed: false, overridable: false, reasons: [refusal] } satisfies ErasureCheck)
      : this.check(p);
  }

  private check(p: Person): ErasureCheck {
    if (p.hold)
      return {
        allowed: false,
        overridable: false,
        reasons: [
          'These records are under a legal hold (UK GDPR Art. 17(3)(e): needed for a legal claim). Lift the hold first if it no longer applies.',
        ],
      };
    if (this.isPast(p)) return { allowed: true, overridable: false, reasons: [] };
    if (p.status !== 'exited' || !p.retentionEndsOn)
      return {
        allowed: false,
        overridable: true,
        reasons: [
          'This person is still on the programme: the records are needed to provide the support and as evidence for the contract’s payments (UK GDPR Art. 17(3)(b) and (e)).',
        ],
      };
    return {
      allowed: false,
      overridable: true,
      reasons: [
        `The records must be kept until ${dayMonthYear(p.retentionEndsOn)} as evidence for the contract’s payments and any claim (UK GDPR Art. 17(3)(b) and (e)). ${p.retentionSource}`,
      ],
    };
  }

  async placeHold(input: { participantId: string; reason: string }): Promise<LegalHoldView> {
    const resolve = await this.profiles.resolver();
    return this.wp.transaction(async (w) => {
      await this.requireManager(w.trx);
      const [p] = await this.people(w.trx, resolve, [input.participantId]);
      if (!p) throw notFound('That participant');
      if (p.hold) throw new AppError('conflict', 'These records are already under a legal hold');
      const row = {
        id: uuidv7(),
        participant_id: input.participantId,
        reason: input.reason,
        placed_by: w.actor.name,
        placed_at: w.now.toISOString(),
        lifted_at: null,
        lifted_by: null,
        lift_reason: null,
      };
      await w.trx.insertInto('legal_holds').values(row).execute();
      // Holds travel with the participant's records: the central service and every device that
      // holds the participant refuse erasure while one is in force.
      await w.record({
        entityType: 'legal_hold',
        entityId: row.id,
        op: 'insert',
        payload: row,
        action: 'legal-hold.place',
        detail: { hold: row.id },
      });
      return {
        id: row.id,
        participantId: p.id,
        participantName: p.name,
        reason: row.reason,
        placedBy: row.placed_by,
        placedAt: row.placed_at,
      };
    });
  }

  async liftHold(input: { holdId: string; reason: string }): Promise<void> {
    await this.wp.transaction(async (w) => {
      await this.requireManager(w.trx);
      const hold = await w.trx
        .selectFrom('legal_holds')
        .select(['participant_id', 'lifted_at'])
        .where('id', '=', input.holdId)
        .executeTakeFirst();
      if (!hold) throw notFound('That legal hold');
      if (hold.lifted_at) throw new AppError('conflict', 'That legal hold was already lifted');
      await w.trx
        .updateTable('legal_holds')
        .set({ lifted_at: w.now.toISOString(), lifted_by: w.actor.name, lift_reason: input.reason })
        .where('id', '=', input.holdId)
        .execute();
      const lifted = await w.trx
        .selectFrom('legal_holds')
        .selectAll()
        .where('id', '=', input.holdId)
        .executeTakeFirstOrThrow();
      await w.record({
        entityType: 'legal_hold',
        entityId: input.holdId,
        op: 'update',
        payload: lifted,
        action: 'legal-hold.lift',
        detail: { hold: input.holdId },
      });
    });
  }

  /** Whether an erasure request for this participant could be met now, and if not, why. */
  async checkRequest(participantId: string): Promise<ErasureCheck> {
    return (await this.forParticipant(participantId)).erasure;
  }

  /** Deletes or anonymises participants past retention, all or none, in one transaction. */
  async bulk(action: RetentionAction, participantIds: string[]): Promise<{ count: number }> {
    const ids = [...new Set(participantIds)];
    const resolve = await this.profiles.resolver();
    const count = await this.wp.transaction(async (w) => {
      await this.requireManager(w.trx);
      const people = await this.people(w.trx, resolve, ids);
      if (people.length !== ids.length)
        throw new AppError(
          'not-found',
          `${ids.length - people.length} of the ${ids.length} chosen records were not found; nothing was changed`,
          'participantIds',
        );
      const held = people.filter((p) => p.hold).length;
      if (held > 0)
        throw new AppError(
          'refused',
          `${held} of the ${ids.length} chosen records ${held === 1 ? 'is' : 'are'} under a legal hold; nothing was changed`,
          'participantIds',
        );
      const refusal = await centralRefusal(w.trx);
      if (refusal) throw new AppError('refused', `${refusal} Nothing was changed.`);
      const early = people.filter((p) => !this.isPast(p)).length;
      if (early > 0)
        throw new AppError(
          'refused',
          `${early} of the ${ids.length} chosen records ${early === 1 ? 'has' : 'have'} not reached the end of ${early === 1 ? 'its' : 'their'} retention period; nothing was changed`,
          'participantIds',
        );
      await this.withMarker(w, async () => {
        for (const id of ids) {
          if (action === 'delete') await eraseRows(w.trx, id);
          else await anonymiseRows(w.trx, id, w.now);
          await sendErasure(w, id, { action: action === 'delete' ? 'delete' : 'anonymise' });
        }
      });
      await w.audit(`retention.${action}`, 'participant', null, {
        count: ids.length,
        participants: ids.map(participantHash),
      });
      return ids.length;
    });
    await this.afterErasure();
    return { count };
  }

  /**
   * Freed pages are zeroed as they are freed (secure_delete is on in the cipher's build; the
   * retention test checks it), but the write-ahead log still holds earlier copies of the pages
   * until a checkpoint: write them back and empty it, so the erased rows are not in any file.
   */
  private async afterErasure(): Promise<void> {
    await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(this.wp.db);
    this.wp.changedOutsideJournal();
  }

  /** Erasure on request (Art. 17): refused with the reason unless allowed or overridden. */
  async eraseOnRequest(input: ErasureRequest): Promise<{ count: number }> {
    if (input.requestedOn > this.today())
      throw new AppError(
        'invalid-input',
        'The date the request was received must be today or in the past',
        'requestedOn',
      );
    const resolve = await this.profiles.resolver();
    await this.wp.transaction(async (w) => {
      await this.requireManager(w.trx);
      const [p] = await this.people(w.trx, resolve, [input.participantId]);
      if (!p) throw notFound('That participant');
      const refusal = await centralRefusal(w.trx);
      if (refusal) throw new AppError('refused', `${refusal} Nothing was changed.`);
      const check = this.check(p);
      if (!check.allowed && !(check.overridable && input.overrideReason))
        throw new AppError(
          'refused',
          `This request cannot be met now. ${check.reasons.join(' ')}`,
          check.overridable ? 'overrideReason' : undefined,
        );
      await this.withMarker(w, () => eraseRows(w.trx, input.participantId));
      await sendErasure(w, input.participantId, { action: 'delete' });
      await w.audit('retention.erase-on-request', 'participant', null, {
        count: 1,
        participants: [participantHash(input.participantId)],
        ground: input.ground,
        requestedOn: input.requestedOn,
        overridden: !check.allowed,
        ...(check.allowed ? {} : { overrideReason: input.overrideReason }),
      });
    });
    await this.afterErasure();
    return { count: 1 };
  }

  /** The plan-version triggers let changes through only while the marker is set (0017). */
  private async withMarker(w: Writer, work: () => Promise<void>): Promise<void> {
    await withErasureMarker(w.trx, w.now, work);
  }
}

async function withErasureMarker(db: Db, now: Date, work: () => Promise<void>): Promise<void> {
  await sql`PRAGMA defer_foreign_keys = ON`.execute(db);
  await db
    .insertInto('erasure_in_progress')
    .values({ id: 1, started_at: now.toISOString() })
    .execute();
  await work();
  await db.deleteFrom('erasure_in_progress').execute();
}

/**
 * The central service erased this participant (a manager's erasure on another device): every
 * row about them goes from this device too, with any unpushed work about them (the server would
 * refuse it). Runs inside the pull's transaction; the audit entry names no one.
 */
export async function eraseErasedCentrally(w: Writer, participantId: string): Promise<void> {
  // The device that erased them (its own erasure comes back as removals) has nothing left; its
  // journal keeps the erasure it sent, for a re-send after a server restore.
  const present = await w.trx
    .selectFrom('participants')
    .select('id')
    .where('id', '=', participantId)
    .executeTakeFirst();
  if (!present) return;
  await withErasureMarker(w.trx, w.now, () => eraseRows(w.trx, participantId));
  await w.audit('retention.erased-centrally', 'participant', null, {
    count: 1,
    participants: [participantHash(participantId)],
  });
}

/** Every table with a participant_id column, read from the schema so a new one is not missed. */
async function participantTables(db: Db): Promise<string[]> {
  return (
    await sql<{ name: string }>`
      SELECT m.name FROM sqlite_master m, pragma_table_info(m.name) c
      WHERE m.type = 'table' AND c.name = 'participant_id' ORDER BY m.name`.execute(db)
  ).rows.map((r) => r.name);
}

/** The ids of every record about the person: their journal and sync rows are found by them. */
async function recordIds(db: Db, id: string, tables: string[]): Promise<Set<string>> {
  const ids = new Set<string>([id]);
  for (const table of tables) {
    const rows = (
      await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table)}
        WHERE participant_id = ${id}`.execute(db)
    ).rows;
    for (const r of rows)
      for (const key of ['id', 'appointment_id', 'event_id'])
        if (typeof r[key] === 'string') ids.add(r[key]);
  }
  return ids;
}

/**
 * Removes the change-journal entries that carried the person's values (by record id, or naming
 * the participant in their payload) and the sync rows that would send or compare them; the
 * outbox is renumbered so the positions the server expects stay consecutive (as in 0016).
 */
async function removeJournal(db: Db, id: string, ids: Set<string>): Promise<void> {
  const list = [...ids];
  const journal = (
    await db
      .selectFrom('change_journal')
      .select('id')
      .where((eb) =>
        eb.or([eb('entity_id', 'in', list), eb(sql<number>`instr(payload, ${id})`, '>', 0)]),
      )
      .execute()
  ).map((r) => r.id);
  const first = (
    await sql<{ seq: number | null }>`SELECT min(seq) AS seq FROM sync_outbox`.execute(db)
  ).rows[0]?.seq;
  for (let i = 0; i < journal.length; i += 500) {
    const chunk = journal.slice(i, i + 500);
    await db.deleteFrom('sync_outbox').where('journal_id', 'in', chunk).execute();
    await db.deleteFrom('sync_outbox_archive').where('journal_id', 'in', chunk).execute();
    await db.deleteFrom('sync_quarantine').where('journal_id', 'in', chunk).execute();
    await db.deleteFrom('change_journal').where('id', 'in', chunk).execute();
  }
  await db.deleteFrom('sync_shadow').where('entity_id', 'in', list).execute();
  await db.deleteFrom('sync_record_versions').where('entity_id', 'in', list).execute();
  await db.deleteFrom('sync_quarantine').where('entity_id', 'in', list).execute();
  await db.deleteFrom('sync_conflicts').where('record_id', 'in', list).execute();
  if (first == null) return;
  const left = (await sql<{ seq: number }>`SELECT seq FROM sync_outbox ORDER BY seq`.execute(db))
    .rows;
  await sql`UPDATE sync_outbox SET seq = -seq`.execute(db);
  for (const [i, r] of left.entries())
    await sql`UPDATE sync_outbox SET seq = ${first + i} WHERE seq = ${-r.seq}`.execute(db);
  await sql`UPDATE sync_state SET last_seq = ${first - 1 + left.length} WHERE id = 1`.execute(db);
}

/** Complaints the person made, with their stages and the "you told us" links to them. */
async function complaintIds(db: Db, id: string): Promise<string[]> {
  return (
    await sql<{ id: string }>`SELECT id FROM complaints WHERE participant_id = ${id}`.execute(db)
  ).rows.map((r) => r.id);
}

/** Deletes every row about the person. Runs inside the marker (plan versions go too). */
async function eraseRows(db: Db, id: string): Promise<void> {
  const tables = await participantTables(db);
  const ids = await recordIds(db, id, tables);
  const complaints = await complaintIds(db, id);
  for (const c of complaints) {
    ids.add(c);
    await sql`DELETE FROM complaint_stages WHERE complaint_id = ${c}`.execute(db);
    await sql`DELETE FROM you_told_us_sources
      WHERE source_kind = 'complaint' AND source_id = ${c}`.execute(db);
  }
  await removeJournal(db, id, ids);
  for (const table of tables)
    await sql`DELETE FROM ${sql.table(table)} WHERE participant_id = ${id}`.execute(db);
  await db.deleteFrom('participants').where('id', '=', id).execute();
}

/**
 * Replaces everything that identifies the person or says something about them in words, keeping
 * the programme, the dates and the facts the obligations and performance figures are counted
 * from. Runs inside the marker (agreed plan versions lose their content).
 */
async function anonymiseRows(db: Db, id: string, now: Date): Promise<void> {
  const today = londonDate(now);
  const tables = await participantTables(db);
  const ids = await recordIds(db, id, tables);
  const tag = participantHash(id).slice(0, 12);
  const blank = ANONYMISED.text;
  await db
    .updateTable('participants')
    .set((eb) => ({
      ...anonymisedParticipant(tag),
      version: eb('version', '+', 1),
      updated_at: now.toISOString(),
    }))
    .where('id', '=', id)
    .execute();
  // Timeline: the summaries are words; the facts' structured data stays, other kinds' goes.
  await db
    .updateTable('participant_events')
    .set({ summary: 'Anonymised' })
    .where('participant_id', '=', id)
    .execute();
  await db
    .updateTable('participant_events')
    .set({ data: '{}' })
    .where('participant_id', '=', id)
    .where('kind', 'not in', [...FACT_EVENT_KINDS])
    .execute();
  await db
    .updateTable('meeting_records')
    .set({ notes: blank, decision_note: null })
    .where('participant_id', '=', id)
    .execute();
  await db
    .updateTable('contact_attempts')
    .set({ note: blank })
    .where('participant_id', '=', id)
    .execute();
  await db
    .updateTable('life_events')
    .set({ note: blank, employer: blank })
    .where('participant_id', '=', id)
    .execute();
  await db
    .updateTable('support_referrals')
    .set({ detail: blank })
    .where('participant_id', '=', id)
    .execute();
  await db
    .updateTable('health_decisions')
    .set({ reason: blank })
    .where('participant_id', '=', id)
    .execute();
  await db
    .updateTable('travel_claims')
    .set({ reason: blank })
    .where('participant_id', '=', id)
    .execute();
  await db
    .updateTable('better_off_calculations')
    .set({ label: null })
    .where('participant_id', '=', id)
    .execute();
  await db
    .updateTable('participant_constraints')
    .set({ unavailable: '[]' })
    .where('participant_id', '=', id)
    .execute();
  // Letters keep their log line (what was sent, when, how); the copy that named the person goes.
  await db
    .updateTable('letter_log')
    .set({ snapshot: '{}' })
    .where('participant_id', '=', id)
    .execute();
  await db
    .updateTable('plan_versions')
    .set({ content: JSON.stringify(EMPTY_PLAN) })
    .where('participant_id', '=', id)
    .execute();
  await db.deleteFrom('plan_drafts').where('participant_id', '=', id).execute();
  for (const c of await complaintIds(db, id)) {
    await sql`UPDATE complaints SET summary = 'Anonymised' WHERE id = ${c}`.execute(db);
    await sql`UPDATE complaint_stages SET response = NULL WHERE complaint_id = ${c}`.execute(db);
  }
  // A linked survey answer becomes an anonymous one: no person, no date (as 0015 keeps them).
  await sql`UPDATE survey_responses SET participant_id = NULL, answered_on = NULL
    WHERE participant_id = ${id}`.execute(db);
  await removeJournal(db, id, ids);
  await db
    .insertInto('anonymised_participants')
    .values({ participant_id: id, anonymised_on: today })
    .onConflict((oc) => oc.column('participant_id').doUpdateSet({ anonymised_on: today }))
    .execute();
}
