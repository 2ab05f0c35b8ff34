/**
 * "You told us, we did": a manager records each change made because of complaints or feedback,
 * linked to what lay behind it, and prints the log as a poster for the waiting room. Every change
 * goes through the write path (audited with ids and field names only, journalled). The poster is
 * built from what was said and done alone; the words are refused if they name anyone linked.
 */
import { v7 as uuidv7 } from 'uuid';
import { AppError, notFound } from '../../errors';
import { createPdfRenderer } from '../../pdf/render';
import { buildYouToldUsPoster } from '../../pdf/documents/you-told-us-poster';
import type { WritePath } from '../../write-path/write-path';
import type { ProfileService } from '../obligations/charter-profiles';
import type { Desktop } from '../../app/desktop';
import { providerOfficeName } from '../../db/repositories/diary';
import { deliverPdf } from '../documents/pdf-delivery';
import type { DesktopAction, DesktopOutcome } from '@shared/ipc/channels/desktop';
import { dayMonthYear } from '@shared/wording/dates';
import { londonDate } from '@shared/domain/identity/civil-date';
import {
  mentionedName,
  SOURCE_KIND_WORDS,
  type YouToldUsInput,
  type SourceKind,
  type SourceLink,
} from '@shared/domain/complaints/you-told-us';
import type { YouToldUsEntry, YouToldUsSourceView } from '@shared/ipc/channels/you-told-us';

type EntryTable = {
  id: string;
  said: string;
  did: string;
  changed_on: string;
  recorded_by: string;
  updated_at: string;
};
type SourceTable = { entry_id: string; source_kind: string; source_id: string };
type ComplaintRow = {
  id: string;
  participant_id: string | null;
  received_on: string;
  about: string;
};
type Tables = {
  you_told_us: EntryTable;
  you_told_us_sources: SourceTable;
  complaints: ComplaintRow;
};

export class YouToldUsService {
  constructor(
    private readonly wp: WritePath,
    private readonly profiles: ProfileService,
  ) {}

  private get db() {
    return this.wp.db.withTables<Tables>();
  }

  private async requireManager(): Promise<void> {
    if (!(await this.profiles.isManager()))
      throw new AppError('refused', 'Only a manager can see or change "You told us, we did"');
  }

  async list(): Promise<YouToldUsEntry[]> {
    await this.requireManager();
    const rows = await this.db
      .selectFrom('you_told_us')
      .selectAll()
      .orderBy('changed_on', 'desc')
      .orderBy('id', 'desc')
      .execute();
    const links = await this.db.selectFrom('you_told_us_sources').selectAll().execute();
    const labels = await this.sourceLabels(links);
    return rows.map((r) => this.view(r, links, labels));
  }

  async get(id: string): Promise<YouToldUsEntry> {
    await this.requireManager();
    const row = await this.db
      .selectFrom('you_told_us')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound('That entry');
    const links = await this.db
      .selectFrom('you_told_us_sources')
      .selectAll()
      .where('entry_id', '=', id)
      .execute();
    return this.view(row, links, await this.sourceLabels(links));
  }

  /** `e` has passed `youToldUsInputSchema` at the boundary (the IPC router). */
  async save(e: YouToldUsInput): Promise<YouToldUsEntry> {
    await this.requireManager();
    if (e.changedOn > londonDate(this.wp.now()))
      throw new AppError(
        'invalid-input',
        'The date of the change cannot be in the future',
        'changedOn',
      );
    await this.checkSources(e.sources);
    const names = await this.linkedNames(e.sources);
    for (const field of ['said', 'did'] as const)
      if (mentionedName(e[field], names) !== null)
        // The name itself stays out of the message: errors never carry personal data.
        throw new AppError(
          'invalid-input',
          'This is printed for the waiting room: leave out the name of anyone behind it',
          field,
        );
    const id = e.id ?? uuidv7();
    if (e.id) {
      const exists = await this.db
        .selectFrom('you_told_us')
        .select('id')
        .where('id', '=', e.id)
        .executeTakeFirst();
      if (!exists) throw notFound('That entry');
    }
    const row: EntryTable = {
      id,
      said: e.said,
      did: e.did,
      changed_on: e.changedOn,
      recorded_by: this.wp.actor.id,
      updated_at: this.wp.now().toISOString(),
    };
    await this.wp.transaction(async (w) => {
      const trx = w.trx.withTables<Tables>();
      if (e.id) {
        await trx
          .updateTable('you_told_us')
          .set({
            said: row.said,
            did: row.did,
            changed_on: row.changed_on,
            updated_at: row.updated_at,
          })
          .where('id', '=', id)
          .execute();
        await trx.deleteFrom('you_told_us_sources').where('entry_id', '=', id).execute();
      } else await trx.insertInto('you_told_us').values(row).execute();
      await trx
        .insertInto('you_told_us_sources')
        .values(e.sources.map((s) => ({ entry_id: id, source_kind: s.kind, source_id: s.id })))
        .execute();
      await w.record({
        action: e.id ? 'you-told-us.update' : 'you-told-us.create',
        entityType: 'you_told_us',
        entityId: id,
        op: e.id ? 'update' : 'insert',
        detail: { fields: ['said', 'did', 'changedOn', 'sources'], sources: e.sources.length },
        payload: { ...row, sources: e.sources },
      });
    });
    return this.get(id);
  }

