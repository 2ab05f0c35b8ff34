/** The one retention rule: month ends, 29 February, the default and a provider's own period. */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RETENTION,
  isPastRetention,
  retentionEndsOn,
  retentionOf,
} from '../../src-shared/domain/charter/retention';
import { charterProfileSchema } from '../../src-shared/domain/charter/profile';
import { shippedProfiles } from '../../src-shared/domain/charter/shipped-profiles';

const six = DEFAULT_RETENTION;

describe('when retention ends', () => {
  it('is the same day six years after exit by default', () => {
    expect(six.yearsAfterExit).toBe(6);
    expect(retentionEndsOn('2020-03-15', six)).toBe('2026-03-15');
    expect(retentionEndsOn('2020-12-31', six)).toBe('2026-12-31');
  });

  it('ends on 28 February for an exit on 29 February (no such day six years on)', () => {
    expect(retentionEndsOn('2024-02-29', six)).toBe('2030-02-28');
    // Eight years on is a leap year again: 29 February exists.
    expect(retentionEndsOn('2024-02-29', { ...six, yearsAfterExit: 8 })).toBe('2032-02-29');
  });

  it('is past only from the day after it ends', () => {
    expect(isPastRetention('2020-06-30', six, '2026-06-30')).toBe(false);
    expect(isPastRetention('2020-06-30', six, '2026-07-01')).toBe(true);
    expect(isPastRetention(null, six, '2099-01-01')).toBe(false);
  });

  it('refuses a date that is not real', () => {
    expect(() => retentionEndsOn('2023-02-29', six)).toThrow(/real date/);
  });
});

describe('the period on a profile', () => {
  it('is set on every shipped profile with its source', () => {
    for (const p of shippedProfiles().values()) {
      expect(retentionOf(p).yearsAfterExit).toBe(6);
      expect(retentionOf(p).source).toMatch(/Limitation Act 1980/);
    }
  });

  it('is the provider’s to change, and falls back to the default where a copy has none', () => {
    const base = shippedProfiles().get('work-programme')!;
    const own = charterProfileSchema.parse({
      ...base,
      retention: { yearsAfterExit: 7, source: 'Contract schedule 4: end of contract plus 7 years' },
    });
    expect(retentionEndsOn('2021-01-31', retentionOf(own))).toBe('2028-01-31');
    const { retention: _r, ...without } = base;
    expect(retentionOf(charterProfileSchema.parse(without))).toEqual(DEFAULT_RETENTION);
  });

  it('refuses a period that is not a whole number of years from 1', () => {
    const base = shippedProfiles().get('work-programme')!;
    for (const yearsAfterExit of [0, 2.5, -1])
      expect(
        charterProfileSchema.safeParse({ ...base, retention: { yearsAfterExit, source: 'x' } })
          .success,
      ).toBe(false);
  });
});
