import { describe, expect, it } from 'vitest';
import {
  formatNiNumber,
  niNumberProblem,
  normaliseNiNumber,
} from '../../../src-shared/domain/identity/ni-number';
import { ageOn, isCivilDate, londonDate } from '../../../src-shared/domain/identity/civil-date';

describe('National Insurance numbers', () => {
  it('accepts allocated numbers in any spacing and case', () => {
    for (const ok of ['AB123456C', 'ab 12 34 56 c', ' JT 00 00 01 D ', 'ZY999999A'])
      expect(niNumberProblem(ok), ok).toBeNull();
    expect(normaliseNiNumber('ab 12 34 56 c')).toBe('AB123456C');
    expect(formatNiNumber('AB123456C')).toBe('AB 12 34 56 C');
  });

  it('refuses each forbidden prefix letter and unallocated prefix', () => {
    for (const first of 'DFIQUV')
      expect(niNumberProblem(`${first}A123456A`)).toMatch(`cannot start with ${first}`);
    for (const second of 'DFIOQUV')
      expect(niNumberProblem(`A${second}123456A`)).toMatch(`cannot be ${second}`);
    for (const p of ['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ'])
      expect(niNumberProblem(`${p}123456A`)).toMatch('not an allocated');
  });

  it('refuses wrong shapes and suffixes', () => {
    for (const bad of ['AB12345C', 'AB1234567C', 'AB123456E', 'A1123456C', '', 'AB123456'])
      expect(niNumberProblem(bad), bad).toMatch('right format');
  });
});

describe('civil dates', () => {
  it('knows real dates, including leap days', () => {
    expect(isCivilDate('2028-02-29')).toBe(true);
    expect(isCivilDate('2027-02-29')).toBe(false);
    expect(isCivilDate('2026-04-31')).toBe(false);
    expect(isCivilDate('2026-4-01')).toBe(false);
  });

  it("takes today's date in London, not UTC, across the clock change", () => {
    expect(londonDate(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01'); // BST
    expect(londonDate(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31'); // GMT
  });

  it('counts age in whole years, birthday on the day', () => {
    expect(ageOn('2000-02-29', '2025-02-28')).toBe(24);
    expect(ageOn('2000-02-29', '2025-03-01')).toBe(25);
    expect(ageOn('1990-11-23', '2026-11-23')).toBe(36);
  });
});