  /** The poster: what was said and done, and when; nothing else leaves the database. */
  async posterPdf(organisation: string): Promise<Buffer> {
    const entries = await this.list();
    const now = this.wp.now();
    return createPdfRenderer().render(
      buildYouToldUsPoster({
        issuedAt: now.toISOString(),
        organisation,
        entries: entries.map((e) => ({ said: e.said, did: e.did, changedOn: e.changedOn })),
      }),
    );
  }

  /** The poster for the waiting room, naming the organisation as the complaint letters do. */
  async deliverPoster(desktop: Desktop, action: DesktopAction): Promise<DesktopOutcome> {
    const organisation = (await providerOfficeName(this.wp.db)) ?? 'Our service';
    const title = 'You told us, we did';
    const bytes = await this.posterPdf(organisation);
    return deliverPdf(desktop, action, { bytes, fileName: `${title}.pdf`, title });
  }

  /** A complaint link must name a complaint on this caseload; feedback ids are kept as given. */
  private async checkSources(sources: SourceLink[]): Promise<void> {
    const complaintIds = sources.filter((s) => s.kind === 'complaint').map((s) => s.id);
    if (complaintIds.length === 0) return;
    const found = await this.db
      .selectFrom('complaints')
      .select('id')
      .where('id', 'in', complaintIds)
      .execute();
    if (found.length !== complaintIds.length)
      throw new AppError(
        'invalid-input',
        'One of the linked complaints is not on this caseload',
        'sources',
      );
  }

  /** The names of the participants behind the linked complaints, in every form we hold. */
  private async linkedNames(sources: SourceLink[]): Promise<string[]> {
    const complaintIds = sources.filter((s) => s.kind === 'complaint').map((s) => s.id);
    if (complaintIds.length === 0) return [];
    const people = await this.wp.db
      .selectFrom('participants')
      .innerJoin(
        this.db
          .selectFrom('complaints')
          .select('participant_id')
          .where('id', 'in', complaintIds)
          .as('c'),
        'c.participant_id',
        'participants.id',
      )
      .select(['given_name', 'family_name', 'preferred_name'])
      .execute();
    return people.flatMap((p) => [
      `${p.given_name} ${p.family_name}`,
      ...(p.preferred_name ? [`${p.preferred_name} ${p.family_name}`] : []),
      p.family_name,
    ]);
  }

  private async sourceLabels(links: SourceTable[]): Promise<Map<string, string>> {
    const complaintIds = links.filter((l) => l.source_kind === 'complaint').map((l) => l.source_id);
    const complaints =
      complaintIds.length === 0
        ? []
        : await this.db
            .selectFrom('complaints')
            .select(['id', 'received_on', 'about'])
            .where('id', 'in', [...new Set(complaintIds)])
            .execute();
    return new Map(
      complaints.map((c) => [
        `complaint:${c.id}`,
        `Complaint received ${dayMonthYear(c.received_on)}: ${c.about}`,
      ]),
    );
  }

  private view(row: EntryTable, links: SourceTable[], labels: Map<string, string>): YouToldUsEntry {
    const sources: YouToldUsSourceView[] = links
      .filter((l) => l.entry_id === row.id)
      .map((l) => {
        const kind = l.source_kind as SourceKind;
        return {
          kind,
          id: l.source_id,
          // Feedback is stored elsewhere (the surveys); until it is read here, its reference
          // (the start of its id) identifies it.
          label:
            labels.get(`${kind}:${l.source_id}`) ??
            (kind === 'complaint'
              ? 'Complaint (no longer on this computer)'
              : `${SOURCE_KIND_WORDS[kind] ?? 'Feedback'}, reference ${l.source_id.slice(0, 8)}`),
        };
      });
    return {
      id: row.id,
      said: row.said,
      did: row.did,
      changedOn: row.changed_on,
      sources,
      updatedAt: row.updated_at,
    };
  }
}
