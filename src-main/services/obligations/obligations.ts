/**
 * Charter obligations from the caseload as it now is: each participant's facts (loadFacts), their
 * charter profile (shipped or a manager's copy) and their nation's working-day calendar, for
 * today in Europe/London, and the adviser's agenda built from them.
 *
 * Freshness: results are cached per participant and invalidated from the change journal, not
 * by hooks in other services. Every write in Waymark goes through the write path and so appends
 * a journal row; before answering, the service reads the rows added since it last looked (a
 * rowid range, so cheap) and drops the participants they name. A change that names no
 * participant (a profile saved, an office edited) drops everything. So an appointment moved or
 * a meeting logged by any service shows on the next call, while an agenda opened again with
 * nothing changed costs one journal lookup instead of recomputing 5,000 participants.
 */
import { sql } from 'kysely';
import type { WritePath } from '../../write-path/write-path';
import { AppError, notFound } from '../../errors';
import { loadFacts, type ParticipantFacts } from './obligation-facts';
import type { ProfileService, ResolvedProfile } from './charter-profiles';
import { toAppointment } from '../../db/repositories/diary';
import { calendarsFrom } from '@shared/domain/calendar/shipped-calendars';
import { addDays, toDayNumber, weekdayOf } from '@shared/domain/calendar/civil-date';
import type { CalendarSet } from '@shared/domain/calendar/working-day-calendar';
import { NATIONS, type Nation } from '@shared/domain/calendar/nations';
import { participantObligations } from '@shared/domain/charter/compute-obligations';
import type { Obligation } from '@shared/domain/charter/obligation';
import {
  ObligationsInputError,
  parseObligationsInput,
  plainFactsInput,
  type ParticipantFactsInput,
} from '@shared/domain/charter/obligations-input';
import { londonDate } from '@shared/domain/identity/civil-date';
import { dueSummary, isOverdue, type DueSummary } from '@shared/domain/charter/due-first';
import type { Agenda, AgendaObligation, Urgency } from '@shared/ipc/channels/agenda';
import type { ParticipantObligations, ShownObligation } from '@shared/ipc/channels/obligations';

/** "At risk": not met and due within this many working days of today. */
export const AT_RISK_WORKING_DAYS = 2;

/** Participants worked out per slice of the background warm-up (about 10 ms each here). */
const WARM_SLICE = 50;

/** Above this many participants to compute, one bulk read beats an IN list. */
const BULK_READ = 500;

/**
 * One participant's obligations as computed, in the engine's form; the explained form (with the
 * profile's wording) is made on first use, so the report, which counts the engine's form only,
 * does not allocate a second copy of every obligation in the caseload.
 */
class Computed {
  private shown: ShownObligation[] | null = null;

  constructor(
    readonly profile: ResolvedProfile,
    readonly engine: Obligation[],
  ) {}

  get obligations(): ShownObligation[] {
    return (this.shown ??= this.engine.map((o) => explain(o, this.profile)));
  }
}

interface PersonRow {
  id: string;
  charter_profile: string;
  programme: string;
  nation: string;
}

export class ObligationService {
  private readonly calendars: CalendarSet = calendarsFrom();
  private cache = new Map<string, Computed>();
  private cachedFor = '';
  /** The change journal's last rowid seen; null until the first look. */
  private seen: number | null = null;

  constructor(
    private readonly wp: WritePath,
    private readonly profiles: ProfileService,
  ) {
    // Pulled rows are not journalled, so the journal watermark below cannot see them; erasure
    // removes journal entries, so the watermark is read again too.
    wp.onExternalChange(() => {
      this.cache.clear();
      this.seen = null;
    });
  }

  today(): string {
    return londonDate(this.wp.now());
  }

