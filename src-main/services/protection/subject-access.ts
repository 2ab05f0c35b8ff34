/**
 * A subject-access export (UK GDPR Art. 15): everything held about one participant, as JSON.
 * Every table with a participant_id column is included, found from the schema itself, so a table
 * added later is in the export without anyone remembering to add it. Letters come as the PDFs
 * that were sent (rebuilt from their snapshots, checked against the logged hash); the audit
 * entries about the person and their records say who viewed and changed what. The request's
 * one-month deadline is recorded in the export's own audit entry.
 */
import type { Services } from '../../app/services';
import { notFound } from '../../errors';
import { findByReferralId } from '../../db/repositories/participants';
import { addMonthsClamped } from '@shared/domain/calendar/civil-date';
import { londonDate } from '@shared/domain/identity/civil-date';
import { sql } from 'kysely';

/**
 * ICO guidance: one calendar month from the day the request is received; where the next month
 * has no such date, its last day. (Extendable by two months for complex requests: not modelled.)
 */
export const respondBy = (requestedOn: string): string => addMonthsClamped(requestedOn, 1);

/** The deadline for a request received on a day, as the screen asks for it. */
export const subjectAccessDeadline = (requestedOn: string): { respondBy: string } => ({
  respondBy: respondBy(requestedOn),
});

type Row = Record<string, unknown>;

/** Derived columns that hold nothing the record does not already say. */
const DERIVED = new Set(['search_text']);

/** Columns stored as JSON text are given back as structure. */
function readable(row: Row): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) {
    if (DERIVED.has(k)) continue;
    if (typeof v === 'string' && /^[[{]/.test(v)) {
      try {
        out[k] = JSON.parse(v);
        continue;
      } catch {
        // Text that merely starts with a bracket.
      }
    }
    out[k] = v;
  }
  return out;
}

export interface SubjectAccessExport {
  request: { requestedOn: string; respondBy: string; exportedAt: string };
  controllerNote: string;
  participant: unknown;
  timeline: unknown;
  /** Table name → every row about the person. */
  records: Record<string, Row[]>;
  letters: {
    id: string;
    kind: string;
    issuedAt: string;
    fileName: string;
    identical: boolean;
    pdfBase64: string;
  }[];
  accessLog: { at: string; actor: string; action: string; entityType: string }[];
}

export async function exportSubjectAccess(
  services: Services,
  idOrReferral: string,
  opts: { requestedOn?: string } = {},
): Promise<SubjectAccessExport> {
  const db = services.wp.db;
  const byRef = await findByReferralId(db, idOrReferral);
  const id = byRef?.id ?? idOrReferral;
  const exists = await db
    .selectFrom('participants')
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst();
  if (!exists) throw notFound('That participant');
  const requestedOn = opts.requestedOn ?? londonDate(services.wp.now());

  const participant = await services.participants.get(id);
  const timeline = await services.participants.timeline(id);

  const tables = (
    await sql<{ name: string }>`
      SELECT m.name FROM sqlite_master m, pragma_table_info(m.name) c
      WHERE m.type = 'table' AND c.name = 'participant_id' ORDER BY m.name`.execute(db)
  ).rows.map((r) => r.name);
  const records: Record<string, Row[]> = {
    participants: (
      await sql<Row>`SELECT * FROM participants WHERE id = ${id}`.execute(db)
    ).rows.map(readable),
  };
  // Ids of the person's records, to find the audit entries about them.
  const ids = new Set<string>([id]);
  for (const table of tables) {
    const rows = (
      await sql<Row>`SELECT * FROM ${sql.table(table)} WHERE participant_id = ${id}`.execute(db)
    ).rows;
    if (rows.length === 0) continue;
    records[table] = rows.map(readable);
    for (const r of rows)
      for (const key of ['id', 'appointment_id', 'event_id'])
        if (typeof r[key] === 'string') ids.add(r[key] as string);
  }

  const letters: SubjectAccessExport['letters'] = [];
  for (const letter of records.letter_log ?? []) {
    const file = await services.documents.documentFile(letter.id as string);
    letters.push({
      id: file.entry.id,
      kind: file.entry.kind,
      issuedAt: file.entry.issuedAt,
      fileName: file.fileName,
      identical: file.identical,
      pdfBase64: file.bytes.toString('base64'),
    });
  }

  const audit = await db
    .selectFrom('audit_log')
    .select(['at', 'actor', 'action', 'entity_type', 'entity_id', 'detail'])
    .orderBy('seq')
    .execute();
  const accessLog = audit
    .filter((a) => (a.entity_id !== null && ids.has(a.entity_id)) || a.detail.includes(id))
    .map((a) => ({ at: a.at, actor: a.actor, action: a.action, entityType: a.entity_type }));

  const clock = { requestedOn, respondBy: respondBy(requestedOn) };
  await services.wp.transaction((w) =>
    w.audit('participant.subject-access-export', 'participant', id, {
      ...clock,
      letters: letters.length,
    }),
  );
  return {
    request: { ...clock, exportedAt: services.wp.now().toISOString() },
    controllerNote:
      'Produced by Waymark for a subject access request. It holds every record about this person on this caseload: each table that refers to them, the letters sent to them as PDFs, and the log of who viewed or changed their records.',
    participant,
    timeline,
    records,
    letters,
    accessLog,
  };
}
