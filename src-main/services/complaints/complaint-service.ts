/**
 * Complaints, for the roles that handle them (managers): record, acknowledge, respond, escalate
 * along the profile's route, close with an outcome and lessons. Every change goes through the
 * write path, so it is audited (ids and field names only) and journalled in one transaction.
 * Each stage's response target comes from the charter profile, counted in working days of the
 * nation's calendar (the participant's, else the profile's default).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { v7 as uuidv7 } from 'uuid';
import { AppError, notFound } from '../../errors';
import type { WritePath } from '../../write-path/write-path';
import type { ProfileService } from '../obligations/charter-profiles';
import { calendarsFrom } from '@shared/domain/calendar/shipped-calendars';
import { isCivilDate } from '@shared/domain/calendar/civil-date';
import { NATIONS, type Nation } from '@shared/domain/calendar/nations';
import type { CharterProfile } from '@shared/domain/charter/profile';
import {
  complaintRoute,
  complaintState,
  OUTCOMES,
  responseDue,
  type ComplaintInput,
  type ComplaintOutcome,
} from '@shared/domain/complaints/complaint';
import { londonDate } from '@shared/domain/identity/civil-date';

type ComplaintsTable = {
  id: string;
  participant_id: string | null;
  received_on: string;
  channel: string;
  about: string;
  summary: string;
  profile_id: string;
  nation: string;
  acknowledged_on: string | null;
  outcome: string | null;
  lessons: string | null;
  closed_on: string | null;
  recorded_by: string;
  recorded_at: string;
};

type ComplaintStagesTable = {
  complaint_id: string;
  stage_index: number;
  stage_name: string;
  started_on: string;
  response_due: string | null;
  responded_on: string | null;
  response: string | null;
};

type Tables = {
  complaints: ComplaintsTable;
  complaint_stages: ComplaintStagesTable;
};

export type { ComplaintStageView, ComplaintView } from '@shared/ipc/channels/complaints';
import type { ComplaintView } from '@shared/ipc/channels/complaints';

const date = (value: string, field: string) => {
  if (!isCivilDate(value)) throw new AppError('invalid-input', 'Enter a real date', field);
  return value;
};

export class ComplaintService {
  private readonly calendars = calendarsFrom();

  constructor(
    private readonly wp: WritePath,
    private readonly profiles: ProfileService,
  ) {}

  private get db() {
    return this.wp.db.withTables<Tables>();
  }

  /** Complaints are visible only to the roles that handle them. */
  private async requireManager(): Promise<void> {
    if (!(await this.profiles.isManager()))
      throw new AppError('refused', 'Only a manager can see or record complaints');
  }

  /** The one resolver (shipped or a manager's copy, as in force today); unknown ids fall back by programme. */
  private async profileFor(id: string, programme = 'work-programme'): Promise<CharterProfile> {
    const today = londonDate(this.wp.now());
    return (await this.profiles.governing({ charterProfile: id, programme }, today)).profile;
  }

  /** `c` has passed `complaintInputSchema` at the boundary (the IPC router). */
  async record(c: ComplaintInput): Promise<ComplaintView> {
    await this.requireManager();
    const today = londonDate(this.wp.now());
    if (c.receivedOn > today)
      throw new AppError(
        'invalid-input',
        'The date received cannot be in the future',
        'receivedOn',
      );
    let profileId = c.profileId ?? 'work-programme';
    let nation: Nation | null = null;
    if (c.participantId !== null) {
      const p = await this.wp.db
        .selectFrom('participants')
        .select(['charter_profile', 'nation', 'programme'])
        .where('id', '=', c.participantId)
        .executeTakeFirst();
      if (!p) throw notFound('That participant');
      profileId = c.profileId ?? p.charter_profile;
      if ((NATIONS as readonly string[]).includes(p.nation)) nation = p.nation as Nation;
      profileId = (await this.profileFor(profileId, p.programme)).id;
    }
    const profile = await this.profileFor(profileId);
    nation ??= profile.defaultNation;
    const first = complaintRoute(profile)[0]!;
    const id = uuidv7();
    const row: ComplaintsTable = {
      id,
      participant_id: c.participantId,
      received_on: c.receivedOn,
      channel: c.channel,
      about: c.about,
      summary: c.summary,
      profile_id: profile.id,
      nation,
      acknowledged_on: null,
      outcome: null,
      lessons: null,
      closed_on: null,
      recorded_by: this.wp.actor.id,
      recorded_at: this.wp.now().toISOString(),
    };
    const stage: ComplaintStagesTable = {
      complaint_id: id,
      stage_index: 0,
      stage_name: first.name,
      started_on: c.receivedOn,
      response_due: responseDue(c.receivedOn, first, this.calendars[nation]),
      responded_on: null,
      response: null,
    };
    await this.wp.transaction(async (w) => {
      const trx = w.trx.withTables<Tables>();
      await trx.insertInto('complaints').values(row).execute();
      await trx.insertInto('complaint_stages').values(stage).execute();
      await w.record({
        action: 'complaint.record',
        entityType: 'complaint',
        entityId: id,
        op: 'insert',
        detail: { fields: Object.keys(c) },
        payload: { ...row, participantId: row.participant_id, stages: [stage] },
      });
    });
    return this.get(id);
  }

  async get(id: string): Promise<ComplaintView> {
    await this.requireManager();
    const row = await this.db
      .selectFrom('complaints')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound('That complaint');
    const stages = await this.db
      .selectFrom('complaint_stages')
      .selectAll()
      .where('complaint_id', '=', id)
      .orderBy('stage_index')
      .execute();
    return this.view(row, stages, await this.namesOf([row.participant_id]));
  }

  /**
   * Opening a complaint is audited (id only: complaints never reach a log or an error message).
   * The screen calls this; internal reads (letters, the agenda) use get().
   */
  async open(id: string): Promise<ComplaintView> {
    const view = await this.get(id);
    await this.wp.auditRead('complaint', id);
    return view;
  }

  /** Looking at the list of complaints is audited too. */
  async openList(): Promise<ComplaintView[]> {
    const views = await this.list();
    await this.wp.readAudit('complaint.list', 'complaint', null, {});
    return views;
  }

  private async namesOf(ids: (string | null)[]): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter((i): i is string => i !== null))];
    if (wanted.length === 0) return new Map();
    const rows = await this.wp.db
      .selectFrom('participants')
      .select(['id', 'given_name', 'family_name', 'preferred_name'])
      .where('id', 'in', wanted)
      .execute();
    return new Map(rows.map((p) => [p.id, `${p.preferred_name ?? p.given_name} ${p.family_name}`]));
  }

  async list(): Promise<ComplaintView[]> {
    await this.requireManager();
    const rows = await this.db
      .selectFrom('complaints')
      .selectAll()
      .orderBy('received_on')
      .execute();
    const stages = await this.db
      .selectFrom('complaint_stages')
      .selectAll()
      .orderBy('stage_index')
      .execute();
    const byComplaint = new Map<string, ComplaintStagesTable[]>();
    for (const s of stages)
      byComplaint.set(s.complaint_id, [...(byComplaint.get(s.complaint_id) ?? []), s]);
    const names = await this.namesOf(rows.map((r) => r.participant_id));
    return Promise.all(rows.map((r) => this.view(r, byComplaint.get(r.id) ?? [], names)));
  }

  /** The response given at a stage, for its letter. */
  async responseText(id: string, stageIndex: number): Promise<string | null> {
    await this.requireManager();
    const row = await this.db
      .selectFrom('complaint_stages')
      .select('response')
      .where('complaint_id', '=', id)
      .where('stage_index', '=', stageIndex)
      .executeTakeFirst();
    return row?.response ?? null;
  }

  /** Complaints whose current stage's response is overdue today: for the agenda. */
  async overdue(): Promise<ComplaintView[]> {
    return (await this.list()).filter((c) => c.state === 'overdue');
  }

  async acknowledge(id: string, on: string): Promise<ComplaintView> {
    date(on, 'on');
    return this.change(id, 'complaint.acknowledge', async (trx, current) => {
      if (on < current.receivedOn)
        throw new AppError(
          'invalid-input',
          'The acknowledgement cannot be before the complaint was received',
          'on',
        );
      await trx
        .updateTable('complaints')
        .set({ acknowledged_on: on })
        .where('id', '=', id)
        .execute();
      return { acknowledged_on: on };
    });
  }

  /** The response at the current stage. */
  async respond(id: string, on: string, response: string): Promise<ComplaintView> {
    date(on, 'on');
    const words = response.trim();
    if (!words) throw new AppError('invalid-input', 'Enter the response given', 'response');
    return this.change(id, 'complaint.respond', async (trx, current) => {
      const stage = current.stages.at(-1)!;
      if (stage.respondedOn !== null)
        throw new AppError('conflict', 'This stage has already been responded to');
      if (on < stage.startedOn)
        throw new AppError(
          'invalid-input',
          'The response cannot be before the stage started',
          'on',
        );
      await trx
        .updateTable('complaint_stages')
        .set({ responded_on: on, response: words })
        .where('complaint_id', '=', id)
        .where('stage_index', '=', stage.index)
        .execute();
      return { stage: stage.index, responded_on: on, response: words };
    });
  }

  /** The participant is still unhappy: the complaint moves to the next stage of the route. */
  async escalate(id: string, on: string): Promise<ComplaintView> {
    date(on, 'on');
    return this.change(id, 'complaint.escalate', async (trx, current) => {
      const next = current.nextStage;
      if (!next)
        throw new AppError('refused', 'This complaint is already at the last stage of its route');
      if (on < current.stages.at(-1)!.startedOn)
        throw new AppError(
          'invalid-input',
          'The escalation cannot be before the current stage started',
          'on',
        );
      const stage: ComplaintStagesTable = {
        complaint_id: id,
        stage_index: next.index,
        stage_name: next.name,
        started_on: on,
        response_due: responseDue(on, next, this.calendars[current.nation]),
        responded_on: null,
        response: null,
      };
      await trx.insertInto('complaint_stages').values(stage).execute();
      return { stage };
    });
  }

  async close(id: string, on: string, outcome: string, lessons: string): Promise<ComplaintView> {
    date(on, 'on');
    if (!(OUTCOMES as readonly string[]).includes(outcome))
      throw new AppError('invalid-input', 'Choose the outcome', 'outcome');
    return this.change(id, 'complaint.close', async (trx, current) => {
      if (on < current.receivedOn)
        throw new AppError(
          'invalid-input',
          'The complaint cannot close before it was received',
          'on',
        );
      const set = { closed_on: on, outcome, lessons: lessons.trim() || null };
      await trx.updateTable('complaints').set(set).where('id', '=', id).execute();
      return set;
    });
  }

  private async change(
    id: string,
    action: string,
    work: (
      trx: Kysely<Database & Tables>,
      current: ComplaintView,
    ) => Promise<Record<string, unknown>>,
  ): Promise<ComplaintView> {
    const current = await this.get(id);
    if (current.closedOn !== null && action !== 'complaint.close')
      throw new AppError('refused', 'This complaint is closed');
    if (current.closedOn !== null)
      throw new AppError('refused', 'This complaint is already closed');
    await this.wp.transaction(async (w) => {
      const payload = await work(w.trx.withTables<Tables>(), current);
      await w.record({
        action,
        entityType: 'complaint',
        entityId: id,
        op: 'update',
        detail: { fields: Object.keys(payload) },
        payload: { id, participantId: current.participantId, ...payload },
      });
    });
    return this.get(id);
  }

  private async view(
    row: ComplaintsTable,
    stages: ComplaintStagesTable[],
    names: Map<string, string>,
  ): Promise<ComplaintView> {
    const route = complaintRoute(await this.profileFor(row.profile_id));
    const current = stages.at(-1)!;
    const nation = (NATIONS as readonly string[]).includes(row.nation)
      ? (row.nation as Nation)
      : 'england-and-wales';
    return {
      id: row.id,
      participantId: row.participant_id,
      participantName: row.participant_id ? (names.get(row.participant_id) ?? null) : null,
      receivedOn: row.received_on,
      channel: row.channel,
      about: row.about,
      summary: row.summary,
      profileId: row.profile_id,
      nation,
      acknowledgedOn: row.acknowledged_on,
      outcome: row.outcome as ComplaintOutcome | null,
      lessons: row.lessons,
      closedOn: row.closed_on,
      state: complaintState(
        {
          responseDue: current.response_due,
          respondedOn: current.responded_on,
          closedOn: row.closed_on,
        },
        londonDate(this.wp.now()),
      ),
      stages: stages.map((s) => ({
        index: s.stage_index,
        name: s.stage_name,
        startedOn: s.started_on,
        responseDue: s.response_due,
        respondedOn: s.responded_on,
      })),
      nextStage: route[current.stage_index + 1] ?? null,
      route,
    };
  }
}
