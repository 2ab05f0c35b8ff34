import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempCaseload, type TempCaseload } from '../support/temp-caseload';
import { referral } from '../support/referrals';
import { referralSchema } from '../../src-shared/schemas/participant';
import type { ShownObligation } from '../../src-shared/ipc/channels/obligations';
import { officeSchema } from '../../src-shared/schemas/diary';
import { contactAttemptSchema, logMeetingSchema } from '../../src-shared/schemas/meeting';

/** The session clock, moved by each test; noon UTC is the same civil date in London. */
let clock = new Date('2026-11-05T12:00:00Z');
const setToday = (date: string) => (clock = new Date(`${date}T12:00:00Z`));

let c: TempCaseload;
beforeEach(async () => {
  setToday('2026-11-05');
  c = await tempCaseload({ now: () => clock });
});
afterEach(() => c.close());

const add = async (overrides: Parameters<typeof referral>[0] = {}) =>
  (await c.services.participants.create(referralSchema.parse(referral(overrides)))).id;

const rule = async (participantId: string, r: string): Promise<ShownObligation[]> =>
  (await c.services.obligations.forParticipant(participantId)).obligations.filter(
    (o) => o.rule === r,
  );

/** Referred Monday 2 November 2026, allocated on the 3rd, first contact on Thursday the 5th. */
async function contacted(): Promise<string> {
  const id = await add();
  await c.services.participants.setStatus({ id, status: 'allocated', date: '2026-11-03' });
  await c.services.participants.setStatus({ id, status: 'contacted', date: '2026-11-05' });
  return id;
}

