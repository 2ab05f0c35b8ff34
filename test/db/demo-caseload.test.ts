/**
 * The demo caseload: the same seed gives the same caseload, its obligations show every status
 * across several rules, every appointment keeps the diary rules, and all three nations appear.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempCaseload, type TempCaseload } from '../support/temp-caseload';
import { seedDemoCaseload, type DemoSummary } from '../../src-main/demo/demo-caseload';
import { loadDiaryContext } from '../../src-main/services/diary/diary-context';
import { bookingRefusal } from '@shared/domain/diary';
import type { Services } from '../../src-main/app/services';

const TODAY = '2026-11-20';
/** A fixed clock on the demo's last day, so "today" checks in the services agree with it. */
const clock = () => new Date(`${TODAY}T18:00:00Z`);
const PARTICIPANTS = 30;

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
/** Columns stamped from the clock or generated: not part of what the seed decides. */
const UNSEEDED = new Set([
  'id',
  'created_at',
  'updated_at',
  'recorded_at',
  'saved_at',
  'event_id',
  'hlc',
]);

/**
 * Every seeded table as sorted JSON lines, with ids replaced by what they point at (a referral
 * id, an office name, an appointment's participant and start) so links are compared too.
 */
async function canonical(services: Services): Promise<Record<string, string[]>> {
  const db = services.wp.db;
  const names = new Map<string, string>();
  for (const p of await db.selectFrom('participants').select(['id', 'referral_id']).execute())
    names.set(p.id, p.referral_id);
  for (const o of await db.selectFrom('offices').select(['id', 'name']).execute())
    names.set(o.id, o.name);
  for (const a of await db
    .selectFrom('appointments')
    .select(['id', 'participant_id', 'start'])
    .execute())
    names.set(a.id, `${names.get(a.participant_id)}@${a.start}`);
  const tables = [
    'participants',
    'participant_events',
    'offices',
    'rooms',
    'adviser_patterns',
    'adviser_leave',
    'appointments',
    'meeting_records',
    'contact_attempts',
    'plan_versions',
    'support_referrals',
    'health_decisions',
    'better_off_calculations',
    'life_events',
  ] as const;
  const out: Record<string, string[]> = {};
  for (const table of tables) {
    const rows = (await db.selectFrom(table).selectAll().execute()) as Record<string, unknown>[];
    out[table] = rows
      .map((row) =>
        JSON.stringify(
          Object.fromEntries(Object.entries(row).filter(([k]) => !UNSEEDED.has(k))),
        ).replace(UUID, (id) => names.get(id) ?? 'id'),
      )
      .sort();
  }
  return out;
}

