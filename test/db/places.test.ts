/**
 * Places over a real encrypted caseload: venues with their access details, closing a venue,
 * the slot finder ranking venues by the participant's postcode and never offering the past.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempCaseload, type TempCaseload } from '../support/temp-caseload';
import { referral } from '../support/referrals';
import { snapshot } from '../support/snapshot';
import { referralSchema } from '../../src-shared/schemas/participant';
import { officeSchema, type OfficeInput } from '../../src-shared/schemas/diary';
import { findSlotsSchema } from '../../src-shared/schemas/diary-settings';
import { contract } from '../../src-shared/ipc/contract';

// 10:30 in London on Monday 7 December 2026.
const NOW = new Date('2026-12-07T10:30:00Z');
const weekdays = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [
    d,
    [
      ['09:00', '12:30'],
      ['13:30', '17:00'],
    ],
  ]),
);

const venue = (name: string, postcode: string, over: Partial<OfficeInput> = {}): OfficeInput => ({
  name,
  nation: 'england-and-wales',
  address: { line1: '1 High Street', town: name, postcode },
  phone: '0114 496 0000',
  email: 'office@waymark.example',
  stepFree: true,
  openingHours: weekdays,
  ...over,
});

let c: TempCaseload;
beforeEach(async () => {
  c = await tempCaseload({ now: () => NOW });
});
afterEach(() => c.close());

let n = 0;
async function participantIn(postcode: string, adjustments = '') {
  n++;
  const { id } = await c.services.participants.create(
    referralSchema.parse(
      referral({
        referralId: `JCP-P${n}`,
        niNumber: `AB ${10 + n} 34 56 C`,
        address: { line1: '2 Low Road', town: 'Somewhere', postcode },
        adjustments,
      }),
    ),
  );
  return id;
}

describe('places', () => {
  it('keeps a venue’s access details and travel directions, and edits them', async () => {
    const saved = await c.services.diary.saveOffice(
      officeSchema.parse(
        venue('Cardiff library', 'CF10 1FL', {
          kind: 'outreach',
          hearingLoop: true,
          directions: 'Second floor, lift beside the main desk',
        }),
      ),
    );
    expect(saved).toMatchObject({
      kind: 'outreach',
      hearingLoop: true,
      directions: 'Second floor, lift beside the main desk',
      closedOn: null,
      version: 1,
    });
    const edited = await c.services.diary.saveOffice(
      officeSchema.parse(venue('Cardiff library', 'CF10 1FL', { hearingLoop: false })),
      saved.id,
    );
    expect(edited).toMatchObject({ hearingLoop: false, directions: '', version: 2 });
    expect(await c.services.diary.listOffices()).toHaveLength(1);
  });

  it('refuses closures that are not real dates or last more than a year, in words', () => {
    const problems = (closures: unknown) =>
      officeSchema
        .safeParse({ ...venue('A', 'S1 2PN'), closures })
        .error?.issues.map((i) => i.message);
    expect(problems([{ from: '2026-11-31', to: '2026-12-01', reason: 'x' }])).toEqual([
      'Enter a real date as YYYY-MM-DD',
    ]);
    expect(problems([{ from: '2026-12-01', to: '2027-12-02', reason: 'Refit' }])).toEqual([
      'A closure can last at most a year: close the venue instead',
    ]);
    expect(problems([{ from: '2026-12-01', to: '2027-12-01', reason: 'Refit' }])).toBeUndefined();
    const overlapping = officeSchema.safeParse({
      ...venue('A', 'S1 2PN'),
      openingHours: {
        mon: [
          ['09:00', '13:00'],
          ['12:00', '17:00'],
        ],
      },
    });
    expect(overlapping.error?.issues[0]?.message).toBe('Sessions on the same day must not overlap');
  });

  it('closes a venue: no longer offered or bookable from that day, and reopens it', async () => {
    const leeds = await c.services.diary.saveOffice(officeSchema.parse(venue('Leeds', 'LS1 4AP')));
    const york = await c.services.diary.saveOffice(officeSchema.parse(venue('York', 'YO1 7HH')));
    const id = await participantIn('LS1 5AB');
    const slotsAt = async () =>
      (
        await c.services.diarySlots.findSlots(
          findSlotsSchema.parse({ participantId: id, kind: 'regular', count: 1 }),
        )
      ).slots[0]!.officeName;
    expect(await slotsAt()).toBe('Leeds');
    await expect(c.services.diary.setClosed(leeds.id, 99, '2026-12-07')).rejects.toMatchObject({
      code: 'conflict',
    });
    const closed = await c.services.diary.setClosed(leeds.id, 1, '2026-12-07');
    expect(closed).toMatchObject({ closedOn: '2026-12-07', appointmentsAffected: 0 });
    expect(await slotsAt()).toBe('York');
    const before = await snapshot(c.services.wp.db);
    await expect(
      c.services.diary.book({
        participantId: id,
        officeId: leeds.id,
        start: '2026-12-08T10:00',
        end: '2026-12-08T10:30',
        kind: 'regular',
        channel: 'in-person',
      }),
    ).rejects.toMatchObject({ code: 'refused', message: 'Leeds has closed: choose another venue' });
    expect(await snapshot(c.services.wp.db)).toEqual(before);
    await c.services.diary.setClosed(leeds.id, 2, null);
    expect(await slotsAt()).toBe('Leeds');
    expect(york.closedOn).toBeNull();
  });
});

describe('the slot finder over the caseload', () => {
  it('offers people in Birmingham, Cardiff and Glasgow their own city’s office, not Belfast', async () => {
    for (const [name, postcode, nation] of [
      ['Belfast', 'BT1 5GS', 'northern-ireland'],
      ['Birmingham', 'B1 1BB', 'england-and-wales'],
      ['Cardiff', 'CF10 1EP', 'england-and-wales'],
      ['Glasgow', 'G2 1DY', 'scotland'],
    ] as const)
      await c.services.diary.saveOffice(officeSchema.parse(venue(name, postcode, { nation })));
    for (const [home, expected] of [
      ['B5 4BU', 'Birmingham'],
      ['CF24 0AA', 'Cardiff'],
      ['G12 8QQ', 'Glasgow'],
      ['BT7 1NN', 'Belfast'],
    ] as const) {
      const id = await participantIn(home);
      const r = await c.services.diarySlots.findSlots(
        findSlotsSchema.parse({ participantId: id, kind: 'induction' }),
      );
      expect(new Set(r.slots.map((s) => s.officeName)), home).toEqual(new Set([expected]));
      expect(r.slots[0]!.distanceKm!).toBeLessThan(10);
    }
  });

  it('never offers a time before now, even when asked from an earlier time', async () => {
    await c.services.diary.saveOffice(officeSchema.parse(venue('Sheffield', 'S1 2PN')));
    const id = await participantIn('S2 4SU');
    const r = await c.services.diarySlots.findSlots(
      findSlotsSchema.parse({
        participantId: id,
        kind: 'regular',
        earliest: '2026-12-01T09:00',
        spread: false,
        count: 2,
      }),
    );
    expect(r.slots.map((s) => s.start)).toEqual(['2026-12-07T10:30', '2026-12-07T10:45']);
  });

  it('honours “afternoons” recorded only as an adjustment, and the adviser’s date range', async () => {
    await c.services.diary.saveOffice(officeSchema.parse(venue('Sheffield', 'S1 2PN')));
    const id = await participantIn('S2 4SU', 'Prefers afternoon appointments (school run)');
    const r = await c.services.diarySlots.findSlots(
      findSlotsSchema.parse({
        participantId: id,
        kind: 'regular',
        from: '2026-12-09',
        to: '2026-12-10',
        count: 4,
      }),
    );
    // One a day first (12:00 on each day), then the next free times.
    expect(r.slots.map((s) => s.start)).toEqual([
      '2026-12-09T12:00',
      '2026-12-09T13:30',
      '2026-12-09T13:45',
      '2026-12-10T12:00',
    ]);
  });

  it('refuses a search range longer than 92 days or ending before it starts, at the boundary', () => {
    const input = contract['diary:findSlots'].input;
    const base = { participantId: '0190d9a6-0000-7000-8000-000000000001', kind: 'regular' };
    expect(input.safeParse({ ...base, from: '2026-12-01', to: '2027-03-02' }).success).toBe(true);
    expect(
      input.safeParse({ ...base, from: '2026-12-01', to: '2027-03-03' }).error?.issues[0]?.message,
    ).toBe('Search at most 92 days at a time');
    expect(
      input.safeParse({ ...base, from: '2026-12-02', to: '2026-12-01' }).error?.issues[0]?.message,
    ).toBe('The last day must be on or after the first');
    expect(input.safeParse({ ...base, from: '2026-02-30' }).success).toBe(false);
  });
});
