/**
 * Surveys over the real router and a real encrypted caseload: who has a survey to offer, the
 * locked survey mode (nothing else is served until the adviser's passphrase, checked by the
 * vault), anonymity (no participant id in the answer row, the change journal, the sync outbox or
 * the audit log), paper forms, bad input refused with nothing stored, and suppressed results.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createBackend, APP_ORIGIN, type Backend } from '../../src-main/app/backend';
import { dataPathsFor } from '../../src-main/app/data-paths';
import { londonDate } from '../../src-shared/domain/identity/civil-date';
import { addDays } from '../../src-shared/domain/calendar/civil-date';
import type { Participant } from '../../src-shared/schemas/participant';
import type { SessionStatus } from '../../src-shared/ipc/channels/session';
import type {
  SurveyModeView,
  SurveyResultsView,
  SurveyToOffer,
} from '../../src-shared/ipc/channels/surveys';
import { tempDir, TEST_KDF, PASSPHRASE } from '../support/temp-caseload';
import { referral } from '../support/referrals';

const t = tempDir('waymark surveys ipc ');
let backend: Backend;
const today = londonDate(new Date());
const month = today.slice(0, 7);

beforeAll(async () => {
  backend = createBackend({ paths: dataPathsFor(join(t.dir, 'c.waymark')), kdfCost: TEST_KDF });
  await backend.session.setup('Ada Adviser', PASSPHRASE);
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
const raw = () => backend.session.require().opened.raw;
const count = (table: string) =>
  (raw().prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

async function exitedParticipant(referralId: string): Promise<string> {
  const p = await ok<Participant>(
    'participant:create',
    referral({ referralId, referralDate: addDays(today, -60) }),
  );
  await ok('participant:setStatus', {
    id: p.id,
    status: 'exited',
    date: today,
    exitReason: 'moved-away',
  });
  return p.id;
}

const paper = (answers: Record<string, unknown>, over: Record<string, unknown> = {}) => ({
  profileId: 'work-programme',
  surveyId: 'exit',
  participantId: null,
  answeredOn: today,
  answers,
  ...over,
});

describe('surveys to offer', () => {
  it('offers the exit survey to someone who has left, not to someone still on the programme, and not twice', async () => {
    const stays = await ok<Participant>('participant:create', referral({ referralId: 'JCP-S1' }));
    const left = await exitedParticipant('JCP-S2');
    const offers = await ok<SurveyToOffer[]>('surveys:toOffer', {});
    expect(offers.map((o) => [o.participantId, o.surveyId])).toEqual([[left, 'exit']]);
    expect(offers.some((o) => o.participantId === stays.id)).toBe(false);
    await ok('surveys:decline', { participantId: left, surveyId: 'exit' });
    expect(await ok<SurveyToOffer[]>('surveys:toOffer', {})).toEqual([]);
  });

  it('offers the first-review survey once the plan has been reviewed (a second agreed version)', async () => {
    const p = await ok<Participant>('participant:create', referral({ referralId: 'JCP-S3' }));
    const insert = raw().prepare(
      `INSERT INTO plan_versions (id, participant_id, number, content, agreed_on, method, adviser_id, adviser_name, previous_version_id, recorded_at)
       VALUES (?, ?, ?, '{}', ?, 'in-person', 'a', 'A', ?, ?)`,
    );
    const first = crypto.randomUUID();
    insert.run(first, p.id, 1, addDays(today, -100), null, new Date().toISOString());
    expect((await ok<SurveyToOffer[]>('surveys:toOffer', {})).map((o) => o.participantId)).toEqual(
      [],
    );
    insert.run(crypto.randomUUID(), p.id, 2, addDays(today, -5), first, new Date().toISOString());
    const offers = await ok<SurveyToOffer[]>('surveys:toOffer', {});
    expect(offers.map((o) => [o.participantId, o.surveyId, o.when])).toEqual([
      [p.id, 'first-review', 'first-plan-review'],
    ]);
    await ok('surveys:decline', { participantId: p.id, surveyId: 'first-review' });
  });
});

describe('the locked survey mode', () => {
  it('serves only the survey until the adviser’s passphrase, and an anonymous answer stores no link to the participant', async () => {
    const who = await exitedParticipant('JCP-S4');
    const journalBefore = count('change_journal');
    const auditBefore = (
      raw().prepare('SELECT max(seq) AS s FROM audit_log').get() as { s: number }
    ).s;

    const status = await ok<SessionStatus>('surveys:startLocked', {
      participantId: who,
      surveyId: 'exit',
      anonymous: true,
    });
    expect(status.surveyMode).toBe(true);

    // Everything but the survey's own channels is refused, reads and writes alike.
    for (const [channel, input] of [
      ['caseload:list', {}],
      ['participant:get', { id: who }],
      ['surveys:results', { from: month, to: month }],
      ['session:lock', {}],
      ['surveys:recordPaper', paper({ overall: 5 })],
    ] as const) {
      expect(await call(channel, input), channel).toMatchObject({
        ok: false,
        error: { code: 'refused', message: expect.stringContaining('passphrase') },
      });
    }
    const view = await ok<SurveyModeView>('surveys:current', {});
    expect(view).toMatchObject({ anonymous: true, finished: false, survey: { id: 'exit' } });
    expect(JSON.stringify(view)).not.toContain(who);

    const answers = { overall: 4, listened: 'yes', honest: 'not-sure', better: 'Evening sessions' };
    expect(await ok<SurveyModeView>('surveys:submit', { answers })).toMatchObject({
      finished: true,
    });
    expect(await call('surveys:submit', { answers })).toMatchObject({ ok: false });

    // A wrong passphrase is refused by the vault and the mode stays on.
    expect(await call('surveys:leave', { passphrase: 'not the passphrase at all' })).toMatchObject({
      ok: false,
      error: { code: 'wrong-passphrase' },
    });
    expect(await call('caseload:list', {})).toMatchObject({
      ok: false,
      error: { code: 'refused' },
    });
    expect((await ok<SessionStatus>('session:status', {})).surveyMode).toBe(true);

    const left = await ok<SessionStatus>('surveys:leave', { passphrase: PASSPHRASE });
    expect(left.surveyMode).toBe(false);
    await ok('caseload:list', {});

    // The stored answer: no participant id, no date, a random (v4) id.
    const rows = raw().prepare('SELECT * FROM survey_responses').all() as Record<string, unknown>[];
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row).toMatchObject({
      participant_id: null,
      answered_on: null,
      month,
      method: 'locked-device',
    });
    expect(String(row.id)[14]).toBe('4');
    expect(JSON.parse(String(row.answers))).toEqual(answers);
    expect(JSON.stringify(row)).not.toContain(who);

    // The journal (and so the outbox, which points at it) and the audit log for the answer.
    const journal = raw()
      .prepare('SELECT * FROM change_journal WHERE entity_type = ?')
      .all('survey_response') as Record<string, unknown>[];
    expect(journal).toHaveLength(1);
    expect(JSON.stringify(journal)).not.toContain(who);
    expect(count('change_journal')).toBe(journalBefore + 2); // the offer and the answer
    const outbox = raw()
      .prepare(
        `SELECT j.* FROM sync_outbox o JOIN change_journal j ON j.id = o.journal_id WHERE j.entity_type = 'survey_response'`,
      )
      .all();
    expect(JSON.stringify(outbox)).not.toContain(who);
    const audit = raw()
      .prepare('SELECT * FROM audit_log WHERE seq > ? AND entity_type <> ?')
      .all(auditBefore, 'survey_offer') as Record<string, unknown>[];
    // The refused calls reached nothing, so nothing was audited for them.
    expect(audit.map((a) => a.action)).toEqual([
      'survey.answer',
      'survey.mode-leave',
      'caseload.list',
    ]);
    expect(JSON.stringify(audit)).not.toContain(who);
  });

  it('keeps a non-anonymous answer with the participant, and storing nothing when they would rather not answer', async () => {
    const who = await exitedParticipant('JCP-S5');
    await ok('surveys:startLocked', { participantId: who, surveyId: 'exit', anonymous: false });
    await ok('surveys:submit', { answers: { overall: 2 } });
    await ok('surveys:leave', { passphrase: PASSPHRASE });
    const linked = raw()
      .prepare('SELECT participant_id, answered_on FROM survey_responses WHERE participant_id = ?')
      .all(who);
    expect(linked).toEqual([{ participant_id: who, answered_on: today }]);

    const other = await exitedParticipant('JCP-S6');
    const before = count('survey_responses');
    await ok('surveys:startLocked', { participantId: other, surveyId: 'exit', anonymous: true });
    expect(await ok<SurveyModeView>('surveys:submit', { answers: { better: '  ' } })).toMatchObject(
      {
        finished: true,
      },
    );
    await ok('surveys:leave', { passphrase: PASSPHRASE });
    expect(count('survey_responses')).toBe(before);
    // Offered either way, so not offered again.
    expect(
      (await ok<SurveyToOffer[]>('surveys:toOffer', {})).map((o) => o.participantId),
    ).not.toContain(other);
  });

  it('ends with a lock (unlocking takes the same passphrase)', async () => {
    const who = await exitedParticipant('JCP-S7');
    await ok('surveys:startLocked', { participantId: who, surveyId: 'exit', anonymous: true });
    await backend.session.lock('inactivity');
    await backend.session.unlock(PASSPHRASE);
    expect((await ok<SessionStatus>('session:status', {})).surveyMode).toBe(false);
    await ok('caseload:list', {});
  });
});

describe('paper forms and results', () => {
  it.each([
    ['an unknown question', paper({ colour: 5 }), 'answers.colour'],
    ['a score on a yes-no question', paper({ listened: 3 }), 'answers.listened'],
    ['words on a satisfaction question', paper({ overall: 'very' }), 'answers.overall'],
    ['a score out of range', paper({ overall: 6 }), 'answers.overall'],
    ['no answers', paper({ better: '' }), 'answers'],
    ['a future date', paper({ overall: 3 }, { answeredOn: addDays(today, 1) }), 'answeredOn'],
    ['a survey the profile lacks', paper({ overall: 3 }, { surveyId: 'weekly' }), 'surveyId'],
    [
      'a participant who does not exist',
      paper({ overall: 3 }, { participantId: crypto.randomUUID() }),
      undefined,
    ],
  ])('refuses %s and stores nothing', async (_what, input, field) => {
    const before = count('survey_responses');
    const result = await call('surveys:recordPaper', input);
    expect(result).toMatchObject({ ok: false });
    if (field) expect(result).toMatchObject({ error: { code: 'invalid-input', field } });
    expect(count('survey_responses')).toBe(before);
  });

  it('suppresses results below ten answers and publishes them from ten', async () => {
    await sql`DELETE FROM survey_responses`.execute(backend.session.require().opened.db);
    const scores = [5, 5, 4, 4, 4, 3, 2, 1, 5];
    for (const s of scores) await ok('surveys:recordPaper', paper({ overall: s, listened: 'yes' }));
    const small = await ok<SurveyResultsView>('surveys:results', { from: month, to: month });
    const exit = small.surveys.find((s) => s.surveyId === 'exit')!;
    expect(exit).toMatchObject({ respondents: null, suppressed: true });
    expect(exit.questions.every((q) => q.suppressed && q.answered === null)).toBe(true);
    expect(small.trend.months.at(-1)).toMatchObject({ month, suppressed: true, answered: null });

    await ok('surveys:recordPaper', paper({ overall: 4 }));
    const ten = await ok<SurveyResultsView>('surveys:results', { from: month, to: month });
    const published = ten.surveys.find((s) => s.surveyId === 'exit')!;
    expect(published.respondents).toBe(10);
    const overall = published.questions.find((q) => q.id === 'overall')!;
    expect(overall.counts).toEqual([
      { option: '5', count: 3 },
      { option: '4', count: 4 },
      { option: '3', count: 1 },
      { option: '2', count: 1 },
      { option: '1', count: 1 },
    ]);
    expect(overall.satisfiedPercent).toBe(70);
    // 9 answered "listened": below ten, so that question alone stays hidden.
    expect(published.questions.find((q) => q.id === 'listened')).toMatchObject({
      suppressed: true,
    });
    expect(ten.trend.months.at(-1)).toMatchObject({ answered: 10, satisfiedPercent: 70 });
  });

  it('refuses a bad period', async () => {
    expect(await call('surveys:results', { from: '2026-13', to: '2026-12' })).toMatchObject({
      ok: false,
      error: { field: 'from' },
    });
    expect(await call('surveys:results', { from: '2026-12', to: '2026-01' })).toMatchObject({
      ok: false,
      error: { field: 'from' },
    });
  });
});
