import { afterEach, describe, expect, it } from 'vitest';
import type { TempCaseload } from '../support/temp-caseload';
import { snapshot } from '../support/snapshot';
import { AppError } from '../../src-main/errors';
import { loadFacts } from '../../src-main/services/obligations/obligation-facts';
import { obligationsFor } from '../../src-main/services/obligations/participant-obligations';
import {
  maySeeSpecialCategory,
  contactAttemptSchema,
  lifeEventSchema,
  logMeetingSchema,
  missedDecisionSchema,
} from '../../src-shared/schemas/meeting';
import { TODAY, startedParticipant } from './plan-fixture';
import { boundaryRefusal } from '../support/boundary';

let c: TempCaseload;
afterEach(async () => c?.close());

async function refusal(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const book = (participantId: string, start: string) =>
  c.services.diary.book({
    participantId,
    start,
    end: `${start.slice(0, 11)}${String(Number(start.slice(11, 13)) + 1).padStart(2, '0')}:00`,
    kind: 'regular',
    channel: 'phone',
  });

async function r8(id: string) {
  return (await obligationsFor(c.services.wp.db, id, TODAY)).filter((o) => o.rule === 'R8');
}

describe('MeetingService and ContactService: missed appointments (R8)', () => {
  it('a DNA without notice needs a follow-up; a logged call clears it; the decision is a fact', async () => {
    const s = await startedParticipant();
    c = s.c;
    const a = await book(s.id, '2026-11-30T10:00');
    await c.services.meetings.log(
      logMeetingSchema.parse({
        appointmentId: a.id,
        expectedVersion: 1,
        outcome: 'dna',
        priorNotice: false,
        channel: 'phone',
      }),
    );
    expect(await r8(s.id)).toEqual([
      { participantId: s.id, rule: 'R8', due: '2026-12-03', status: 'pending', ref: a.id },
    ]);
    let overview = await c.services.meetings.overview(s.id);
    expect(overview.meetings[0]!.followUp).toEqual({
      due: '2026-12-03',
      status: 'pending',
      metOn: null,
    });

    // An attempt that does not reach the participant still keeps the promise to try.
    await c.services.contacts.record(
      contactAttemptSchema.parse({
        participantId: s.id,
        appointmentId: a.id,
        contactKind: 'dna-follow-up',
        channel: 'phone',
        outcome: 'no-answer',
        date: '2026-12-01',
      }),
    );
    expect(await r8(s.id)).toMatchObject([{ status: 'met', metOn: '2026-12-01' }]);
    const [facts] = await loadFacts(c.services.wp.db, [s.id]);
    expect(facts!.contacts).toEqual([
      { date: '2026-12-01', kind: 'dna-follow-up', channel: 'phone' },
    ]);

    await c.services.meetings.decide(
      missedDecisionSchema.parse({
        appointmentId: a.id,
        goodReason: false,
        complianceDoubtReferred: true,
        decidedOn: '2026-12-01',
      }),
    );
    overview = await c.services.meetings.overview(s.id);
    expect(overview.meetings[0]).toMatchObject({
      followUp: { status: 'met', metOn: '2026-12-01' },
      decision: { goodReason: false, complianceDoubtReferred: true },
      contacts: [{ outcome: 'no-answer', reached: false }],
    });
    // Facts and the adviser's decision, in words that never imply a penalty.
    const words = (await c.services.participants.timeline(s.id)).map((e) => e.summary).join('\n');
    expect(words).toMatch(/did not attend, with no notice given: a follow-up contact is due/);
    expect(words).toMatch(/passed the question to Jobcentre Plus, who decide what happens next/);
    expect(words).not.toMatch(/sanction|penalt|punish|fail/i);
  });

  it('a DNA with prior notice needs no follow-up, and cancellations none either', async () => {
    const s = await startedParticipant();
    c = s.c;
    const a = await book(s.id, '2026-11-30T10:00');
    const b = await book(s.id, '2026-11-27T10:00');
    await c.services.meetings.log(
      logMeetingSchema.parse({
        appointmentId: a.id,
        expectedVersion: 1,
        outcome: 'dna',
        priorNotice: true,
        channel: 'phone',
      }),
    );
    await c.services.meetings.log(
      logMeetingSchema.parse({
        appointmentId: b.id,
        expectedVersion: 1,
        outcome: 'cancelled-by-provider',
        channel: 'phone',
      }),
    );
    expect(await r8(s.id)).toEqual([]);
    const appts = await c.services.diary.forParticipant(s.id);
    expect(appts.map((x) => [x.outcome, x.priorNotice])).toEqual([
      ['cancelled-by-provider', null],
      ['dna', true],
    ]);
  });

  it('refuses bad logs with the field named and changes nothing', async () => {
    const s = await startedParticipant();
    c = s.c;
    const past = await book(s.id, '2026-11-30T10:00');
    const future = await book(s.id, '2026-12-08T10:00');
    const before = await snapshot(c.services.wp.db);
    const input = (over: Record<string, unknown>) => ({
      appointmentId: past.id,
      expectedVersion: 1,
      outcome: 'attended',
      channel: 'phone',
      ...over,
    });
    const log = (over: Record<string, unknown>) =>
      c.services.meetings.log(logMeetingSchema.parse(input(over)));
    // Shape rules are the router's (the schema); state rules are the service's.
    expect(boundaryRefusal('meetings:log', input({ outcome: 'dna' }))).toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/told you beforehand/),
    });
    expect(boundaryRefusal('meetings:log', input({ notesSpecialCategory: true }))?.message).toMatch(
      /no notes to mark/,
    );
    expect(boundaryRefusal('meetings:log', input({}))).toBeNull();
    expect(await refusal(log({ expectedVersion: 2 }))).toMatchObject({ code: 'conflict' });
    expect(await refusal(log({ appointmentId: future.id }))).toMatchObject({ field: 'outcome' });
    expect(
      await refusal(
        c.services.contacts.record(
          contactAttemptSchema.parse({
            participantId: s.id,
            appointmentId: past.id,
            contactKind: 'dna-follow-up',
            channel: 'phone',
            outcome: 'spoke',
            date: '2026-12-01',
          }),
        ),
      ),
    ).toMatchObject({ code: 'refused', field: 'appointmentId' });
    expect(await snapshot(c.services.wp.db)).toEqual(before);
  });

  it('logs attendance, steps reviewed and the next appointment in one go', async () => {
    const s = await startedParticipant();
    c = s.c;
    const a = await book(s.id, '2026-11-30T10:00');
    const { next } = await c.services.meetings.log(
      logMeetingSchema.parse({
        appointmentId: a.id,
        expectedVersion: 1,
        outcome: 'attended',
        channel: 'phone',
        notes: 'Talked through the CV.',
        stepsReviewed: ['s1'],
        next: {
          participantId: s.id,
          start: '2026-12-14T10:00',
          end: '2026-12-14T11:00',
          kind: 'regular',
          channel: 'phone',
        },
      }),
    );
    expect(next).toMatchObject({ start: '2026-12-14T10:00', outcome: 'booked' });
    const overview = await c.services.meetings.overview(s.id);
    expect(overview.meetings.map((m) => m.appointment.start)).toEqual([
      '2026-12-14T10:00',
      '2026-11-30T10:00',
    ]);
    expect(overview.meetings[1]!.record).toMatchObject({
      notes: 'Talked through the CV.',
      stepsReviewed: ['s1'],
      notesHidden: false,
    });
  });
});

