/** The letter checks at their edges: noon, the venue's facts, the notice days. */
import { describe, expect, it } from 'vitest';
import {
  checkAdjustments,
  checkNotice,
  DEFAULT_NOTICE_DAYS,
  noticeDaysOf,
} from '../../src-main/services/documents/letter-checks';

const venue = { stepFree: true, hearingLoop: false };
const at = (start: string, end: string, v = venue) => ({
  start: `2026-12-01T${start}`,
  end: `2026-12-01T${end}`,
  venue: v,
});

describe('checkAdjustments', () => {
  it('meets "afternoons" from noon exactly, not a minute before', () => {
    expect(checkAdjustments('Afternoons only', at('12:00', '13:00')).met).toEqual([
      'Afternoons only',
    ]);
    const early = checkAdjustments('Afternoons only', at('11:59', '12:59'));
    expect(early.met).toEqual([]);
    expect(early.other).toEqual(['Afternoons only']);
    expect(early.warnings).toHaveLength(1);
  });

  it('meets "mornings" only when the meeting ends by noon', () => {
    expect(checkAdjustments('Mornings please', at('11:00', '12:00')).met).toHaveLength(1);
    expect(checkAdjustments('Mornings please', at('11:30', '12:30')).warnings).toEqual([
      {
        kind: 'adjustment-not-met',
        message: expect.stringContaining('runs into the afternoon'),
      },
    ]);
  });

  it('reads step-free and hearing-loop needs against the venue', () => {
    const r = checkAdjustments(
      'Uses a wheelchair\nNeeds a hearing loop\nAn interpreter (Polish)',
      at('10:00', '11:00'),
    );
    expect(r.met).toEqual(['Uses a wheelchair']);
    expect(r.other).toEqual(['Needs a hearing loop', 'An interpreter (Polish)']);
    // Only the need the venue is seen not to meet warns; the interpreter cannot be checked.
    expect(r.warnings.map((w) => w.message)).toEqual([
      expect.stringContaining('not recorded as having a hearing loop'),
    ]);
    const stairs = checkAdjustments(
      'Step-free access',
      at('10:00', '11:00', { stepFree: false, hearingLoop: true }),
    );
    expect(stairs.met).toEqual([]);
    expect(stairs.warnings).toHaveLength(1);
  });

  it('ignores blank lines and says nothing when there are no needs', () => {
    expect(checkAdjustments('\n  \n', at('10:00', '11:00'))).toEqual({
      met: [],
      other: [],
      warnings: [],
    });
  });
});

describe('checkNotice', () => {
  it('warns for today, tomorrow and under the notice days; not from the notice days on', () => {
    expect(checkNotice('2026-11-23', '2026-11-23', 3)?.message).toMatch(/is today/);
    expect(checkNotice('2026-11-23', '2026-11-24', 3)?.message).toMatch(/is tomorrow/);
    expect(checkNotice('2026-11-23', '2026-11-25', 3)?.message).toMatch(
      /Wednesday 25 November 2026, 2 days from now/,
    );
    expect(checkNotice('2026-11-23', '2026-11-26', 3)).toBeNull();
    // Tomorrow always warns, even where a profile asks for one day's notice.
    expect(checkNotice('2026-11-23', '2026-11-24', 1)?.kind).toBe('short-notice');
    expect(checkNotice('2026-11-23', '2026-11-25', 1)).toBeNull();
    expect(checkNotice('2026-11-23', '2026-11-20', 3)?.message).toMatch(/before this letter/);
  });

  it('takes a profile’s own notice days only when they are a sensible whole number', () => {
    expect(noticeDaysOf(undefined)).toBe(DEFAULT_NOTICE_DAYS);
    expect(noticeDaysOf({ noticeDays: '5' })).toBe(5);
    for (const bad of ['0', '-2', 'five', '2.5', '100', ''])
      expect(noticeDaysOf({ noticeDays: bad })).toBe(DEFAULT_NOTICE_DAYS);
  });
});
