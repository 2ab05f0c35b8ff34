/**
 * The notice letters through the router over a real encrypted caseload and the recording
 * desktop: which letters apply ('documents:offers'), the preview read from the PDF, issue (a
 * printed letter is logged only when printed), and the letters refused where they do not apply,
 * changing nothing. The letter language follows the participant's recorded language; Easy Read
 * follows their recorded format.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, APP_ORIGIN, type Backend } from '../../src-main/app/backend';
import type { Services } from '../../src-main/app/services';
import { PASSPHRASE, TEST_KDF, type TempCaseload } from '../support/temp-caseload';
import { recordingDesktop, type RecordingDesktop } from '../support/recording-desktop';
import { caseloadWithOffice, NOW, participantWithInduction } from './caseload-fixture';
import { pdfText } from './pdf-reader';
import { NOTICE_WORDING, SANCTION_WORDING } from '../../src-main/pdf/wording/notice-letters';
import { EASY_READ_WORDING } from '../../src-main/pdf/wording/easy-read-induction';
import type { ReferralInput } from '../../src-shared/schemas/participant';

let c: TempCaseload;
let backend: Backend;
let desktop: RecordingDesktop;
let services: Services;
let officeId: string;
let now: Date;

beforeEach(async () => {
  const s = await caseloadWithOffice();
  c = s.c;
  officeId = s.officeId;
  await c.session.lock('quit');
  now = NOW;
  desktop = recordingDesktop(join(c.dir, 'desktop'));
  backend = createBackend({ paths: c.paths, kdfCost: TEST_KDF, now: () => now, desktop });
  await backend.session.unlock(PASSPHRASE);
  services = backend.session.require().services;
});
afterEach(async () => {
  await backend.session.lock('quit');
  await c.close();
});

type Answer<T> =
  { ok: true; value: T } | { ok: false; error: { code: string; field?: string; message: string } };
const call = async <T>(channel: string, input: unknown) =>
  (await backend.router(channel, input, APP_ORIGIN)) as Answer<T>;
const value = async <T>(channel: string, input: unknown): Promise<T> => {
  const answer = await call<T>(channel, input);
  if (!answer.ok) throw new Error(`${channel}: ${JSON.stringify(answer.error)}`);
  return answer.value;
};
const squash = (s: string) => s.normalize('NFC').replace(/\s+/g, '');
const withInduction = (n: number, referral?: Partial<ReferralInput>, start = '2026-12-01T14:00') =>
  participantWithInduction({ ...c, services }, officeId, {
    n,
    start,
    ...(referral ? { referral } : {}),
  });
const db = () => services.wp.db;
const letters = async () =>
  (await db().selectFrom('letter_log').select(['kind', 'method']).execute()).map(
    (r) => `${r.kind} ${r.method}`,
  );

interface Appointment {
  id: string;
  version: number;
  start: string;
  outcome: string;
}
interface Offer {
  kind: string;
  appointmentId?: string;
  label: string;
}
interface Preview {
  text: string;
  pdfBase64: string;
  warnings: { kind: string; message: string }[];
}
const appointmentsOf = (participantId: string) =>
  value<Appointment[]>('diary:appointments', { participantId });
const previewText = async (input: Record<string, unknown>) => {
  const p = await value<Preview>('documents:preview', input);
  // The preview's text is read from the same definition as its PDF; check the PDF itself.
  return { ...p, pdf: await pdfText(Buffer.from(p.pdfBase64, 'base64')) };
};

describe('appointment letters', () => {
  it('confirms a booked appointment: offered, previewed, printed and logged only when printed', async () => {
    const participantId = await withInduction(1);
    const [appt] = await appointmentsOf(participantId);
    const offers = await value<Offer[]>('documents:offers', { participantId });
    expect(offers).toContainEqual({
      kind: 'appointment-confirmation',
      appointmentId: appt!.id,
      label: 'Induction, Tuesday 1 December 2026 at 14:00',
    });
    expect(offers.map((o) => o.kind)).not.toContain('missed-appointment');
    expect(offers.map((o) => o.kind)).not.toContain('exit-letter');

    const input = { participantId, kind: 'appointment-confirmation', appointmentId: appt!.id };
    const { pdf, text } = await previewText(input);
    for (const part of [
      NOTICE_WORDING.en.subject['appointment-confirmation'],
      'Tuesday 1 December 2026',
      '2pm to 3pm',
      'Waymark Employment Sheffield, 1 Arundel Gate, Sheffield, S1 2PN',
      'Trams and buses stop at Arundel Gate.',
      'Call Ada Adviser on 0114 496 0000',
    ]) {
      expect(squash(pdf)).toContain(squash(part));
      expect(squash(text)).toContain(squash(part));
    }

    desktop.printAnswers.push(false);
    expect(await value('documents:issue', { ...input, method: 'printed' })).toBeNull();
    expect(await letters()).toEqual([]);
    const entry = await value<{ kind: string; id: string }>('documents:issue', {
      ...input,
      method: 'printed',
    });
    expect(entry.kind).toBe('appointment-confirmation');
    expect(await letters()).toEqual(['appointment-confirmation printed']);
    const printed = await pdfText(readFileSync(desktop.calls.at(-1)!.file));
    expect(squash(printed)).toContain(squash('Your appointment with us'));
    expect(desktop.calls.at(-1)!.name).toBe('Appointment letter JCP-0001');
  });

  it('a moved appointment gets a change letter saying what changed', async () => {
    const participantId = await withInduction(2);
    const [appt] = await appointmentsOf(participantId);
    expect(
      (await value<Offer[]>('documents:offers', { participantId })).map((o) => o.kind),
    ).not.toContain('appointment-change');
    await value('diary:move', {
      id: appt!.id,
      version: appt!.version,
      start: '2026-12-02T15:00',
      end: '2026-12-02T16:00',
    });
    const offers = await value<Offer[]>('documents:offers', { participantId });
    expect(offers).toContainEqual(
      expect.objectContaining({ kind: 'appointment-change', appointmentId: appt!.id }),
    );
    const { pdf } = await previewText({
      participantId,
      kind: 'appointment-change',
      appointmentId: appt!.id,
    });
    expect(squash(pdf)).toContain(
      squash(
        NOTICE_WORDING.en.change.changed(
          'Tuesday 1 December 2026, 2pm',
          'Wednesday 2 December 2026, 3pm',
        ),
      ),
    );
  });

  it('warns before printing when the booking does not meet a need, and does not claim it', async () => {
    const participantId = await withInduction(3, { adjustments: 'Mornings only' });
    const [appt] = await appointmentsOf(participantId);
    const p = await previewText({
      participantId,
      kind: 'appointment-confirmation',
      appointmentId: appt!.id,
    });
    expect(p.warnings.map((w) => w.kind)).toContain('adjustment-not-met');
    expect(squash(p.pdf)).not.toContain(squash(NOTICE_WORDING.en.adjustmentsIntro));
    expect(squash(p.pdf)).toContain(squash('Mornings only'));
  });

  it('refuses another participant’s appointment, and an unknown id, changing nothing', async () => {
    const a = await withInduction(4);
    const b = await withInduction(5, undefined, '2026-12-01T16:00');
    const [apptB] = await appointmentsOf(b);
    const wrong = await call('documents:issue', {
      participantId: a,
      kind: 'appointment-confirmation',
      appointmentId: apptB!.id,
      method: 'emailed',
    });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'refused', field: 'appointmentId' } });
    const missing = await call('documents:preview', {
      participantId: a,
      kind: 'appointment-confirmation',
    });
    expect(missing).toMatchObject({ ok: false, error: { field: 'appointmentId' } });
    const bad = await call('documents:preview', {
      participantId: a,
      kind: 'appointment-confirmation',
      appointmentId: 'not-an-id',
    });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', field: 'appointmentId' },
    });
    expect(await letters()).toEqual([]);
    expect(desktop.calls).toEqual([]);
  });
});

describe('the missed-appointment letter (R8)', () => {
  it('follows a missed appointment, in neutral words, and only a missed one', async () => {
    const participantId = await withInduction(6);
    const [appt] = await appointmentsOf(participantId);
    const early = await call('documents:preview', {
      participantId,
      kind: 'missed-appointment',
      appointmentId: appt!.id,
    });
    expect(early).toMatchObject({ ok: false, error: { code: 'refused', field: 'appointmentId' } });

    now = new Date('2026-12-01T16:00:00.000Z');
    await value('meetings:log', {
      appointmentId: appt!.id,
      expectedVersion: appt!.version,
      outcome: 'dna',
      priorNotice: false,
      channel: 'in-person',
    });
    const offers = await value<Offer[]>('documents:offers', { participantId });
    expect(offers).toContainEqual(
      expect.objectContaining({ kind: 'missed-appointment', appointmentId: appt!.id }),
    );
    expect(offers.map((o) => o.kind)).not.toContain('appointment-confirmation');
    const { pdf } = await previewText({
      participantId,
      kind: 'missed-appointment',
      appointmentId: appt!.id,
    });
    expect(squash(pdf)).toContain(squash(NOTICE_WORDING.en.subject['missed-appointment']));
    // The work programme profile's R8 is three days.
    expect(squash(pdf)).toContain(squash(NOTICE_WORDING.en.missed.call(3)));
    expect(pdf).not.toMatch(SANCTION_WORDING);
    expect(pdf).not.toMatch(/sanction|benefit/i);
    const confirm = await call('documents:issue', {
      participantId,
      kind: 'appointment-confirmation',
      appointmentId: appt!.id,
      method: 'handed-over',
    });
    expect(confirm).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(await letters()).toEqual([]);
  });
});

describe('exit and in-work letters', () => {
  it('the exit letter only once they have left, with the profile’s complaint route', async () => {
    const participantId = await withInduction(7);
    const before = await call('documents:preview', { participantId, kind: 'exit-letter' });
    expect(before).toMatchObject({ ok: false, error: { code: 'refused', field: 'kind' } });
    await value('participant:setStatus', {
      id: participantId,
      status: 'exited',
      date: '2026-11-23',
      exitReason: 'moved-away',
    });
    expect(await value<Offer[]>('documents:offers', { participantId })).toContainEqual({
      kind: 'exit-letter',
      label: 'Leaving the programme',
    });
    const { pdf } = await previewText({ participantId, kind: 'exit-letter' });
    for (const part of [
      NOTICE_WORDING.en.exit.ended('Monday 23 November 2026'),
      NOTICE_WORDING.en.exit.next['moved-away'],
      'Independent Case Examiner: If Jobcentre Plus has not put things right',
    ])
      expect(squash(pdf)).toContain(squash(part));
    const entry = await value<{ kind: string }>('documents:issue', {
      participantId,
      kind: 'exit-letter',
      method: 'emailed',
    });
    expect(entry.kind).toBe('exit-letter');
    expect(await letters()).toEqual(['exit-letter emailed']);
  });

  it('the in-work letter for a booked check-in while they are in work', async () => {
    const participantId = await withInduction(8);
    const [induction] = await appointmentsOf(participantId);
    const refused = await call('documents:preview', {
      participantId,
      kind: 'in-work-check-in',
      appointmentId: induction!.id,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'refused', field: 'kind' } });
    for (const status of ['started', 'in-work'])
      await value('participant:setStatus', { id: participantId, status, date: '2026-11-23' });
    const booked = await value<Appointment>('diary:book', {
      participantId,
      officeId,
      start: '2026-12-03T10:00',
      end: '2026-12-03T10:30',
      kind: 'in-work',
      channel: 'phone',
    });
    const offers = await value<Offer[]>('documents:offers', { participantId });
    expect(offers).toContainEqual(
      expect.objectContaining({ kind: 'in-work-check-in', appointmentId: booked.id }),
    );
    const { pdf } = await previewText({
      participantId,
      kind: 'in-work-check-in',
      appointmentId: booked.id,
    });
    for (const part of [
      NOTICE_WORDING.en.inWork.checkInHeading,
      'Thursday 3 December 2026',
      NOTICE_WORDING.en.byPhone,
      NOTICE_WORDING.en.inWork.often(28),
    ])
      expect(squash(pdf)).toContain(squash(part));
  });
});

describe('language and format follow the record', () => {
  it('a participant whose language is Welsh gets Welsh then English, unless the adviser chooses', async () => {
    const participantId = await withInduction(9, { language: 'Welsh' });
    const [appt] = await appointmentsOf(participantId);
    const input = { participantId, kind: 'appointment-confirmation', appointmentId: appt!.id };
    const pages = (await previewText(input)).pdf.split('\f');
    expect(squash(pages[0]!)).toContain(
      squash(NOTICE_WORDING.cy.subject['appointment-confirmation']),
    );
    expect(squash(pages.join(''))).toContain(
      squash(NOTICE_WORDING.en.subject['appointment-confirmation']),
    );
    const english = await previewText({ ...input, options: { language: 'en' } });
    expect(squash(english.pdf)).not.toContain(
      squash(NOTICE_WORDING.cy.subject['appointment-confirmation']),
    );
  });

  it('a participant recorded as needing Easy Read gets the Easy Read induction letter', async () => {
    const participantId = await withInduction(10, {
      accessibleFormats: { largePrint: false, welsh: false, easyRead: true },
    });
    const { pdf } = await previewText({ participantId, kind: 'induction-letter' });
    for (const line of EASY_READ_WORDING.en.intro) expect(squash(pdf)).toContain(squash(line));
    const standard = await previewText({
      participantId,
      kind: 'induction-letter',
      options: { easyRead: false },
    });
    expect(squash(standard.pdf)).not.toContain(squash(EASY_READ_WORDING.en.intro[0]!));
  });
});