describe('special-category notes', () => {
  it('only the adviser role may read them', () => {
    expect(maySeeSpecialCategory('adviser')).toBe(true);
    for (const role of ['manager', 'reception', 'auditor', ''])
      expect(maySeeSpecialCategory(role)).toBe(false);
  });

  it('are hidden from a manager or reception, who still see that a marked note exists', async () => {
    const s = await startedParticipant();
    c = s.c;
    const a = await book(s.id, '2026-11-30T10:00');
    await c.services.meetings.log(
      logMeetingSchema.parse({
        appointmentId: a.id,
        expectedVersion: 1,
        outcome: 'attended',
        channel: 'phone',
        notes: 'Disclosed a mental health condition.',
        notesSpecialCategory: true,
      }),
    );
    const db = c.services.wp.db;
    expect((await c.services.meetings.overview(s.id)).meetings[0]!.record!.notes).toBe(
      'Disclosed a mental health condition.',
    );
    for (const role of ['manager', 'reception']) {
      await db.updateTable('advisers').set({ role }).execute();
      const record = (await c.services.meetings.overview(s.id)).meetings[0]!.record!;
      expect(record).toMatchObject({ notes: null, notesHidden: true, notesSpecialCategory: true });
    }
    // The timeline (seen by every role) never carries the notes.
    const timeline = await c.services.participants.timeline(s.id);
    expect(JSON.stringify(timeline)).not.toContain('mental health');
    // It says a note exists, so nothing typed looks lost.
    expect(timeline.find((e) => e.kind === 'meeting')).toMatchObject({ noteHidden: true });
  });

  it('an ordinary meeting note shows on the timeline entry of that meeting', async () => {
    const s = await startedParticipant();
    c = s.c;
    const a = await book(s.id, '2026-11-30T10:00');
    await c.services.meetings.log(
      logMeetingSchema.parse({
        appointmentId: a.id,
        expectedVersion: 1,
        outcome: 'attended',
        channel: 'phone',
        notes: 'Brought an updated CV; agreed to apply for two warehouse jobs.',
        notesSpecialCategory: false,
      }),
    );
    const timeline = await c.services.participants.timeline(s.id);
    expect(timeline.find((e) => e.kind === 'meeting')).toMatchObject({
      note: 'Brought an updated CV; agreed to apply for two warehouse jobs.',
    });
  });
});

