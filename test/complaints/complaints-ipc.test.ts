/**
 * The complaints channels over the real router and a real encrypted caseload: a manager records,
 * acknowledges, responds, escalates and closes a complaint and prints its letters through the
 * desktop port; bad input is refused at the boundary and changes nothing; an adviser is refused.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, APP_ORIGIN, type Backend } from '../../src-main/app/backend';
import { dataPathsFor } from '../../src-main/app/data-paths';
import { addDays } from '../../src-shared/domain/calendar/civil-date';
import { londonDate } from '../../src-shared/domain/identity/civil-date';
import type { ComplaintView } from '../../src-shared/ipc/channels/complaints';
import type { Agenda } from '../../src-shared/ipc/channels/agenda';
import { tempDir, TEST_KDF, PASSPHRASE } from '../support/temp-caseload';
import { recordingDesktop } from '../support/recording-desktop';
import { pdfText } from '../pdf/pdf-reader';

const t = tempDir('waymark complaints ipc ');
const desktop = recordingDesktop(join(t.dir, 'desktop'));
let backend: Backend;
const today = londonDate(new Date());

beforeAll(async () => {
  backend = createBackend({
    paths: dataPathsFor(join(t.dir, 'c.waymark')),
    kdfCost: TEST_KDF,
    desktop,
  });
  await backend.session.setup('Mina Manager', PASSPHRASE);
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
/** Stands in for the administrator setting the user's role (the app offers no way to raise it). */
const setRole = async (role: 'manager' | 'adviser') => {
  await backend.session.require().services.wp.db.updateTable('advisers').set({ role }).execute();
};

const complaint = {
  participantId: null,
  receivedOn: addDays(today, -30),
  channel: 'letter',
  about: 'The office opening hours',
  summary: 'The office was closed when my appointment letter said it would be open.',
  profileId: 'work-programme',
};

describe('complaints channels', () => {
  it('refuses an adviser: complaints are for managers only', async () => {
    await setRole('adviser');
    expect(await call('complaints:list', {})).toMatchObject({ ok: false });
    expect(await call('complaints:record', complaint)).toMatchObject({ ok: false });
    await setRole('manager');
    expect(await ok<ComplaintView[]>('complaints:list', {})).toEqual([]);
  });

  it.each([
    ['complaints:record', { ...complaint, channel: 'pigeon' }],
    ['complaints:record', { ...complaint, receivedOn: '2026-02-30' }],
    ['complaints:record', { ...complaint, about: '' }],
    ['complaints:acknowledge', { id: 'not-a-uuid', on: today }],
    ['complaints:close', { id: crypto.randomUUID(), on: today, outcome: 'maybe', lessons: 'x' }],
    ['complaints:letter', { id: crypto.randomUUID(), kind: 'apology', action: 'print' }],
  ])('refuses %s %j as invalid input and records nothing', async (channel, input) => {
    await setRole('manager');
    expect(await call(channel, input)).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(await ok<ComplaintView[]>('complaints:list', {})).toEqual([]);
  });

  it('records, shows overdue, acknowledges, responds, escalates, closes and prints letters', async () => {
    await setRole('manager');
    const recorded = await ok<ComplaintView>('complaints:record', complaint);
    expect(recorded.stages).toHaveLength(1);
    expect(recorded.stages[0]!.responseDue).not.toBeNull();
    // Received 30 days ago: the first stage's response (working days) is past due.
    expect(recorded.state).toBe('overdue');
    const overdue = await ok<ComplaintView[]>('complaints:overdue', {});
    expect(overdue.map((c) => c.id)).toEqual([recorded.id]);
    // On the manager's agenda like any other obligation; never on an adviser's.
    const agenda = await ok<Agenda>('agenda:week', {});
    expect(agenda.complaintsOverdue).toEqual([
      {
        id: recorded.id,
        about: complaint.about,
        stageName: recorded.stages[0]!.name,
        responseDue: recorded.stages[0]!.responseDue,
      },
    ]);
    expect((await ok<Agenda>('agenda:day', {})).complaintsOverdue).toHaveLength(1);
    await setRole('adviser');
    expect(await ok<Agenda>('agenda:week', {})).not.toHaveProperty('complaintsOverdue');
    await setRole('manager');

    const acknowledged = await ok<ComplaintView>('complaints:acknowledge', {
      id: recorded.id,
      on: today,
    });
    expect(acknowledged.acknowledgedOn).toBe(today);
    const letter = await ok<{ done: boolean; fileName: string }>('complaints:letter', {
      id: recorded.id,
      kind: 'acknowledgement',
      action: 'print',
    });
    expect(letter.done).toBe(true);
    const printed = desktop.calls.at(-1)!;
    expect(printed.action).toBe('print');
    expect((await pdfText(readFileSync(printed.file))).replace(/\s+/g, ' ')).toContain(
      'The office opening hours',
    );

    const responded = await ok<ComplaintView>('complaints:respond', {
      id: recorded.id,
      on: today,
      response: 'We have changed the hours printed on our letters.',
    });
    expect(responded.state).toBe('responded');
    expect(await ok<ComplaintView[]>('complaints:overdue', {})).toEqual([]);
    expect((await ok<Agenda>('agenda:week', {})).complaintsOverdue).toEqual([]);
    await ok('complaints:letter', { id: recorded.id, kind: 'response', action: 'print' });

    const escalated = await ok<ComplaintView>('complaints:escalate', {
      id: recorded.id,
      on: today,
    });
    expect(escalated.stages).toHaveLength(2);
    expect(escalated.stages[1]!.name).not.toBe(escalated.stages[0]!.name);

    const closed = await ok<ComplaintView>('complaints:close', {
      id: recorded.id,
      on: today,
      outcome: 'partly-upheld',
      lessons: 'Check printed opening hours when they change.',
    });
    expect(closed).toMatchObject({ state: 'closed', outcome: 'partly-upheld', closedOn: today });
    expect(await ok<ComplaintView>('complaints:get', { id: recorded.id })).toEqual(closed);
  }, 60_000);
});