  /** One participant's obligations with the profile wording that explains each. */
  async forParticipant(participantId: string): Promise<ParticipantObligations> {
    const today = await this.sync();
    const person = await this.wp.db
      .selectFrom('participants')
      .select(['id', 'charter_profile', 'programme', 'nation'])
      .where('id', '=', participantId)
      .executeTakeFirst();
    if (!person) throw notFound('That participant');
    const computed = (await this.compute([person], today)).get(participantId);
    if (!computed)
      throw new AppError(
        'refused',
        "This participant's records cannot be read as charter facts; check their timeline",
      );
    const { profile, version } = computed.profile;
    return {
      today,
      profile: { id: profile.id, name: profile.name, version },
      obligations: computed.obligations,
    };
  }

  /**
   * Obligations for the whole caseload (or the participants named), ordered by participant id,
   * in the engine's output form. `today` defaults to the session clock's date in Europe/London.
   */
  async caseload(opts: { ids?: string[]; today?: string } = {}): Promise<Obligation[]> {
    const { ids } = opts;
    const today = await this.sync(opts.today);
    let q = this.wp.db
      .selectFrom('participants')
      .select(['id', 'charter_profile', 'programme', 'nation'])
      .orderBy('id');
    if (ids) q = q.where('id', 'in', ids.length ? ids : ['']);
    const people = await q.execute();
    const computed = await this.compute(people, today);
    const out: Obligation[] = [];
    for (const p of people) for (const o of computed.get(p.id)?.engine ?? []) out.push(o);
    return out;
  }

  /**
   * What is due for each participant named (or the whole caseload): the caseload's next-due and
   * overdue columns and its filters. Cached with the obligations, so a second call is cheap.
   */
  async dueSummaries(ids?: string[]): Promise<{ today: string; due: Map<string, DueSummary> }> {
    const today = await this.sync();
    let q = this.wp.db
      .selectFrom('participants')
      .select(['id', 'charter_profile', 'programme', 'nation']);
    if (ids) q = q.where('id', 'in', ids.length ? ids : ['']);
    const people = await q.execute();
    const computed = await this.compute(people, today);
    const due = new Map<string, DueSummary>();
    for (const [id, c] of computed) due.set(id, dueSummary(c.obligations, today));
    return { today, due };
  }

  /**
   * Works out the whole caseload's obligations in the background after unlock, a slice at a
   * time, so a search keystroke or a scrolled page finds what is due for its rows in the cache
   * instead of computing it while the adviser waits (P9: up to 37 ms a keystroke). Each slice
   * is a few milliseconds of work and the event loop is given back between slices, so a request
   * arriving meanwhile waits for one slice at most. Stops as soon as `keepGoing` says the
   * caseload was locked. Rows already cached (the first screenful) are skipped.
   */
  async warmAll(keepGoing: () => boolean, slice = WARM_SLICE): Promise<number> {
    const people = await this.wp.db
      .selectFrom('participants')
      .select(['id', 'charter_profile', 'programme', 'nation'])
      .orderBy('family_name')
      .orderBy('given_name')
      .execute();
    let computed = 0;
    for (let i = 0; i < people.length && keepGoing(); i += slice) {
      await new Promise<void>((next) => setImmediate(next));
      if (!keepGoing()) break;
      const today = await this.sync();
      const todo = people.slice(i, i + slice).filter((p) => !this.cache.has(p.id));
      if (todo.length === 0) continue;
      // The explained form too: the caseload's due column reads it.
      for (const c of (await this.compute(todo, today)).values()) void c.obligations;
      computed += todo.length;
    }
    return computed;
  }

  /** The adviser's day: their appointments that day and the obligations needing them. */
  day(date?: string): Promise<Agenda> {
    const day = date ?? this.today();
    return this.agenda(day, day);
  }

  /** The Monday-to-Sunday week containing `date`. */
  week(date?: string): Promise<Agenda> {
    const d = date ?? this.today();
    const monday = addDays(d, -((weekdayOf(toDayNumber(d)) + 6) % 7));
    return this.agenda(monday, addDays(monday, 6));
  }

