/**
 * A batch of every kind of letter over a real encrypted caseload: the batch offers each
 * participant the letters their letters page offers (documents:offers), each written in their
 * recorded language and format; one print file holds each letter from a new page with no page
 * holding only a fragment; participants that cannot have a letter are listed with the reason;
 * nothing is logged until the print is confirmed.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempCaseload, type TempCaseload } from '../support/temp-caseload';
import { recordingDesktop } from '../support/recording-desktop';
import { NOW, SHEFFIELD_OFFICE, participantWithInduction } from './caseload-fixture';
import { pageCount, pdfText, pdfWords } from './pdf-reader';
import { NOTICE_WORDING } from '../../src-main/pdf/wording/notice-letters';
import { EASY_READ_WORDING } from '../../src-main/pdf/wording/easy-read-induction';
import { inductionEn } from '../../src-main/pdf/wording/induction-en';
import { logMeetingSchema } from '../../src-shared/schemas/meeting';
import { statusChangeSchema } from '../../src-shared/schemas/participant';
import { bookingSchema } from '../../src-shared/schemas/diary';
import type { ReferralInput } from '../../src-shared/schemas/participant';

let c: TempCaseload;
afterEach(async () => c?.close());

const squash = (s: string) => s.normalize('NFC').replace(/\s+/g, '');
/** The commonest word height on the first page, in points: the body type size, near enough. */
const bodyHeight = async (bytes: Uint8Array) => {
  const heights = (await pdfWords(bytes))
    .filter((w) => w.page === 1)
    .map((w) => Math.round(w.yMax - w.yMin));
  const counts = new Map<number, number>();
  for (const h of heights) counts.set(h, (counts.get(h) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
};
const words = (page: string) => page.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;

describe('a batch of mixed letters', () => {
  it('gives each participant the right letters, in their language and format, in one print file', async () => {
    let clock = NOW;
    c = await tempCaseload({ now: () => clock });
    const officeId = (await c.services.diary.saveOffice(SHEFFIELD_OFFICE)).id;
    const add = (n: number, start: string, referral?: Partial<ReferralInput>) =>
      participantWithInduction(c, officeId, { n, start, ...(referral ? { referral } : {}) });
    const formats = (f: Partial<{ largePrint: boolean; welsh: boolean; easyRead: boolean }>) => ({
      accessibleFormats: { largePrint: false, welsh: false, easyRead: false, ...f },
    });

    const english = await add(1, '2026-12-02T10:00');
    const welsh = await add(2, '2026-11-30T11:00', { language: 'Welsh' });
    const inWork = await add(3, '2026-12-02T12:00', formats({ largePrint: true }));
    const easyRead = await add(4, '2026-12-02T13:00', formats({ easyRead: true }));
    const leaver = await add(5, '2026-12-02T14:00');
    const late = await add(6, '2026-12-09T10:00');

    const svc = c.services;
    for (const status of ['started', 'in-work'])
      await svc.participants.setStatus(
        statusChangeSchema.parse({ id: inWork, status, date: '2026-11-23' }),
      );
    const checkIn = await svc.diary.book(
      bookingSchema.parse({
        participantId: inWork,
        officeId,
        start: '2026-12-03T10:00',
        end: '2026-12-03T10:30',
        kind: 'in-work',
        channel: 'phone',
      }),
    );
    await svc.participants.setStatus(
      statusChangeSchema.parse({
        id: leaver,
        status: 'exited',
        date: '2026-11-23',
        exitReason: 'moved-away',
      }),
    );
    // The Welsh reader missed their induction on 30 November.
    clock = new Date('2026-11-30T16:00:00.000Z');
    const [missed] = await svc.wp.db
      .selectFrom('appointments')
      .select(['id', 'version'])
      .where('participant_id', '=', welsh)
      .execute();
    await svc.meetings.log(
      logMeetingSchema.parse({
        appointmentId: missed!.id,
        expectedVersion: missed!.version,
        outcome: 'dna',
        priorNotice: false,
        channel: 'in-person',
      }),
    );

    const docs = svc.documents;
    const due = await docs.dueLetters();
    const kindsOf = (id: string) =>
      due
        .find((d) => d.participantId === id)
        ?.letters.map((l) => `${l.kind}${l.appointmentId ? ` ${l.appointmentId}` : ''}`);
    // The batch offers what each participant's letters page offers, one letter an appointment.
    expect(kindsOf(english)).toEqual(['induction-letter']);
    expect(kindsOf(welsh)).toEqual([`missed-appointment ${missed!.id}`]);
    expect(kindsOf(inWork)).toEqual(['induction-letter', `in-work-check-in ${checkIn.id}`]);
    expect(kindsOf(easyRead)).toEqual(['induction-letter']);
    expect(kindsOf(leaver)).toEqual(['exit-letter']);
    expect(kindsOf(late)).toEqual(['induction-letter']);
    for (const id of [welsh, inWork, leaver]) {
      const offers = await docs.letterOffers(id);
      for (const { label: _label, ...l } of due.find((d) => d.participantId === id)!.letters)
        if (l.kind !== 'induction-letter')
          expect(offers).toContainEqual(expect.objectContaining(l));
    }
    expect(due.find((d) => d.participantId === welsh)!.format).toBe('Welsh and English');
    expect(due.find((d) => d.participantId === inWork)!.format).toBe('English, large print');
    expect(due.find((d) => d.participantId === easyRead)!.format).toBe(
      'English, Easy Read induction letter',
    );

    const chosen = [
      ...due.flatMap((d) =>
        d.letters.map((l) => ({
          participantId: d.participantId,
          kind: l.kind,
          ...(l.appointmentId ? { appointmentId: l.appointmentId } : {}),
        })),
      ),
      // A letter that does not apply is refused, whatever the page sent.
      { participantId: english, kind: 'exit-letter' as const },
    ];
    const separate = await docs.startBatch({ letters: chosen, output: 'separate', options: {} });
    const single = await docs.startBatch({ letters: chosen, output: 'single', options: {} });
    expect(separate.skipped).toHaveLength(2);
    expect(separate.skipped).toEqual(
      expect.arrayContaining([
        { participantId: late, reason: expect.stringMatching(/^Induction letter: .*after/) },
        { participantId: english, reason: 'Exit letter: this letter does not apply to them now' },
      ]),
    );
    expect(await docs.batchFinished(separate.batchId)).toMatchObject({ state: 'finished' });
    expect(await docs.batchFinished(single.batchId)).toMatchObject({ state: 'finished' });
    expect(separate.letters).toEqual(single.letters);

    // Each letter is the right kind, in the participant's language and format.
    const texts: string[] = [];
    const pages: number[] = [];
    const heights = new Map<string, number>();
    for (const [i, l] of separate.letters.entries()) {
      const bytes = Buffer.from(docs.batchFile(separate.batchId, i).pdfBase64, 'base64');
      const text = await pdfText(bytes);
      texts.push(text);
      pages.push(await pageCount(bytes));
      heights.set(`${l.participantId} ${l.kind}`, await bodyHeight(bytes));
      const first = squash(text.split('\f')[0]!);
      switch (`${l.participantId} ${l.kind}`) {
        case `${english} induction-letter`:
          expect(first).toContain(squash(inductionEn.meetingHeading));
          expect(text).not.toContain(EASY_READ_WORDING.en.intro[0]);
          break;
        case `${welsh} missed-appointment`:
          // Welsh first, then the English.
          expect(first).toContain(squash(NOTICE_WORDING.cy.subject['missed-appointment']));
          expect(squash(text)).toContain(squash(NOTICE_WORDING.en.subject['missed-appointment']));
          break;
        case `${inWork} induction-letter`:
        case `${inWork} in-work-check-in`:
          if (l.kind === 'in-work-check-in')
            expect(squash(text)).toContain(squash(NOTICE_WORDING.en.inWork.checkInHeading));
          expect(text).not.toContain(NOTICE_WORDING.cy.subject['appointment-confirmation']);
          break;
        case `${easyRead} induction-letter`:
          expect(squash(text)).toContain(squash(EASY_READ_WORDING.en.intro[0]!));
          break;
        case `${leaver} exit-letter`:
          expect(first).toContain(squash(NOTICE_WORDING.en.subject['exit-letter']));
          break;
        default:
          throw new Error(`Unexpected letter ${l.kind}`);
      }
    }
    expect(separate.letters.map((l) => l.kind).sort()).toEqual([
      'exit-letter',
      'in-work-check-in',
      'induction-letter',
      'induction-letter',
      'induction-letter',
      'missed-appointment',
    ]);

    // Large print as recorded: bigger type than the standard letter of the same kind.
    const standard = heights.get(`${english} induction-letter`)!;
    expect(heights.get(`${inWork} induction-letter`)!).toBeGreaterThan(standard * 1.3);
    expect(heights.get(`${inWork} in-work-check-in`)!).toBeGreaterThan(standard * 1.3);

    // One print file: each letter from a new page, no page holding only a fragment.
    const file = Buffer.from(docs.batchFile(single.batchId).pdfBase64, 'base64');
    const combined = (await pdfText(file)).split('\f');
    expect(combined).toHaveLength(pages.reduce((a, b) => a + b, 0));
    let at = 0;
    for (const [i, text] of texts.entries()) {
      expect(combined[at]).toBe(text.split('\f')[0]);
      at += pages[i]!;
    }
    for (const page of combined) expect(words(page)).toBeGreaterThanOrEqual(25);

    // Made is not logged; the confirmed print logs every letter in it, once.
    const logged = async () =>
      (await svc.wp.db.selectFrom('letter_log').select(['participant_id', 'kind']).execute())
        .map((r) => `${r.participant_id} ${r.kind}`)
        .sort();
    expect(await logged()).toEqual([]);
    const desktop = recordingDesktop(join(c.dir, 'desktop'));
    desktop.printAnswers.push(false);
    await docs.batchFileAction(single.batchId, 'print', undefined, desktop);
    expect(await logged()).toEqual([]);
    await docs.batchFileAction(single.batchId, 'print', undefined, desktop);
    expect(await logged()).toEqual(
      single.letters.map((l) => `${l.participantId} ${l.kind}`).sort(),
    );
    // Logged letters are no longer due; the late induction still is.
    const after = await docs.dueLetters();
    expect(after.map((d) => d.participantId)).toEqual([late]);
  });
});
