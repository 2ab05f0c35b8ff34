/**
 * The edges of obligations-format.md that the fixtures only touch once: absent fields, and the
 * R14 chain stopping at the end of its in-work period.
 */
import { describe, expect, it } from 'vitest';
import { calendarsFrom } from '../../../src-shared/domain/calendar/shipped-calendars';
import { computeObligations } from '../../../src-shared/domain/charter/compute-obligations';
import { parseObligationsInput } from '../../../src-shared/domain/charter/obligations-input';

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

describe('every participant field but id may be absent', () => {
  it('accepts a participant with only an id and gives it no obligations', () => {
    expect(run([{ id: 'P1' }])).toEqual([]);
  });

  it('gives R1 only when a referral date is known', () => {
    expect(run([{ id: 'P1', referralDate: '2027-01-04' }]).map((o) => o.rule)).toEqual(['R1']);
    expect(run([{ id: 'P1', referralDate: null }])).toEqual([]);
  });

  it('starts no R9 clock for a health need with no recorded date, and no R3 for a contact with no date', () => {
    expect(
      run([{ id: 'P1', healthNeed: { ohReferral: null }, initialContact: { channel: 'phone' } }]),
    ).toEqual([]);
    expect(run([{ id: 'P1', healthNeed: { recorded: '2027-04-01' } }]).map((o) => o.rule)).toEqual([
      'R9',
    ]);
  });

  it('still refuses a participant with no id, and a present date that is not a real date', () => {
    expect(() => run([{ referralDate: '2027-01-04' }])).toThrow(/participants\[0\]\.id/);
    expect(() => run([{ id: 'P1', referralDate: '2027-02-29' }])).toThrow(
      /participants\[0\]\.referralDate/,
    );
  });
});

describe('R14 stops at the end of its in-work period', () => {
  // Job from Monday 4 January to Monday 15 February 2027 (in work up to 14 February).
  const job = [
    { date: '2027-01-04', kind: 'job-start' },
    { date: '2027-02-15', kind: 'job-end' },
  ];
  const r14 = (contactDate: string, extraEvents: unknown[] = []) =>
    run([
      {
        id: 'P1',
        events: [...job, ...extraEvents],
        contacts: [{ date: contactDate, kind: 'in-work' }],
      },
    ]).filter((o) => o.rule === 'R14');

  it('counts a contact on the last day in work', () => {
    expect(r14('2027-02-14')[0]).toMatchObject({ due: '2027-02-01', status: 'met-late' });
  });

  it('does not count a contact on the day the job ended', () => {
    expect(r14('2027-02-15')).toEqual([
      { participantId: 'P1', rule: 'R14', due: '2027-02-01', status: 'missed' },
    ]);
  });

  it('never lets a contact in a later job meet the ended job’s obligation', () => {
    const out = r14('2027-03-10', [{ date: '2027-03-01', kind: 'job-start' }]);
    expect(out[0]).toEqual({
      participantId: 'P1',
      rule: 'R14',
      due: '2027-02-01',
      status: 'missed',
    });
    // The later job's own first obligation is met by it (29 March is Easter Monday).
    expect(out[1]).toMatchObject({ due: '2027-03-25', status: 'met', metOn: '2027-03-10' });
  });

  it('drops the chain’s next link when it would fall due after the job ended', () => {
    // Met on 20 January; the next would be due 17 February, after the job ended on the 15th.
    expect(r14('2027-01-20').map((o) => [o.due, o.status])).toEqual([['2027-02-01', 'met']]);
  });
});
