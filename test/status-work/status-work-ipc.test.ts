/**
 * Status corrections, the R6 in-person exemption and the R13 exit review over the real router
 * and a real encrypted caseload: bad input is refused at the boundary and changes nothing; a
 * correction needs a reason, is audited as a correction and shows on the timeline; a health
 * reason for an exemption reaches the adviser only; the exit review exits the participant, meets
 * the engine's R13 and prints a hand-back summary whose text is read back from the PDF.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, APP_ORIGIN, type Backend } from '../../src-main/app/backend';
import { dataPathsFor } from '../../src-main/app/data-paths';
import { addDays } from '../../src-shared/domain/calendar/civil-date';
import { londonDate } from '../../src-shared/domain/identity/civil-date';
import type { Participant, TimelineEvent } from '../../src-shared/schemas/participant';
import type { ExitReview, InPersonExemption } from '../../src-shared/schemas/status-work';
import type { ParticipantObligations } from '../../src-shared/ipc/channels/obligations';
import { tempDir, TEST_KDF, PASSPHRASE } from '../support/temp-caseload';
import { recordingDesktop } from '../support/recording-desktop';
import { referral } from '../support/referrals';
import { pdfText } from '../pdf/pdf-reader';

const t = tempDir('waymark status work ');
const desktop = recordingDesktop(join(t.dir, 'desktop'));
let backend: Backend;
const today = londonDate(new Date());
// Started 100 weeks and 4 days ago: the programme ends in 10 days and R13 is already prompted.
const started = addDays(today, -(104 * 7 - 10));
let id: string;

beforeAll(async () => {
  backend = createBackend({
    paths: dataPathsFor(join(t.dir, 'c.waymark')),
    kdfCost: TEST_KDF,
    desktop,
  });
  await backend.session.setup('Ada Adviser', PASSPHRASE);
  const created = await ok<Participant>(
    'participant:create',
    referral({ referralDate: addDays(started, -20), referralId: 'JCP-7001' }),
  );
  id = created.id;
}, 120_000);
afterAll(async () => {
  await backend.session.lock('quit');
  t.cleanup();
});

const call = (channel: string, input: unknown) => backend.router(channel, input, APP_ORIGIN);
async function ok<T>(channel: string, input: unknown): Promise<T> {
  const result = await call(channel, input);
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  return (result as { value: T }).value;
}
const setRole = async (role: 'manager' | 'adviser') => {
  await backend.session.require().services.wp.db.updateTable('advisers').set({ role }).execute();
};
const db = () => backend.session.require().services.wp.db;
const timeline = () => ok<TimelineEvent[]>('participant:timeline', { id });
const status = async () => (await ok<Participant>('participant:get', { id })).status;

describe('correcting the status', () => {
  it.each([
    ['no reason', { status: 'started', date: started }],
    ['an empty reason', { status: 'started', date: started, reason: '   ' }],
    ['an impossible date', { status: 'started', date: '2026-02-30', reason: 'r' }],
    ['an exit without its reason', { status: 'exited', date: started, reason: 'r' }],
    ['a status that does not exist', { status: 'finished', date: started, reason: 'r' }],
  ])('refuses %s and changes nothing', async (_, input) => {
    const before = (await timeline()).length;
    expect(await call('status:correct', { id, ...input })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(await status()).toBe('referred');
    expect(await timeline()).toHaveLength(before);
  });

  it('refuses the status they already have, and a date before the referral', async () => {
    expect(
      await call('status:correct', { id, status: 'referred', date: started, reason: 'r' }),
    ).toMatchObject({ ok: false, error: { field: 'status' } });
    expect(
      await call('status:correct', {
        id,
        status: 'started',
        date: addDays(started, -21),
        reason: 'r',
      }),
    ).toMatchObject({ ok: false, error: { field: 'date' } });
    expect(await status()).toBe('referred');
  });

  it('sets a status the ordinary steps would not reach, with the reason on the timeline and a correction in the audit log', async () => {
    const reason = 'Allocated and inducted by the previous adviser; records moved over late';
    const p = await ok<Participant>('status:correct', {
      id,
      status: 'started',
      date: started,
      reason,
    });
    expect(p.status).toBe('started');
    const event = (await timeline()).find((e) => e.kind === 'status')!;
    expect(event).toMatchObject({
      date: started,
      data: { from: 'referred', to: 'started', note: reason, corrected: true },
    });
    const audit = await db()
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('action', '=', 'participant.status-corrected')
      .execute();
    expect(audit).toHaveLength(1);
    // The audit holds the change, never the adviser's words.
    expect(audit[0]!.detail).not.toContain('previous adviser');
  });
});

describe('the in-person exemption', () => {
  const exemption = {
    from: addDays(today, -40),
    to: addDays(today, 20),
    reason: 'Recovering from an operation',
    healthRelated: true,
  };

  it.each([
    ['an end before the start', { to: addDays(today, -41) }, 'to'],
    ['more than a year', { to: addDays(today, 326) }, 'to'],
    ['no reason', { reason: '' }, 'reason'],
    ['an unreal date', { from: '2026-11-31' }, 'from'],
  ])('refuses %s, naming the field, and records nothing', async (_, change, field) => {
    expect(
      await call('exemption:record', { participantId: id, ...exemption, ...change }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-input', field } });
    expect(await ok<InPersonExemption[]>('exemption:list', { participantId: id })).toEqual([]);
  });

  it('records it; a manager sees the dates but not a health reason, and not the timeline entry', async () => {
    await ok('exemption:record', { participantId: id, ...exemption });
    await ok('exemption:record', {
      participantId: id,
      from: addDays(today, -90),
      to: addDays(today, -60),
      reason: 'Caring for a parent at home',
      healthRelated: false,
    });
    const mine = await ok<InPersonExemption[]>('exemption:list', { participantId: id });
    expect(mine.map((e) => e.reason)).toEqual([
      'Recovering from an operation',
      'Caring for a parent at home',
    ]);
    await setRole('manager');
    try {
      const theirs = await ok<InPersonExemption[]>('exemption:list', { participantId: id });
      expect(theirs.map((e) => [e.from, e.reason])).toEqual([
        [exemption.from, null],
        [addDays(today, -90), 'Caring for a parent at home'],
      ]);
      const kinds = (await timeline()).filter((e) => e.kind === 'in-person-exemption');
      expect(kinds).toHaveLength(1);
      expect(await call('exemption:record', { participantId: id, ...exemption })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    } finally {
      await setRole('adviser');
    }
    expect((await timeline()).filter((e) => e.kind === 'in-person-exemption')).toHaveLength(2);
  });
});

describe('notes on the timeline', () => {
  it('shows the note typed with a general contact on its timeline entry', async () => {
    await ok('meetings:contact', {
      participantId: id,
      contactKind: 'general',
      channel: 'phone',
      outcome: 'spoke',
      date: today,
      note: 'Asked about bus fares to the Friday workshop',
    });
    const entry = (await timeline()).find((e) => e.kind === 'contact')!;
    expect(entry.note).toBe('Asked about bus fares to the Friday workshop');
  });
});

describe('the exit review and the hand-back summary', () => {
  const review = {
    date: today,
    outcome: 'handed-back',
    destination: 'Jobcentre Plus work coach at Sheffield Eastern Avenue',
    summary: 'Completed a forklift licence and two work trials; wants warehouse work nearby.',
  };

  it('refuses a review with no summary, or dated tomorrow, and records nothing', async () => {
    expect(
      await call('exitReview:record', { participantId: id, ...review, summary: '' }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'summary' } });
    expect(
      await call('exitReview:record', { participantId: id, ...review, date: addDays(today, 1) }),
    ).toMatchObject({ ok: false, error: { field: 'date' } });
    expect(await ok<ExitReview[]>('exitReview:list', { participantId: id })).toEqual([]);
    expect(await status()).toBe('started');
  });

  it('records it, exits the participant and meets R13, which the exit alone would have removed', async () => {
    const before = await ok<ParticipantObligations>('obligations:forParticipant', {
      participantId: id,
    });
    expect(before.obligations.find((o) => o.rule === 'R13')).toMatchObject({ status: 'pending' });
    const { participant } = await ok<{ participant: Participant }>('exitReview:record', {
      participantId: id,
      ...review,
    });
    expect(participant).toMatchObject({ status: 'exited', exitReason: 'completed-programme' });
    const after = await ok<ParticipantObligations>('obligations:forParticipant', {
      participantId: id,
    });
    expect(after.obligations.find((o) => o.rule === 'R13')).toMatchObject({
      status: 'met',
      metOn: today,
    });
  });

  it('prints the hand-back summary with the review in it', async () => {
    const [saved] = await ok<ExitReview[]>('exitReview:list', { participantId: id });
    const outcome = await ok<{ done: boolean; fileName: string }>('exitReview:handBack', {
      participantId: id,
      reviewId: saved!.id,
      action: 'print',
    });
    expect(outcome.done).toBe(true);
    expect(outcome.fileName).not.toMatch(/Zofia|JCP/);
    const text = (await pdfText(readFileSync(desktop.calls.at(-1)!.file))).replace(/\s+/g, ' ');
    for (const expected of [
      'Exit review: hand-back summary for Jobcentre Plus',
      'Zofia Wiśniewska',
      'AB 12 34 56 C',
      'JCP-7001',
      'Not in work: handed back to Jobcentre Plus',
      review.destination,
      review.summary,
      'What happens next',
      'Adviser: Ada Adviser',
    ])
      expect(text).toContain(expected);
    expect(text).not.toMatch(/handed-back|\d{4}-\d{2}-\d{2}/);
  });

  it('refuses a hand-back for a review that is not this participant’s', async () => {
    expect(
      await call('exitReview:handBack', {
        participantId: id,
        reviewId: crypto.randomUUID(),
        action: 'print',
      }),
    ).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