describe('demo caseload', () => {
  let first: TempCaseload;
  let second: TempCaseload;
  let summary: DemoSummary;

  beforeAll(async () => {
    first = await tempCaseload({ now: clock });
    second = await tempCaseload({ now: clock });
    summary = await seedDemoCaseload(first.services, {
      participants: PARTICIPANTS,
      seed: 7,
      today: TODAY,
    });
    await seedDemoCaseload(second.services, { participants: PARTICIPANTS, seed: 7, today: TODAY });
  }, 120_000);

  afterAll(async () => {
    await first?.close();
    await second?.close();
  });

  it('gives the same caseload for the same seed, and a different one for another', async () => {
    const a = await canonical(first.services);
    const b = await canonical(second.services);
    expect(summary.created).toBe(PARTICIPANTS);
    expect(a.appointments?.length).toBeGreaterThan(100);
    expect(b).toEqual(a);

    const other = await tempCaseload({ now: clock });
    try {
      await seedDemoCaseload(other.services, { participants: PARTICIPANTS, seed: 8, today: TODAY });
      const c = await canonical(other.services);
      expect(c.participants).not.toEqual(a.participants);
      expect(c.appointments).not.toEqual(a.appointments);
    } finally {
      await other.close();
    }
  }, 60_000);

  it('holds offices, rooms, a working pattern, plans, work and exits', async () => {
    const db = first.services.wp.db;
    const count = async (table: 'offices' | 'rooms' | 'adviser_patterns' | 'plan_versions') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count('offices')).toBe(6);
    expect(await count('rooms')).toBe(18);
    expect(await count('adviser_patterns')).toBe(2);
    expect(await count('plan_versions')).toBeGreaterThan(PARTICIPANTS);
    const offices = await first.services.diary.listOffices();
    for (const o of offices) {
      expect(o.openingHours.mon).toEqual([['09:00', '17:00']]);
      expect(o.closures.some((c) => c.reason === 'Christmas closure')).toBe(true);
      expect(o.publicTransport).not.toBe('');
    }
    const events = await db.selectFrom('participant_events').select(['kind', 'data']).execute();
    const initial = events.filter(
      (e) => e.kind === 'contact' && JSON.parse(e.data).contactKind === 'initial',
    );
    expect(initial.length).toBeGreaterThan(PARTICIPANTS * 0.8);
    expect(initial.every((e) => JSON.parse(e.data).inductionOffered !== undefined)).toBe(true);
    const statuses = new Set(
      (await db.selectFrom('participants').select('status').execute()).map((p) => p.status),
    );
    expect(statuses).toContain('started');
    expect(statuses).toContain('in-work');
    expect(statuses).toContain('exited');
    const kinds = new Set(events.map((e) => e.kind));
    for (const kind of ['meeting', 'ppep-agreed', 'better-off', 'life-event', 'contact'])
      expect(kinds).toContain(kind);
  });

  it('has met, met-late, missed and pending obligations across several rules', async () => {
    const obligations = await first.services.obligations.caseload();
    const byRule = new Map<string, Set<string>>();
    for (const o of obligations) {
      const set = byRule.get(o.rule) ?? new Set();
      set.add(o.status);
      byRule.set(o.rule, set);
    }
    const rulesWith = (status: string) =>
      [...byRule].filter(([, s]) => s.has(status)).map(([rule]) => rule);
    expect(rulesWith('met').length).toBeGreaterThanOrEqual(6);
    expect(rulesWith('met-late').length).toBeGreaterThanOrEqual(3);
    expect(rulesWith('missed').length).toBeGreaterThanOrEqual(2);
    expect(rulesWith('pending').length).toBeGreaterThanOrEqual(3);
    // Meetings are the bulk of the work: most months have their two meetings.
    const r6 = obligations.filter((o) => o.rule === 'R6' && o.status !== 'pending');
    expect(r6.filter((o) => o.status === 'met').length).toBeGreaterThan(r6.length / 2);
  });

  it('keeps every appointment within the diary rules, with no clashes', async () => {
    const db = first.services.wp.db;
    const adviserId = first.services.wp.actor.id;
    const appointments = await db.selectFrom('appointments').selectAll().orderBy('start').execute();
    expect(summary.refused).toBe(0);
    for (const a of appointments) {
      const day = a.start.slice(0, 10);
      const ctx = await loadDiaryContext(db, {
        adviserId,
        participantId: a.participant_id,
        from: day,
        to: day,
      });
      expect(
        bookingRefusal(ctx, {
          officeId: a.office_id,
          room: a.room,
          start: a.start,
          end: a.end,
          channel: a.channel as 'in-person',
        }),
      ).toBeNull();
    }
    // Appointments that take time (booked or held) never overlap for the adviser (nor so for
    // a room or a participant, who share the adviser's diary here).
    const live = appointments.filter((a) => a.outcome === 'booked' || a.outcome === 'attended');
    for (let i = 1; i < live.length; i++) expect(live[i]!.start >= live[i - 1]!.end).toBe(true);
    // Some are still to come: the agenda has something to show.
    expect(live.some((a) => a.start.slice(0, 10) > TODAY && a.outcome === 'booked')).toBe(true);
  });

  it('puts participants and offices in all three nations', async () => {
    const db = first.services.wp.db;
    const nations = async (table: 'participants' | 'offices') =>
      new Set((await db.selectFrom(table).select('nation').execute()).map((r) => r.nation));
    const all = ['england-and-wales', 'scotland', 'northern-ireland'];
    expect([...(await nations('participants'))].sort()).toEqual([...all].sort());
    expect([...(await nations('offices'))].sort()).toEqual([...all].sort());
  });

  it('refuses a caseload that is not empty, or a today after the clock, changing nothing', async () => {
    const db = first.services.wp.db;
    const journal = async () =>
      Number(
        (
          await db
            .selectFrom('change_journal')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await journal();
    await expect(
      seedDemoCaseload(first.services, { participants: 5, seed: 7, today: TODAY }),
    ).rejects.toMatchObject({ code: 'refused', field: 'db' });
    await expect(
      seedDemoCaseload(first.services, { participants: 5, seed: 7, today: '2026-11-21' }),
    ).rejects.toMatchObject({ code: 'invalid-input', field: 'today' });
    expect(await journal()).toBe(before);
  });
});
