/**
 * The facts an adviser records for R6 and R13, at their edges: an in-person exemption counts
 * phone, video and email meetings only on the days it covers (both ends inclusive, starting or
 * ending mid-month), and a recorded exit review meets R13, even though recording it exits the
 * participant before the programme's end. Also: the rows the device stores map to those facts.
 */
import { describe, expect, it } from 'vitest';
import { calendarsFrom } from '../../../src-shared/domain/calendar/shipped-calendars';
import { computeObligations } from '../../../src-shared/domain/charter/compute-obligations';
import { parseObligationsInput } from '../../../src-shared/domain/charter/obligations-input';
import { factsFromRows } from '../../../src-shared/domain/charter/facts-from-rows';

const calendars = calendarsFrom();
const run = (participants: unknown[], today = '2027-04-20') =>
  computeObligations(
    parseObligationsInput({
      today,
      profile: 'work-programme',
      nation: 'england-and-wales',
      participants,
    }),
    calendars,
  ).obligations;

// Started Monday 4 January 2027; March 2027 is a whole month attached, so R6 needs 2 meetings.
const meeting = (id: string, day: string, channel: string) => ({
  id,
  start: `${day}T10:00`,
  kind: 'regular',
  channel,
  outcome: 'attended',
});
const march = [
  meeting('A1', '2027-03-03', 'phone'),
  meeting('A2', '2027-03-10', 'video'),
  meeting('A3', '2027-03-24', 'in-person'),
];
const marchR6 = (extra: Record<string, unknown>, appointments: unknown[] = march) => {
  const found = run([{ id: 'P1', startDate: '2027-01-04', appointments, ...extra }]).find(
    (o) => o.rule === 'R6' && o.period === '2027-03',
  );
  if (!found) throw new Error('no R6 obligation for March');
  return found;
};

describe('R6: other channels count only inside a recorded in-person exemption', () => {
  it('counts only the in-person meeting when nothing is recorded', () => {
    expect(marchR6({})).toMatchObject({ required: 2, held: 1, status: 'missed' });
  });

  it('counts a video meeting inside an exemption that starts and ends mid-month, not a phone one before it', () => {
    const o = marchR6({ inPersonExemptions: [{ from: '2027-03-08', to: '2027-03-20' }] });
    expect(o).toMatchObject({ required: 2, held: 2, status: 'met', metOn: '2027-03-24' });
  });

  it('includes both end days', () => {
    expect(marchR6({ inPersonExemptions: [{ from: '2027-03-10', to: '2027-03-10' }] }).held).toBe(
      2,
    );
    expect(marchR6({ inPersonExemptions: [{ from: '2027-03-03', to: '2027-03-03' }] }).held).toBe(
      2,
    );
    expect(marchR6({ inPersonExemptions: [{ from: '2027-03-04', to: '2027-03-09' }] }).held).toBe(
      1,
    );
    expect(marchR6({ inPersonExemptions: [{ from: '2027-03-11', to: '2027-03-23' }] }).held).toBe(
      1,
    );
  });

  it('counts an exemption that began last month and ended on the 5th for the 3rd only', () => {
    const o = marchR6({ inPersonExemptions: [{ from: '2027-02-15', to: '2027-03-05' }] });
    expect(o).toMatchObject({ held: 2, metOn: '2027-03-24' });
  });

  it('keeps an open exemption going, and the first of two meetings reaching the count is metOn', () => {
    const o = marchR6({ inPersonExemptions: [{ from: '2027-03-01', to: null }] });
    expect(o).toMatchObject({ held: 3, status: 'met', metOn: '2027-03-10' });
  });

  it('still accepts the format’s cannotAttendInPerson for all time', () => {
    expect(marchR6({ cannotAttendInPerson: true }).held).toBe(3);
  });

  it('refuses an exemption that ends before it starts, naming the field', () => {
    expect(() =>
      marchR6({ inPersonExemptions: [{ from: '2027-03-10', to: '2027-03-09' }] }),
    ).toThrow(/participants\[0\]\.inPersonExemptions\[0\]\.to/);
  });
});