async function office(): Promise<string> {
  return (
    await c.services.diary.saveOffice(
      officeSchema.parse({
        kind: 'office',
        name: 'Sheffield Canal Street',
        nation: 'england-and-wales',
        address: { line1: '1 Canal Street', town: 'Sheffield', postcode: 'S1 2AB' },
        phone: '0114 496 0000',
        email: 'canal@example.org',
        publicTransport: '',
        parking: '',
        stepFree: true,
        accessNotes: '',
        supportOffered: '',
        openingHours: Object.fromEntries(
          (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((d) => [d, [['09:00', '17:00']]]),
        ),
        closures: [],
      }),
    )
  ).id;
}

describe('obligations from the real caseload', () => {
  it('R1 runs from the referral and is met by the allocation status date', async () => {
    const id = await add();
    expect(await rule(id, 'R1')).toEqual([
      expect.objectContaining({ due: '2026-11-12', status: 'pending' }),
    ]);
    await c.services.participants.setStatus({ id, status: 'allocated', date: '2026-11-04' });
    const [r1] = await rule(id, 'R1');
    expect(r1).toMatchObject({ due: '2026-11-12', status: 'met', metOn: '2026-11-04' });
    // Every obligation shown says which profile and which promise it comes from.
    expect(r1).toMatchObject({
      profileId: 'work-programme',
      profileName: 'Work Programme',
      profileVersion: 0,
      ruleTitle: 'Allocation to a provider',
      promise: expect.stringContaining('within 10 days of referral'),
    });
    // R2 follows from the allocation: two working days to make the initial contact.
    expect(await rule(id, 'R2')).toEqual([
      expect.objectContaining({ due: '2026-11-06', status: 'pending' }),
    ]);
  });

  it('R3 is met by a booked induction, and moves the moment the appointment moves', async () => {
    const id = await contacted();
    // Initial contact on the 5th: the induction is due within 14 days, by Thursday the 19th.
    expect(await rule(id, 'R3')).toEqual([
      expect.objectContaining({ due: '2026-11-19', status: 'pending' }),
    ]);
    const officeId = await office();
    const booked = await c.services.diary.book({
      participantId: id,
      officeId,
      start: '2026-11-16T10:00',
      end: '2026-11-16T11:00',
      kind: 'induction',
      channel: 'in-person',
    });
    expect(await rule(id, 'R3')).toEqual([
      expect.objectContaining({ status: 'met', metOn: '2026-11-16', ref: booked.id }),
    ]);
    await c.services.diary.move(booked.id, booked.version, '2026-11-24T10:00', '2026-11-24T11:00');
    expect(await rule(id, 'R3')).toEqual([
      expect.objectContaining({ status: 'met-late', metOn: '2026-11-24', ref: booked.id }),
    ]);
  });

  it('R8 follows a missed meeting and is met by the follow-up contact', async () => {
    const id = await contacted();
    const booked = await c.services.diary.book({
      participantId: id,
      officeId: await office(),
      start: '2026-11-10T10:00',
      end: '2026-11-10T11:00',
      kind: 'induction',
      channel: 'in-person',
    });
    setToday('2026-11-10');
    expect(await rule(id, 'R8')).toEqual([]);
    await c.services.meetings.log(
      logMeetingSchema.parse({
        appointmentId: booked.id,
        expectedVersion: booked.version,
        outcome: 'dna',
        priorNotice: false,
        channel: 'in-person',
      }),
    );
    // Tuesday 10th + 3 days = Friday 13th.
    expect(await rule(id, 'R8')).toEqual([
      expect.objectContaining({ due: '2026-11-13', status: 'pending', ref: booked.id }),
    ]);
    setToday('2026-11-12');
    await c.services.contacts.record(
      contactAttemptSchema.parse({
        participantId: id,
        appointmentId: booked.id,
        contactKind: 'dna-follow-up',
        channel: 'phone',
        outcome: 'spoke',
        date: '2026-11-12',
      }),
    );
    expect(await rule(id, 'R8')).toEqual([
      expect.objectContaining({ due: '2026-11-13', status: 'met', metOn: '2026-11-12' }),
    ]);
  });

  it('R7 falls due 14 days after an address change (moved house)', async () => {
    const id = await add();
    expect(await rule(id, 'R7')).toEqual([]);
    setToday('2026-11-20');
    const p = await c.services.participants.get(id);
    await c.services.participants.update(
      id,
      p.version,
      referralSchema.parse(
        referral({ address: { line1: '3 New Road', town: 'Sheffield', postcode: 'S2 4AA' } }),
      ),
    );
    // Friday 20th + 14 days = Friday 4 December.
    expect(await rule(id, 'R7')).toEqual([
      expect.objectContaining({ due: '2026-12-04', status: 'pending', ruleTitle: 'PPEP review' }),
    ]);
  });

  it('turns pending into missed when the day passes, without any write', async () => {
    const id = await add();
    expect((await rule(id, 'R1'))[0]!.status).toBe('pending');
    setToday('2026-11-13');
    expect((await rule(id, 'R1'))[0]!.status).toBe('missed');
  });

  it('the command-line form covers the whole caseload, ordered by participant id', async () => {
    const a = await add({ referralId: 'JCP-A' });
    const b = await add({ referralId: 'JCP-B', referralDate: '2026-10-20' });
    const all = await c.services.obligations.caseload();
    expect(new Set(all.map((o) => o.participantId))).toEqual(new Set([a, b]));
    expect(all.map((o) => o.participantId)).toEqual([...all.map((o) => o.participantId)].sort());
    // The engine's output form only: no wording.
    expect(Object.keys(all[0]!)).not.toContain('promise');
    expect(await c.services.obligations.caseload({ ids: [b], today: '2026-11-02' })).toEqual([
      { participantId: b, rule: 'R1', due: '2026-10-30', status: 'missed' },
    ]);
  });
});

describe('the agenda', () => {
  it('lists the day’s and the week’s appointments with names, and obligations by urgency', async () => {
    // Thursday 5 November 2026. R1 is due 10 days after referral (adjusted back off weekends).
    const overdue = await add({
      referralId: 'JCP-1',
      givenName: 'Omar',
      referralDate: '2026-10-20',
    });
    const today = await add({
      referralId: 'JCP-2',
      givenName: 'Tess',
      referralDate: '2026-10-26',
      adjustments: 'Needs a ground-floor room',
    });
    const soon = await add({ referralId: 'JCP-3', givenName: 'Sam', referralDate: '2026-10-27' });
    const later = await add({ referralId: 'JCP-4', givenName: 'Lee', referralDate: '2026-11-02' });
    const officeId = await office();
    const book = (participantId: string, start: string) =>
      c.services.diary.book({
        participantId,
        officeId,
        start,
        end: start.replace(
          /T(\d\d)/,
          (_, h: string) => `T${String(Number(h) + 1).padStart(2, '0')}`,
        ),
        kind: 'regular',
        channel: 'in-person',
      });
    const first = await book(today, '2026-11-05T14:00');
    await book(later, '2026-11-06T10:00');

    const day = await c.services.obligations.day();
    expect(day).toMatchObject({ today: '2026-11-05', from: '2026-11-05', to: '2026-11-05' });
    expect(day.appointments.map((a) => [a.participantName, a.start, a.adjustments])).toEqual([
      ['Tess Wiśniewska', '2026-11-05T14:00', 'Needs a ground-floor room'],
    ]);
    const r1 = (list: typeof day.obligations) =>
      list.filter((o) => o.rule === 'R1').map((o) => [o.participantId, o.urgency, o.due]);
    expect(r1(day.obligations)).toEqual([
      [overdue, 'overdue', '2026-10-30'],
      [today, 'at-risk', '2026-11-05'],
      [soon, 'at-risk', '2026-11-06'],
    ]);
    expect(day.obligations[0]).toMatchObject({
      participantName: 'Omar Wiśniewska',
      profileName: 'Work Programme',
      ruleTitle: 'Allocation to a provider',
    });

    const week = await c.services.obligations.week();
    expect(week).toMatchObject({ from: '2026-11-02', to: '2026-11-08' });
    expect(week.appointments.map((a) => a.start)).toEqual(['2026-11-05T14:00', '2026-11-06T10:00']);
    // Next week, Lee's R1 (due Thursday 12th) is simply due, after the at-risk ones.
    const next = await c.services.obligations.week('2026-11-12');
    expect(r1(next.obligations)).toEqual([
      [overdue, 'overdue', '2026-10-30'],
      [today, 'at-risk', '2026-11-05'],
      [soon, 'at-risk', '2026-11-06'],
      [later, 'due', '2026-11-12'],
    ]);

    // Moving an appointment changes the agenda on the next look.
    await c.services.diary.move(first.id, first.version, '2026-11-09T09:00', '2026-11-09T10:00');
    expect((await c.services.obligations.day()).appointments).toEqual([]);
    // Allocating someone takes their R1 off the agenda.
    await c.services.participants.setStatus({
      id: overdue,
      status: 'allocated',
      date: '2026-11-05',
    });
    expect(r1((await c.services.obligations.day()).obligations).map(([id]) => id)).toEqual([
      today,
      soon,
    ]);
  });

  it('leaves out exited participants', async () => {
    const id = await add({ referralDate: '2026-10-20' });
    expect((await c.services.obligations.day()).obligations.length).toBeGreaterThan(0);
    await c.services.participants.setStatus({
      id,
      status: 'exited',
      date: '2026-11-05',
      exitReason: 'moved-away',
    });
    expect((await c.services.obligations.day()).obligations).toEqual([]);
  });
});
