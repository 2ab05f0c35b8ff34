/** Intake, details, status lifecycle and timeline: every write goes through the write path. */
import { v7 as uuidv7 } from 'uuid';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { AppError, notFound } from '../../errors';
import { withNotes } from '../status-work/timeline-notes';
import type { Writer, WritePath } from '../../write-path/write-path';
import {
  findByReferralId,
  findParticipant,
  referralColumns,
  toParticipant,
} from '../../db/repositories/participants';
import { CaseloadIndex, type ParsedCaseloadQuery } from './caseload-index';
import {
  CASELOAD_FIRST_ROWS,
  caseloadQuerySchema,
  type CaseloadQuery,
} from '@shared/ipc/channels/caseload';
import {
  STATUS_TRANSITIONS,
  type Participant,
  type Referral,
  type StatusChange,
  type TimelineEvent,
} from '@shared/schemas/participant';
import { londonDate } from '@shared/domain/identity/civil-date';
import { matchesDueFilter, type DueSummary } from '@shared/domain/charter/due-first';

/** What is due per participant (the obligation service), for the caseload's due columns. */
export interface DueLookup {
  dueSummaries(ids?: string[]): Promise<{ due: Map<string, DueSummary> }>;
}

export interface NewEvent {
  participantId: string;
  kind: string;
  date: string;
  summary: string;
  data?: Record<string, unknown>;
}

/** Adds an event to a participant's timeline (and so to the audit log and journal). */
export async function addTimelineEvent(w: Writer, e: NewEvent): Promise<string> {
  const row = {
    id: uuidv7(),
    participant_id: e.participantId,
    kind: e.kind,
    date: e.date,
    recorded_at: w.now.toISOString(),
    actor: w.actor.name,
    summary: e.summary,
    data: JSON.stringify(e.data ?? {}),
  };
  await w.trx.insertInto('participant_events').values(row).execute();
  await w.record({
    entityType: 'participant_event',
    entityId: row.id,
    op: 'append',
    payload: row,
    action: `participant.event.${e.kind}`,
    detail: { participantId: e.participantId },
  });
  return row.id;
}

async function requireParticipant(trx: Transaction<Database>, id: string) {
  const row = await findParticipant(trx, id);
  if (!row) throw notFound('That participant');
  return row;
}

export class ParticipantService {
  private readonly index: CaseloadIndex;

  constructor(private readonly wp: WritePath) {
    this.index = new CaseloadIndex(wp.db);
    wp.onExternalChange(() => this.index.invalidate());
  }

  /** Creates a participant inside an existing transaction (intake and CSV import share this). */
  async createIn(w: Writer, referral: Referral, source: 'intake' | 'import'): Promise<string> {
    const id = await this.createIfNew(w, referral, source);
    if (id === null)
      throw new AppError(
        'conflict',
        `Referral ${referral.referralId} is already on the caseload`,
        'referralId',
      );
    return id;
  }

  /**
   * Creates the participant unless their referral is already on the caseload (then null, and
   * nothing is written): one look-up per referral, so an import counts duplicates without a
   * second query.
   */
  async createIfNew(
    w: Writer,
    referral: Referral,
    source: 'intake' | 'import',
  ): Promise<string | null> {
    if (await findByReferralId(w.trx, referral.referralId)) return null;
    const id = uuidv7();
    const at = w.now.toISOString();
    const row = {
      id,
      ...referralColumns(referral),
      status: 'referred',
      exit_reason: null,
      adviser_id: w.actor.id,
      version: 1,
      created_at: at,
      updated_at: at,
    };
    await w.trx.insertInto('participants').values(row).execute();
    w.afterCommit(() => this.index.upsert(row));
    await w.record({
      entityType: 'participant',
      entityId: id,
      op: 'insert',
      payload: row,
      action: 'participant.create',
      detail: { source },
    });
    await addTimelineEvent(w, {
      participantId: id,
      kind: 'referral',
      date: referral.referralDate,
      summary: `Referred by ${referral.jobcentreOffice} (${source === 'import' ? 'imported from a referral batch' : 'entered at intake'})`,
      data: { referralId: referral.referralId, source },
    });
    return id;
  }

  create(referral: Referral): Promise<{ id: string }> {
    return this.wp.transaction(async (w) => ({ id: await this.createIn(w, referral, 'intake') }));
  }

  async get(id: string): Promise<Participant> {
    const row = await findParticipant(this.wp.db, id);
    if (!row) throw notFound('That participant');
    await this.wp.auditRead('participant', id);
    return toParticipant(row);
  }

  update(id: string, expectedVersion: number, referral: Referral): Promise<Participant> {
    return this.wp.transaction(async (w) => {
      const before = await requireParticipant(w.trx, id);
      if (before.version !== expectedVersion) {
        throw new AppError(
          'conflict',
          'Someone else changed this record while you were editing. Reload it and make your change again.',
        );
      }
      if (
        referral.referralId !== before.referral_id &&
        (await findByReferralId(w.trx, referral.referralId))
      ) {
        throw new AppError(
          'conflict',
          `Referral ${referral.referralId} is already on the caseload`,
          'referralId',
        );
      }
      const columns = referralColumns(referral);
      const changed = Object.keys(columns).filter(
        (k) =>
          k !== 'search_text' &&
          columns[k as keyof typeof columns] !== before[k as keyof typeof before],
      );
      const after = {
        ...before,
        ...columns,
        version: before.version + 1,
        updated_at: w.now.toISOString(),
      };
      await w.trx.updateTable('participants').set(after).where('id', '=', id).execute();
      w.afterCommit(() => this.index.upsert(after));
      await w.record({
        entityType: 'participant',
        entityId: id,
        op: 'update',
        payload: after,
        action: 'participant.update',
        detail: { fields: changed },
      });
      if (changed.some((c) => c.startsWith('address') || c === 'town' || c === 'postcode')) {
        await addTimelineEvent(w, {
          participantId: id,
          kind: 'moved-house',
          date: londonDate(w.now),
          summary: 'Address changed',
        });
      }
      return toParticipant(after);
    });
  }