describe('R13: a recorded exit review meets the end-of-programme review', () => {
  // 104 weeks from Monday 6 January 2025 ends Monday 4 January 2027; prompted from 7 December 2026.
  const base = { id: 'P1', startDate: '2025-01-06' };
  const r13 = (extra: Record<string, unknown>, today = '2027-01-20') =>
    run([{ ...base, ...extra }], today).filter((o) => o.rule === 'R13');

  it('is missed after the end when no review is recorded', () => {
    expect(r13({})).toEqual([expect.objectContaining({ due: '2027-01-04', status: 'missed' })]);
  });

  it('is met by a recorded review, with or without the exit it brings', () => {
    expect(r13({ exitReviews: ['2026-12-15'] })).toEqual([
      expect.objectContaining({ status: 'met', metOn: '2026-12-15' }),
    ]);
    expect(r13({ exitReviews: ['2026-12-15'], exitDate: '2026-12-15' })).toEqual([
      expect.objectContaining({ status: 'met', metOn: '2026-12-15' }),
    ]);
  });

  it('is met on the earlier of a recorded review and an attended exit-review meeting', () => {
    const appointments = [
      {
        id: 'X',
        start: '2026-12-10T11:00',
        kind: 'exit-review',
        channel: 'in-person',
        outcome: 'attended',
      },
    ];
    expect(r13({ appointments, exitReviews: ['2026-12-15'] })[0]).toMatchObject({
      metOn: '2026-12-10',
    });
  });

  it('is not owed by someone who left before the prompt, review or not, nor on the day before it', () => {
    expect(r13({ exitDate: '2026-11-02', exitReviews: ['2026-11-02'] })).toEqual([]);
    expect(r13({ exitDate: '2026-12-06', exitReviews: ['2026-12-06'] })).toEqual([]);
    expect(r13({ exitDate: '2026-12-07', exitReviews: ['2026-12-07'] })).toHaveLength(1);
  });

  it('is not owed by someone who left before the end without a review (the format’s rule)', () => {
    expect(r13({ exitDate: '2026-12-15' })).toEqual([]);
  });
});

describe('the device’s rows as facts', () => {
  const p = { id: 'P1', nation: 'england-and-wales', referral_date: '2026-01-05' };
  const row = (
    kind: string,
    date: string,
    data: Record<string, unknown>,
    at = `${date}T09:00`,
  ) => ({
    participant_id: 'P1',
    kind,
    date,
    data: JSON.stringify(data),
    recorded_at: at,
  });

  it('reads the exemption, the exit review and the induction time offered', () => {
    const facts = factsFromRows(
      p,
      [
        row('contact', '2026-01-08', {
          contactKind: 'initial',
          channel: 'phone',
          inductionOffered: '2026-01-15T10:30',
        }),
        row('in-person-exemption', '2026-03-02', {
          from: '2026-03-02',
          to: '2026-04-30',
          reason: 'x',
          healthRelated: false,
        }),
        row('exit-review', '2027-12-01', {
          outcome: 'handed-back',
          destination: 'd',
          summary: 's',
        }),
      ],
      [],
    );
    expect(facts.initialContact).toEqual({
      date: '2026-01-08',
      channel: 'phone',
      inductionOffered: '2026-01-15T10:30',
    });
    expect(facts.inPersonExemptions).toEqual([{ from: '2026-03-02', to: '2026-04-30' }]);
    expect(facts.exitReviews).toEqual(['2027-12-01']);
  });

  it('forgets an exit that a correction took back, and keeps a later one', () => {
    const exit = row('status', '2026-06-01', { from: 'started', to: 'exited' });
    const undo = row('status', '2026-06-02', { from: 'exited', to: 'started', corrected: true });
    expect(factsFromRows(p, [exit, undo], []).exitDate).toBeNull();
    const again = row('status', '2026-07-01', { from: 'started', to: 'exited' });
    expect(factsFromRows(p, [again, undo, exit], []).exitDate).toBe('2026-07-01');
  });
});
