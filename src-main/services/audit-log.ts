/**
 * Reading the audit log for a manager: filters, a page, a CSV export (through the one CSV
 * escaper). Each look is audited with the filter's shape, never its text.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { WritePath } from '../write-path/write-path';
import { toCsv } from '@shared/csv';
import type { AuditEntryView, AuditPage, AuditQuery } from '@shared/ipc/channels/audit';

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function filtered(db: Kysely<Database>, q: AuditQuery) {
  let query = db.selectFrom('audit_log');
  if (q.participantId) {
    const id = q.participantId;
    query = query.where((eb) =>
      eb.or([eb('entity_id', '=', id), eb('detail', 'like', `%${likeEscape(id)}%`)]),
    );
  }
  if (q.user) query = query.where('actor', 'like', `%${likeEscape(q.user)}%`);
  if (q.action)
    query = query.where((eb) =>
      eb.or([eb('action', '=', q.action!), eb('action', 'like', `${likeEscape(q.action!)}.%`)]),
    );
  // Stored instants are UTC ISO strings; a day's range is compared on the date part.
  if (q.from) query = query.where('at', '>=', q.from);
  if (q.to) query = query.where('at', '<', `${q.to}T99`);
  return query;
}

const toView = (r: {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
}): AuditEntryView => ({
  seq: r.seq,
  at: r.at,
  // The stored actor is "<id> <name>": the name is what a manager reads.
  user: r.actor.slice(r.actor.indexOf(' ') + 1),
  action: r.action,
  entityType: r.entity_type,
  entityId: r.entity_id,
});

const COLUMNS = ['seq', 'at', 'actor', 'action', 'entity_type', 'entity_id'] as const;

export class AuditLogService {
  constructor(private readonly wp: WritePath) {}

  private viewed(how: string, q: AuditQuery, rows: number) {
    return this.wp.transaction((w) =>
      w.audit('audit.view', 'audit_log', null, {
        how,
        rows,
        filters: Object.keys(q).filter(
          (k) => k !== 'offset' && k !== 'limit' && q[k as keyof AuditQuery] !== undefined,
        ),
      }),
    );
  }

  async list(q: AuditQuery): Promise<AuditPage> {
    const { total } = await filtered(this.wp.db, q)
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow();
    const rows = await filtered(this.wp.db, q)
      .select(COLUMNS)
      .orderBy('seq', 'desc')
      .offset(q.offset)
      .limit(q.limit)
      .execute();
    await this.viewed('list', q, rows.length);
    return { total: Number(total), entries: rows.map(toView) };
  }

  async exportCsv(q: AuditQuery): Promise<{ fileName: string; content: string }> {
    const rows = (await filtered(this.wp.db, q).select(COLUMNS).orderBy('seq').execute()).map(
      toView,
    );
    await this.viewed('export', q, rows.length);
    const content = toCsv(
      ['entry', 'at', 'user', 'action', 'record_type', 'record_id'],
      rows.map((r) => [r.seq, r.at, r.user, r.action, r.entityType, r.entityId]),
    );
    const day = this.wp.now().toISOString().slice(0, 10);
    return { fileName: `waymark-audit-${day}.csv`, content };
  }
}