describe('LifeEventService (R15, R7, R14)', () => {
  it('a job start moves the participant into work and makes R7 and R14 due; a job end moves them back', async () => {
    const s = await startedParticipant();
    c = s.c;
    await c.services.lifeEvents.record(
      lifeEventSchema.parse({
        participantId: s.id,
        kind: 'job-start',
        date: '2026-11-30',
        employer: 'Northern Logistics',
        hoursPerWeek: 30,
        hourlyWagePence: 1271,
      }),
    );
    expect((await c.services.participants.get(s.id)).status).toBe('in-work');
    const [facts] = await loadFacts(c.services.wp.db, [s.id]);
    expect(facts!.events).toEqual([{ date: '2026-11-30', kind: 'job-start' }]);
    const rules = (await obligationsFor(c.services.wp.db, s.id, TODAY)).map((o) => o.rule);
    expect(rules).toContain('R7');
    expect(rules).toContain('R14');
    expect(rules).toContain('R11');
    const timeline = await c.services.participants.timeline(s.id);
    expect(timeline.find((e) => e.kind === 'life-event')).toMatchObject({
      summary: 'Started work: Northern Logistics, 30 hours a week at £12.71 an hour',
      data: { lifeEvent: 'job-start', employer: 'Northern Logistics' },
    });

    await c.services.lifeEvents.record(
      lifeEventSchema.parse({
        participantId: s.id,
        kind: 'job-end',
        date: '2026-12-01',
      }),
    );
    expect((await c.services.participants.get(s.id)).status).toBe('started');
    const [after] = await loadFacts(c.services.wp.db, [s.id]);
    expect(after!.events.map((e) => e.kind)).toEqual(['job-start', 'job-end']);
  });

  it('a change of circumstances and a house move each make a review due', async () => {
    const s = await startedParticipant();
    c = s.c;
    for (const kind of ['change-of-circumstances', 'moved-house'] as const)
      await c.services.lifeEvents.record(
        lifeEventSchema.parse({ participantId: s.id, kind, date: '2026-11-20' }),
      );
    const [facts] = await loadFacts(c.services.wp.db, [s.id]);
    expect(facts!.events.map((e) => e.kind).sort()).toEqual([
      'change-of-circumstances',
      'moved-house',
    ]);
    expect(
      (await obligationsFor(c.services.wp.db, s.id, TODAY)).filter((o) => o.rule === 'R7'),
    ).not.toEqual([]);
  });

  it('refuses a job start without its details, or a job end when not in work', async () => {
    const s = await startedParticipant();
    c = s.c;
    expect(
      boundaryRefusal('meetings:lifeEvent', {
        participantId: s.id,
        kind: 'job-start',
        date: '2026-11-30',
      })?.message,
    ).toMatch(/Enter the employer/);
    expect(
      await refusal(
        c.services.lifeEvents.record(
          lifeEventSchema.parse({ participantId: s.id, kind: 'job-end', date: '2026-11-30' }),
        ),
      ),
    ).toMatchObject({ code: 'refused' });
  });
});
