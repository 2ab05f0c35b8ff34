/**
 * The day sheet and the outreach run sheet over a real encrypted caseload, read back with pdf.js:
 * who is on them (booked appointments of the signed-in adviser that day, at that venue), the
 * adjustments and contact details an adviser needs with no network, and nothing else.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempCaseload, type TempCaseload } from '../support/temp-caseload';
import { referral } from '../support/referrals';
import { referralSchema } from '../../src-shared/schemas/participant';
import { officeSchema } from '../../src-shared/schemas/diary';
import { workingPatternSchema } from '../../src-shared/schemas/diary-settings';
import { daySheetPdf, outreachRunSheetPdf } from '../../src-main/services/diary/day-sheets';
import { pageCount, pdfText, pdfWords } from './pdf-reader';

const NOW = new Date('2026-11-23T08:00:00.000Z');
const weekdays = {
  mon: [['09:00', '17:00']],
  tue: [['09:00', '17:00']],
  wed: [['09:00', '17:00']],
  thu: [['09:00', '17:00']],
  fri: [['09:00', '17:00']],
} as const;

let c: TempCaseload;

const venue = (name: string, postcode: string, kind: 'office' | 'outreach') =>
  c.services.diary.saveOffice(
    officeSchema.parse({
      kind,
      name,
      nation: 'england-and-wales',
      address: { line1: '1 High Street', town: 'Sheffield', postcode },
      phone: '0114 496 0000',
      email: 'venue@waymark.example',
      stepFree: true,
      hearingLoop: kind === 'outreach',
      openingHours: weekdays,
    }),
  );

async function person(n: number, over: Record<string, unknown> = {}) {
  const { id } = await c.services.participants.create(
    referralSchema.parse(
      referral({ referralId: `JCP-${n}`, niNumber: `AB ${10 + n} 34 56 C`, ...over }),
    ),
  );
  return id;
}

beforeEach(async () => {
  c = await tempCaseload({ now: () => NOW });
  await c.services.diarySettings.savePattern(
    workingPatternSchema.parse({ effectiveFrom: '2026-01-01', sessions: weekdays }),
  );
});
afterEach(() => c.close());

describe('day sheet and outreach run sheet', () => {
  it('lists the day’s booked appointments in time order with adjustments, and the run sheet only its venue', async () => {
    const office = await venue('Arundel Gate office', 'S1 2PN', 'office');
    const hall = await venue('Parson Cross community hall', 'S5 8NL', 'outreach');
    const ada = await person(1, {
      givenName: 'Ada',
      familyName: 'Lovelace',
      phone: '0114 496 0123',
      adjustments: 'Needs a quiet room',
    });
    const ben = await person(2, {
      givenName: 'Ben',
      familyName: 'Okafor',
      interpreterNeeded: true,
      language: 'Polish',
    });
    const cat = await person(3, { givenName: 'Cat', familyName: 'Moran' });
    const book = (participantId: string, officeId: string, start: string, end: string) =>
      c.services.diary.book({
        participantId,
        officeId,
        start,
        end,
        kind: 'regular',
        channel: 'in-person',
      });
    await book(ben, hall.id, '2026-11-25T14:00', '2026-11-25T15:00');
    await book(ada, hall.id, '2026-11-25T10:00', '2026-11-25T11:00');
    await book(cat, office.id, '2026-11-25T12:00', '2026-11-25T12:30');
    // Another day: on neither sheet.
    await book(cat, hall.id, '2026-11-26T10:00', '2026-11-26T11:00');

    const day = await daySheetPdf(c.services.wp, '2026-11-25');
    expect(day.count).toBe(3);
    const dayText = await pdfText(day.bytes);
    expect(dayText).toContain('Day sheet: Wednesday 25 November 2026');
    const order = ['Ada Lovelace', 'Cat Moran', 'Ben Okafor'].map((n) => dayText.indexOf(n));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(dayText).toContain('10am to 11am');
    expect(dayText).toContain('Needs a quiet room');
    expect(dayText).toContain('Needs an interpreter (Polish)');
    expect(dayText).toContain('0114 496 0123');
    expect(dayText).toContain('Notes');

    const run = await outreachRunSheetPdf(c.services.wp, '2026-11-25', hall.id);
    expect(run.count).toBe(2);
    const runText = await pdfText(run.bytes);
    expect(runText).toContain('Outreach run sheet: Parson Cross community hall');
    expect(runText).toContain('Hearing loop');
    expect(runText).toContain('Ada Lovelace');
    expect(runText).toContain('Ben Okafor');
    expect(runText).not.toContain('Cat Moran');
    // The run sheet carries the home address for a venue with no network; the day sheet does not.
    expect(runText).toContain('Home address');
    expect(dayText).not.toContain('Home address');
  });

  it('leaves out cancelled appointments and says so when nobody is booked', async () => {
    const hall = await venue('Parson Cross community hall', 'S5 8NL', 'outreach');
    const ada = await person(1, { givenName: 'Ada', familyName: 'Lovelace' });
    const appt = await c.services.diary.book({
      participantId: ada,
      officeId: hall.id,
      start: '2026-11-25T10:00',
      end: '2026-11-25T11:00',
      kind: 'regular',
      channel: 'in-person',
    });
    await c.services.meetings.log({
      appointmentId: appt.id,
      expectedVersion: appt.version,
      outcome: 'cancelled-by-provider',
      priorNotice: null,
      channel: 'in-person',
      notes: '',
      notesSpecialCategory: false,
      stepsReviewed: [],
    });
    const run = await outreachRunSheetPdf(c.services.wp, '2026-11-25', hall.id);
    expect(run.count).toBe(0);
    const text = await pdfText(run.bytes);
    expect(text).toContain('Nobody is booked at this venue on this day.');
    expect(text).not.toContain('Ada Lovelace');
    expect(await pageCount(run.bytes)).toBe(1);
  });

  it('keeps each appointment’s block whole on a page, however many there are', async () => {
    const office = await venue('Arundel Gate office', 'S1 2PN', 'office');
    for (let i = 0; i < 12; i++) {
      const id = await person(10 + i, { givenName: 'Person', familyName: `Number${i}` });
      const hh = String(9 + Math.floor(i / 2)).padStart(2, '0');
      const mm = i % 2 ? '30' : '00';
      await c.services.diary.book({
        participantId: id,
        officeId: office.id,
        start: `2026-11-25T${hh}:${mm}`,
        end: `2026-11-25T${hh}:${mm === '00' ? '25' : '55'}`,
        kind: 'regular',
        channel: 'in-person',
      });
    }
    const day = await daySheetPdf(c.services.wp, '2026-11-25');
    const pages = await pageCount(day.bytes);
    expect(pages).toBeGreaterThan(1);
    // Every page that has a participant's heading also has that block's notes label after it.
    const words = await pdfWords(day.bytes);
    for (let i = 0; i < 12; i++) {
      const name = words.find((w) => w.text === `Number${i}`);
      expect(name).toBeDefined();
      const adjustmentsLabel = words.find(
        (w) => w.page === name!.page && w.text === 'Adjustments' && w.yMin > name!.yMin,
      );
      expect(adjustmentsLabel, `block ${i} split across pages`).toBeDefined();
    }
  });
});