  setStatus(change: StatusChange): Promise<Participant> {
    return this.wp.transaction((w) => this.changeStatusIn(w, change));
  }

  /**
   * A `correction` (status-work.ts) may set any other status, because it puts right what the
   * work or a hand-made change got wrong; it is audited as a correction and always has a reason.
   */
  async changeStatusIn(w: Writer, change: StatusChange, correction = false): Promise<Participant> {
    {
      const before = await requireParticipant(w.trx, change.id);
      const from = before.status as Participant['status'];
      if (correction ? from === change.status : !STATUS_TRANSITIONS[from].includes(change.status)) {
        throw new AppError(
          'refused',
          `A participant who is ${from} cannot become ${change.status}`,
          'status',
        );
      }
      if (change.date < before.referral_date) {
        throw new AppError('invalid-input', 'The date cannot be before the referral date', 'date');
      }
      const after = {
        ...before,
        status: change.status,
        exit_reason: change.exitReason ?? null,
        version: before.version + 1,
        updated_at: w.now.toISOString(),
      };
      await w.trx.updateTable('participants').set(after).where('id', '=', change.id).execute();
      w.afterCommit(() => this.index.upsert(after));
      await w.record({
        entityType: 'participant',
        entityId: change.id,
        op: 'update',
        payload: after,
        action: correction ? 'participant.status-corrected' : 'participant.status',
        detail: { from, to: change.status },
      });
      await addTimelineEvent(w, {
        participantId: change.id,
        kind: 'status',
        date: change.date,
        summary:
          change.status === 'exited'
            ? `Exited: ${change.exitReason}`
            : `Status changed from ${from} to ${change.status}`,
        data: {
          from,
          to: change.status,
          exitReason: change.exitReason ?? null,
          note: change.note ?? null,
          ...(correction ? { corrected: true } : {}),
        },
      });
      return toParticipant(after);
    }
  }

  async timeline(id: string): Promise<TimelineEvent[]> {
    if (!(await findParticipant(this.wp.db, id))) throw notFound('That participant');
    const rows = await this.wp.db
      .selectFrom('participant_events')
      .selectAll()
      .where('participant_id', '=', id)
      .orderBy('date', 'desc')
      .orderBy('recorded_at', 'desc')
      .execute();
    await this.wp.auditRead('participant', id, { view: 'timeline' });
    const events = rows.map((r) => ({
      id: r.id,
      participantId: r.participant_id,
      kind: r.kind,
      date: r.date,
      recordedAt: r.recorded_at,
      actor: r.actor,
      summary: r.summary,
      data: JSON.parse(r.data) as Record<string, unknown>,
    }));
    return withNotes(this.wp.db, id, events);
  }

  /** `only`, when given, keeps just those participants (the caseload's due filters). */
  list(query: CaseloadQuery, only?: ReadonlySet<string>) {
    return this.index.query(caseloadQuerySchema.parse(query), only);
  }

  /**
   * The caseload page the app shows (`q` passed the contract's schema at the router). A bulk
   * read of up to 1,000 names and NI numbers: audited with counts, never the search text.
   */
  /**
   * Gets the caseload's first screen ready while the renderer draws the unlocked page: the index
   * read and sorted by name (the table's first order) and what is due for its first rows, so the
   * first caseload:list finds them in memory. Nothing leaves the main process, so nothing is
   * audited here; browse audits what it returns.
   */
  async warm(dues: DueLookup, rows = CASELOAD_FIRST_ROWS): Promise<void> {
    const first = await this.index.query(
      { search: '', sort: 'name', direction: 'asc', offset: 0, limit: rows },
      undefined,
    );
    await dues.dueSummaries(first.rows.map((r) => r.id));
  }

  async browse(q: ParsedCaseloadQuery, dues: DueLookup) {
    let only: Set<string> | undefined;
    if (q.due) {
      const filter = q.due;
      const { due } = await dues.dueSummaries();
      only = new Set([...due].filter(([, d]) => matchesDueFilter(d, filter)).map(([id]) => id));
    }
    const found = await this.index.query(q, only);
    // What is due for the rows on this page only: the whole caseload is worked out only when a
    // due filter asks for it, so the first rows after unlock do not wait for 5,000 people.
    const { due } = await dues.dueSummaries(found.rows.map((r) => r.id));
    const page = { ...found, rows: found.rows.map((r) => ({ ...r, due: due.get(r.id) ?? null })) };
    await this.wp.readAudit('caseload.list', 'caseload', null, {
      via: 'app',
      rows: page.rows.length,
      offset: page.offset,
      total: page.total,
    });
    return page;
  }
}
