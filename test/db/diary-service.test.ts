/** The diary over a real encrypted caseload: settings, booking rules, slots, plans, the .ics file. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { tempCaseload, type TempCaseload } from '../support/temp-caseload';
import { referral } from '../support/referrals';
import { snapshot } from '../support/snapshot';
import { referralSchema } from '../../src-shared/schemas/participant';
import { bookingSchema, officeSchema } from '../../src-shared/schemas/diary';
import {
  leaveSchema,
  participantConstraintsSchema,
  roomSaveSchema,
  workingPatternSchema,
} from '../../src-shared/schemas/diary-settings';
import {
  appointmentsToIcs,
  exportAdviserIcs,
  foldLine,
} from '../../src-main/services/diary/ics-export';
import { londonWallClock } from '../../src-shared/wording/dates';

const NOW = new Date('2026-11-23T08:00:00.000Z');
const weekdays = {
  mon: [['09:00', '17:00']],
  tue: [['09:00', '17:00']],
  wed: [['09:00', '17:00']],
  thu: [['09:00', '17:00']],
  fri: [['09:00', '17:00']],
} as const;

let c: TempCaseload;
let officeId: string;
let participantId: string;

async function participant(n: number, over = {}) {
  const { id } = await c.services.participants.create(
    referralSchema.parse(
      referral({ referralId: `JCP-${n}`, niNumber: `AB ${10 + n} 34 56 C`, ...over }),
    ),
  );
  return id;
}

beforeEach(async () => {
  c = await tempCaseload({ now: () => NOW });
  const office = await c.services.diary.saveOffice(
    officeSchema.parse({
      name: 'Sheffield, Arundel Gate; ground floor',
      nation: 'england-and-wales',
      address: { line1: '1 Arundel Gate', town: 'Sheffield', postcode: 'S1 2PN' },
      phone: '0114 496 0000',
      email: 'sheffield@waymark.example',
      stepFree: true,
      openingHours: weekdays,
      closures: [{ from: '2026-12-29', to: '2026-12-31', reason: 'Christmas closure' }],
    }),
  );
  officeId = office.id;
  await c.services.diarySettings.saveRoom(
    roomSaveSchema.parse({ officeId, name: 'Room 1', capacity: 4, stepFree: false }),
  );
  await c.services.diarySettings.saveRoom(
    roomSaveSchema.parse({
      officeId,
      name: 'Room 2',
      capacity: 6,
      stepFree: true,
      equipment: ['hearing-loop'],
    }),
  );
  await c.services.diarySettings.savePattern(
    workingPatternSchema.parse({
      effectiveFrom: '2026-01-01',
      sessions: { ...weekdays, wed: [['09:00', '13:00']] },
    }),
  );
  participantId = await participant(1);
});
afterEach(() => c.close());

const book = (over: Record<string, unknown> = {}) =>
  c.services.diary.book(
    bookingSchema.parse({
      participantId,
      officeId,
      room: 'Room 1',
      start: '2026-11-24T10:00',
      end: '2026-11-24T11:00',
      kind: 'induction',
      channel: 'in-person',
      ...over,
    }),
  );

describe('the diary service', () => {
  it('refuses bookings outside hours, on bank holidays and closures, outside the pattern or in leave, and changes nothing', async () => {
    await c.services.diarySettings.addLeave(
      leaveSchema.parse({ from: '2026-12-21', to: '2026-12-23', reason: 'Annual leave' }),
    );
    const before = await snapshot(c.services.wp.db);
    const cases: [Record<string, unknown>, string][] = [
      [{ start: '2026-11-24T16:30', end: '2026-11-24T17:30' }, 'is open 09:00–17:00 on Tuesdays'],
      [
        { start: '2026-12-25T10:00', end: '2026-12-25T11:00' },
        'bank holiday in England and Wales (Christmas Day)',
      ],
      [
        { start: '2026-12-30T10:00', end: '2026-12-30T11:00' },
        'closed on Wednesday 30 December 2026 (Christmas closure)',
      ],
      [
        { start: '2026-11-25T13:00', end: '2026-11-25T14:00' },
        'The adviser works 09:00–13:00 on Wednesdays',
      ],
      [
        { start: '2026-12-22T10:00', end: '2026-12-22T11:00' },
        'The adviser is on leave 21–23 December 2026',
      ],
      [{ room: 'Room 7' }, 'There is no room called Room 7'],
    ];
    for (const [over, message] of cases)
      await expect(book(over), JSON.stringify(over)).rejects.toMatchObject({
        code: 'refused',
        message: expect.stringContaining(message),
      });
    expect(await snapshot(c.services.wp.db)).toEqual(before);
  });

  it('names the clash when the adviser, the room or the participant is already booked', async () => {
    await book();
    const other = await participant(2);
    await expect(book({ participantId: other, room: 'Room 2' })).rejects.toMatchObject({
      code: 'conflict',
      message: 'The adviser is already booked at 2026-11-24 10:00–11:00',
    });
    await expect(
      book({ start: '2026-11-24T10:30', end: '2026-11-24T11:00', room: 'Room 2' }),
    ).rejects.toMatchObject({
      message: 'The participant already has an appointment at 2026-11-24 10:00–11:00',
    });
  });

  it('refuses a room that does not meet the participant’s needs and finds one that does', async () => {
    await c.services.diarySettings.saveConstraints(
      participantConstraintsSchema.parse({
        participantId,
        needsStepFree: true,
        unavailable: [
          {
            days: ['mon', 'tue', 'wed', 'thu', 'fri'],
            from: '08:30',
            to: '09:15',
            reason: 'school run',
          },
        ],
      }),
    );
    await expect(book()).rejects.toMatchObject({
      field: 'room',
      message: 'Room 1 is not step-free, and the participant needs a step-free room',
    });
    const r = await c.services.diarySlots.findSlots({
      participantId,
      kind: 'induction',
      count: 2,
      spread: false,
    });
    // Now is 08:00 on Monday 23 November; the school run ends at 09:15.
    expect(r.slots.map((s) => [s.start, s.room])).toEqual([
      ['2026-11-23T09:15', 'Room 2'],
      ['2026-11-23T09:30', 'Room 2'],
    ]);
  });

  it('records settings through the write path: audit entries hold ids, not the participant’s reasons', async () => {
    await c.services.diarySettings.saveConstraints(
      participantConstraintsSchema.parse({
        participantId,
        unavailable: [{ days: ['mon'], from: '15:00', to: '15:30', reason: 'collects her son' }],
      }),
    );
    const audit = await c.services.wp.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .execute();
    const actions = audit.map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'room.create',
        'adviser-pattern.create',
        'participant-constraints.save',
      ]),
    );
    expect(JSON.stringify(audit)).not.toContain('collects her son');
    const journal = await c.services.wp.db
      .selectFrom('change_journal')
      .select('entity_type')
      .where('entity_type', '=', 'participant-constraints')
      .execute();
    expect(journal).toHaveLength(1);
    expect((await c.services.diarySettings.getConstraints(participantId)).version).toBe(1);
  });

  it('says why nothing fits before the due date, from the database', async () => {
    await c.services.diarySettings.addLeave(
      leaveSchema.parse({ from: '2026-11-23', to: '2026-11-27', reason: 'Annual leave' }),
    );
    const r = await c.services.diarySlots.findSlots({
      participantId,
      kind: 'induction',
      dueBy: '2026-11-27',
      count: 1,
    });
    expect(r.fitsBeforeDue).toBe(false);
    expect(r.reasons).toEqual(['the adviser is on leave 23–27 November 2026']);
    expect(r.slots[0]).toMatchObject({ start: '2026-11-30T09:00', afterDue: true });
  });

  it('proposes a plan meeting the profile’s R6 number each month, and books it all or nothing', async () => {
    const plan = await c.services.diarySlots.proposePlan({ participantId, months: 3 });
    expect(plan.perMonth).toBe(2);
    expect(plan.meetsR6).toBe(true);
    expect(plan.months.map((m) => [m.month, m.slots.length])).toEqual([
      ['2026-11', 2],
      ['2026-12', 2],
      ['2027-01', 2],
    ]);
    const meetings = plan.slots.map((s) => ({
      officeId: s.officeId,
      room: s.room ?? undefined,
      start: s.start,
      end: s.end,
      channel: s.channel,
    }));
    const before = await snapshot(c.services.wp.db);
    const clashing = [...meetings, { ...meetings[0]! }];
    await expect(
      c.services.diary.acceptPlan({ participantId, meetings: clashing }),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect(await snapshot(c.services.wp.db)).toEqual(before);
    const booked = await c.services.diary.acceptPlan({ participantId, meetings });
    expect(booked).toHaveLength(6);
    expect((await c.services.diary.forParticipant(participantId)).map((a) => a.start)).toEqual(
      plan.slots.map((s) => s.start),
    );
  });

  it('exports the adviser’s diary as .ics that parses back with the wall-clock times kept across clock changes', async () => {
    await book({ start: '2026-03-30T10:00', end: '2026-03-30T11:00' });
    await book({
      start: '2026-10-26T10:00',
      end: '2026-10-26T10:30',
      kind: 'regular',
      room: 'Room 2',
    });
    await book({
      start: '2026-11-24T10:00',
      end: '2026-11-24T11:00',
      channel: 'phone',
      officeId: undefined,
      room: undefined,
    });
    const { content, count, fileName } = await exportAdviserIcs(
      c.services.wp,
      '2026-01-01',
      '2026-12-31',
    );
    expect(count).toBe(3);
    expect(fileName).toBe('waymark-diary-2026-01-01-to-2026-12-31.ics');
    expect(content.endsWith('\r\n')).toBe(true);
    expect(content.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of content.split('\r\n'))
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(content).toContain('DTSTART;TZID=Europe/London:20260330T100000');
    // Minimised: initials only; no name, NI number or phone.
    expect(content).not.toMatch(/Zofia|Wiśniewska|AB ?11|0114 496 0982/);

    const cal = new ICAL.Component(ICAL.parse(content));
    const tz = new ICAL.Timezone(cal.getFirstSubcomponent('vtimezone')!);
    ICAL.TimezoneService.register(tz, 'Europe/London');
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.summary)).toEqual([
      'Induction — Z.W.',
      'Meeting — Z.W.',
      'Induction — Z.W.',
    ]);
    expect(
      events.map((e) => [e.startDate.toString(), e.startDate.toJSDate().toISOString()]),
    ).toEqual([
      ['2026-03-30T10:00:00', '2026-03-30T09:00:00.000Z'], // BST
      ['2026-10-26T10:00:00', '2026-10-26T10:00:00.000Z'], // GMT again
      ['2026-11-24T10:00:00', '2026-11-24T10:00:00.000Z'],
    ]);
    expect(events[0]!.location).toBe(
      'Room 1, Sheffield, Arundel Gate; ground floor, 1 Arundel Gate, Sheffield, S1 2PN',
    );
    expect(events[2]!.location).toBeNull();
    // No adjustments recorded for this participant: the description says nothing about them.
    expect(events[0]!.description).toBe('Induction in person. Details are in Waymark.');
    // Stable UIDs: exporting again gives the same ids.
    const again = await exportAdviserIcs(c.services.wp, '2026-01-01', '2026-12-31');
    const uids = (text: string) => text.match(/^UID:.*$/gm);
    expect(uids(again.content)).toEqual(uids(content));
  });

  it('says in the .ics that adjustments exist and an interpreter is needed, never the recorded words', () => {
    const base = {
      id: 'a1',
      start: '2026-12-02T10:00',
      end: '2026-12-02T11:00',
      kind: 'regular',
      channel: 'in-person',
      outcome: 'booked',
      version: 1,
      givenName: 'Zofia',
      familyName: 'Wiśniewska',
      officeName: null,
      officeAddress: null,
      room: null,
    };
    const description = (extra: object) =>
      new ICAL.Event(
        new ICAL.Component(
          ICAL.parse(appointmentsToIcs([{ ...base, ...extra }], new Date('2026-12-01T09:00Z'))),
        ).getFirstSubcomponent('vevent')!,
      ).description;
    expect(description({ adjustmentsRecorded: true, interpreterNeeded: true })).toBe(
      'Meeting in person. Details are in Waymark. Reasonable adjustments are recorded: read them in Waymark first. An interpreter is needed.',
    );
    expect(description({ adjustmentsRecorded: false, interpreterNeeded: true })).toBe(
      'Meeting in person. Details are in Waymark. An interpreter is needed.',
    );
    expect(description({})).toBe('Meeting in person. Details are in Waymark.');
  });

  it('folds long lines at 75 octets without splitting a character', () => {
    const line = `SUMMARY:${'ł'.repeat(60)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(Buffer.byteLength(p, 'utf8')).toBeLessThanOrEqual(75);
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
  });

  it('reads the London wall clock on both sides of a clock change', () => {
    expect(londonWallClock(new Date('2026-03-29T00:30:00Z'))).toBe('2026-03-29T00:30');
    expect(londonWallClock(new Date('2026-03-29T01:30:00Z'))).toBe('2026-03-29T02:30');
    expect(londonWallClock(new Date('2026-10-25T01:30:00Z'))).toBe('2026-10-25T01:30');
  });
});