  private async agenda(from: string, to: string): Promise<Agenda> {
    const today = await this.sync();
    const adviserId = this.wp.actor.id;
    const people = await this.wp.db
      .selectFrom('participants')
      .select([
        'id',
        'charter_profile',
        'programme',
        'nation',
        'given_name',
        'family_name',
        'preferred_name',
        'adjustments',
      ])
      .where('status', '!=', 'exited')
      .where((eb) => eb.or([eb('adviser_id', '=', adviserId), eb('adviser_id', 'is', null)]))
      .orderBy('id')
      .execute();
    const names = new Map(
      people.map((p) => [p.id, `${p.preferred_name ?? p.given_name} ${p.family_name}`]),
    );
    const adjustments = new Map(people.map((p) => [p.id, p.adjustments]));
    const computed = await this.compute(people, today);
    const obligations: AgendaObligation[] = [];
    for (const p of people) {
      const calendar = this.calendars[nationOf(p.nation)];
      const atRiskUntil = calendar.addWorkingDays(today, AT_RISK_WORKING_DAYS);
      for (const o of computed.get(p.id)?.obligations ?? []) {
        const urgency = urgencyOf(o, today, atRiskUntil, to);
        if (urgency) obligations.push({ ...o, urgency, participantName: names.get(p.id)! });
      }
    }
    obligations.sort(byUrgency);
    const rows = await this.wp.db
      .selectFrom('appointments')
      .selectAll()
      .where('adviser_id', '=', adviserId)
      .where('start', '>=', `${from}T00:00`)
      .where('start', '<=', `${to}T23:59`)
      .orderBy('start')
      .execute();
    const missing = rows.map((r) => r.participant_id).filter((id) => !names.has(id));
    if (missing.length)
      for (const p of await this.wp.db
        .selectFrom('participants')
        .select(['id', 'given_name', 'family_name', 'preferred_name', 'adjustments'])
        .where('id', 'in', missing)
        .execute()) {
        names.set(p.id, `${p.preferred_name ?? p.given_name} ${p.family_name}`);
        adjustments.set(p.id, p.adjustments);
      }
    const appointments = rows.map((r) => ({
      ...toAppointment(r),
      participantName: names.get(r.participant_id) ?? '',
      adjustments: adjustments.get(r.participant_id) ?? '',
    }));
    return { today, from, to, appointments, obligations };
  }

  /**
   * Brings the cache up to date with the journal and today's date; returns today. Changes since
   * the last look drop the participants they name (or everything, for a change naming none).
   */
  private async sync(on?: string): Promise<string> {
    const today = on ?? this.today();
    if (today !== this.cachedFor) {
      this.cache.clear();
      this.cachedFor = today;
    }
    if (this.seen === null) {
      const last = await sql<{
        last: number | null;
      }>`SELECT max(rowid) AS last FROM change_journal`.execute(this.wp.db);
      this.seen = last.rows[0]?.last ?? 0;
      this.cache.clear();
      return today;
    }
    const changes = await sql<{
      seq: number;
      entity_type: string;
      entity_id: string;
      pid: unknown;
    }>`SELECT rowid AS seq, entity_type, entity_id,
         coalesce(json_extract(payload, '$.participant_id'), json_extract(payload, '$.participantId')) AS pid
       FROM change_journal WHERE rowid > ${this.seen} ORDER BY rowid`.execute(this.wp.db);
    for (const c of changes.rows) {
      this.seen = Math.max(this.seen, c.seq);
      const id = c.entity_type === 'participant' ? c.entity_id : c.pid;
      if (typeof id === 'string') this.cache.delete(id);
      else this.cache.clear();
    }
    return today;
  }

