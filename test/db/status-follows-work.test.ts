/**
 * Status follows the work, over a real encrypted caseload: the first contact (with its channel
 * and the induction time offered), booking the induction and attending it each move the status
 * one step, once, and only from the step before.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempCaseload, type TempCaseload } from '../support/temp-caseload';
import { referral } from '../support/referrals';
import { snapshot } from '../support/snapshot';
import { referralSchema } from '../../src-shared/schemas/participant';
import { contactAttemptSchema, logMeetingSchema } from '../../src-shared/schemas/meeting';
import { statusAfter } from '../../src-main/services/caseload/status-follows-work';
import { officeSchema } from '../../src-shared/schemas/diary';

// Monday 7 December 2026, 09:00 in London; moved on in the test to log the induction.
let now = new Date('2026-12-07T09:00:00Z');
const weekdays = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [['09:00', '17:00']]]),
);

let c: TempCaseload;
let id: string;
let officeId: string;
beforeEach(async () => {
  now = new Date('2026-12-07T09:00:00Z');
  c = await tempCaseload({ now: () => now });
  ({ id } = await c.services.participants.create(
    referralSchema.parse(referral({ referralDate: '2026-12-01' })),
  ));
  officeId = (
    await c.services.diary.saveOffice(
      officeSchema.parse({
        name: 'Sheffield',
        nation: 'england-and-wales',
        address: { line1: '1 Arundel Gate', town: 'Sheffield', postcode: 'S1 2PN' },
        phone: '0114 496 0000',
        email: 'sheffield@waymark.example',
        stepFree: true,
        openingHours: weekdays,
      }),
    )
  ).id;
});
afterEach(() => c.close());

const status = async () => (await c.services.participants.get(id)).status;
const firstContact = (over: Record<string, unknown> = {}) =>
  c.services.contacts.record(
    contactAttemptSchema.parse({
      participantId: id,
      contactKind: 'initial',
      channel: 'phone',
      outcome: 'spoke',
      date: '2026-12-04',
      inductionOffered: '2026-12-09T10:00',
      ...over,
    }),
  );

describe('status follows the work', () => {
  it('moves only from the step before', () => {
    expect(statusAfter('allocated', 'initial-contact')).toBe('contacted');
    expect(statusAfter('referred', 'initial-contact')).toBeNull();
    expect(statusAfter('contacted', 'induction-booked')).toBe('induction-booked');
    expect(statusAfter('started', 'induction-booked')).toBeNull();
    expect(statusAfter('induction-booked', 'induction-attended')).toBe('started');
    expect(statusAfter('exited', 'induction-attended')).toBeNull();
  });

  it('first contact, booking and attending the induction take the participant from allocated to started', async () => {
    await c.services.participants.setStatus({ id, status: 'allocated', date: '2026-12-02' });

    await firstContact();
    expect(await status()).toBe('contacted');
    // The engine gets R2's facts: the contact's date and channel meet R2 on time.
    const r2 = (await c.services.obligations.forParticipant(id)).obligations.find(
      (o) => o.rule === 'R2',
    );
    expect(r2).toMatchObject({ status: 'met', metOn: '2026-12-04' });
    const timeline = await c.services.participants.timeline(id);
    expect(timeline.find((e) => e.kind === 'contact')?.data).toMatchObject({
      contactKind: 'initial',
      channel: 'phone',
      inductionOffered: '2026-12-09T10:00',
    });

    const before = await snapshot(c.services.wp.db);
    await expect(firstContact({ date: '2026-12-05' })).rejects.toMatchObject({
      code: 'refused',
      message: 'The first contact is already recorded; record this one as a general contact',
    });
    expect(await snapshot(c.services.wp.db)).toEqual(before);

    const induction = await c.services.diary.book({
      participantId: id,
      officeId,
      start: '2026-12-09T10:00',
      end: '2026-12-09T11:00',
      kind: 'induction',
      channel: 'in-person',
    });
    expect(await status()).toBe('induction-booked');

    now = new Date('2026-12-09T12:00:00Z');
    await c.services.meetings.log(
      logMeetingSchema.parse({
        appointmentId: induction.id,
        expectedVersion: induction.version,
        outcome: 'attended',
        channel: 'in-person',
      }),
    );
    expect(await status()).toBe('started');
    const statuses = (await c.services.participants.timeline(id))
      .filter((e) => e.kind === 'status')
      .map((e) => [e.date, (e.data as { to: string }).to]);
    // The record reads as sentences: kinds, channels and dates in words, never as stored.
    const said = (await c.services.participants.timeline(id)).map((e) => e.summary);
    expect(said).toContain(
      'Initial contact by phone: spoke to the participant; induction offered for Wednesday 9 December 2026 at 10:00',
    );
    expect(said).toContain('Induction booked for Wednesday 9 December 2026 at 10:00, in person');
    expect(said.find((x) => x.startsWith('Induction on '))).toMatch(
      /^Induction on Wednesday 9 December 2026 at 10:00, in person: /,
    );
    for (const x of said) expect(x).not.toMatch(/\d{4}-\d{2}-\d{2}|\(s\)|in-person/);
    expect(statuses).toEqual(
      expect.arrayContaining([
        ['2026-12-04', 'contacted'],
        ['2026-12-07', 'induction-booked'],
        ['2026-12-09', 'started'],
      ]),
    );
  });

  it('leaves a status the adviser set by hand alone, and books a regular meeting without moving it', async () => {
    await firstContact();
    expect(await status()).toBe('referred');
    await c.services.participants.setStatus({ id, status: 'allocated', date: '2026-12-02' });
    await c.services.participants.setStatus({ id, status: 'contacted', date: '2026-12-03' });
    await c.services.diary.book({
      participantId: id,
      officeId,
      start: '2026-12-09T10:00',
      end: '2026-12-09T10:30',
      kind: 'regular',
      channel: 'in-person',
    });
    expect(await status()).toBe('contacted');
  });

  it('refuses an induction time with any other contact, and a first contact by text, in words', () => {
    const issues = (input: Record<string, unknown>) =>
      contactAttemptSchema
        .safeParse({
          participantId: id,
          channel: 'phone',
          outcome: 'spoke',
          date: '2026-12-04',
          ...input,
        })
        .error?.issues.map((i) => i.message);
    expect(issues({ contactKind: 'general', inductionOffered: '2026-12-09T10:00' })).toEqual([
      'An induction time is offered in the first contact only',
    ]);
    expect(issues({ contactKind: 'initial', channel: 'text' })).toEqual([
      'The first contact is by phone, letter or email',
    ]);
    expect(issues({ contactKind: 'initial', inductionOffered: '2026-02-30T10:00' })).toEqual([
      'That date does not exist',
    ]);
  });
});