  /** Computes (or takes from the cache) each participant's obligations. */
  private async compute(people: PersonRow[], today: string): Promise<Map<string, Computed>> {
    const out = new Map<string, Computed>();
    const todo: PersonRow[] = [];
    for (const p of people) {
      const hit = this.cache.get(p.id);
      if (hit) out.set(p.id, hit);
      else todo.push(p);
    }
    if (todo.length === 0) return out;
    const wanted = new Set(todo.map((p) => p.id));
    const facts = (
      todo.length > BULK_READ
        ? await loadFacts(this.wp.db)
        : await loadFacts(
            this.wp.db,
            todo.map((p) => p.id),
          )
    ).filter((f) => wanted.has(f.id));
    const byId = new Map(todo.map((p) => [p.id, p]));
    const governing = await this.profiles.resolver();
    // Grouped by profile so each profile is checked once, not once per participant.
    const groups = new Map<string, { profile: ResolvedProfile; facts: ParticipantFacts[] }>();
    for (const f of facts) {
      const person = byId.get(f.id)!;
      const profile = governing(
        { charterProfile: person.charter_profile, programme: person.programme },
        today,
      );
      const key = `${profile.profile.id}@${profile.version}`;
      const group = groups.get(key) ?? { profile, facts: [] };
      group.facts.push(f);
      groups.set(key, group);
    }
    for (const { profile, facts: group } of groups.values()) {
      for (const [participant, input] of this.parse(group, profile, today)) {
        const engine = participantObligations(input, profile.profile, null, today, this.calendars);
        const computed = new Computed(profile, engine);
        this.cache.set(participant, computed);
        out.set(participant, computed);
      }
    }
    return out;
  }

  /**
   * Checks facts against the engine's input. Facts whose every field already passes the schema's
   * checks are taken as they are (plainFactsInput: the schema would cost as much as the engine);
   * any other participant goes through the schema alone, so one participant's unreadable record
   * leaves out only that participant. `today` and the profile are checked once per group.
   */
  private parse(
    facts: ParticipantFacts[],
    profile: ResolvedProfile,
    today: string,
  ): (readonly [string, ParticipantFactsInput])[] {
    const input = (participants: ParticipantFacts[]) =>
      parseObligationsInput({ today, profile: profile.profile, participants }).participants;
    const schema = (f: ParticipantFacts) => {
      try {
        return input([f]).map((p) => [p.id, p] as const);
      } catch (error) {
        if (error instanceof ObligationsInputError) return [];
        throw error;
      }
    };
    try {
      input([]);
    } catch (error) {
      if (error instanceof ObligationsInputError) return [];
      throw error;
    }
    return facts.flatMap((f) => {
      const plain = plainFactsInput(f);
      return plain ? [[f.id, plain] as const] : schema(f);
    });
  }
}

function nationOf(value: string): Nation {
  return (NATIONS as readonly string[]).includes(value) ? (value as Nation) : 'england-and-wales';
}

function explain(o: Obligation, { profile, version }: ResolvedProfile): ShownObligation {
  const rule = profile.rules[o.rule];
  return {
    ...o,
    profileId: profile.id,
    profileName: profile.name,
    profileVersion: version,
    ruleTitle: rule.title,
    promise: rule.promise,
    source: rule.source,
  };
}

/**
 * Overdue: missed and still worth doing (a past month's meetings cannot be held any more, so a
 * missed R6 month is a record, not a task). At risk: pending and due within two working days.
 * Due: pending and due by the end of the range shown.
 */
export function urgencyOf(
  o: Obligation,
  today: string,
  atRiskUntil: string,
  rangeEnd: string,
): Urgency | null {
  if (o.status === 'missed') return isOverdue(o) ? 'overdue' : null;
  if (o.status !== 'pending') return null;
  if (o.due <= atRiskUntil) return 'at-risk';
  return o.due <= rangeEnd && o.due >= today ? 'due' : null;
}

const URGENCY_ORDER: Record<Urgency, number> = { overdue: 0, 'at-risk': 1, due: 2 };

function byUrgency(a: AgendaObligation, b: AgendaObligation): number {
  return (
    URGENCY_ORDER[a.urgency] - URGENCY_ORDER[b.urgency] ||
    (a.due < b.due ? -1 : a.due > b.due ? 1 : 0) ||
    a.participantName.localeCompare(b.participantName, 'en-GB') ||
    Number(a.rule.slice(1)) - Number(b.rule.slice(1))
  );
}
