import { describe, expect, it } from 'vitest';
import { onTimePercent } from '../../src-shared/domain/report/on-time-percent';

describe('on-time percentage', () => {
  it('is null when nothing has been decided (only pending)', () => {
    expect(onTimePercent(0, 0, 0)).toBeNull();
  });

  it("gives the format's own example, 31 met of 38 decided, as 81.6", () => {
    expect(onTimePercent(31, 5, 2)).toBe(81.6);
  });

  it.each([
    // [met, metLate, missed, expected]: exact .x5 values go up, never down
    [13, 3, 0, 81.3], // 81.25
    [1, 15, 0, 6.3], // 6.25
    [1, 0, 79, 1.3], // 1.25
    [3, 77, 0, 3.8], // 3.75
    [23, 1977, 0, 1.2], // 1.15: 100 x 23 / 2000 in binary floating point is 1.1499999…
    [29, 0, 1971, 1.5], // 1.45
    [1, 1999, 0, 0.1], // 0.05
    [1, 0, 2000, 0], // 0.04975 rounds down
    [2, 1, 0, 66.7],
    [1, 2, 0, 33.3],
    [1, 0, 0, 100],
    [0, 1, 1, 0],
  ])('met %i, late %i, missed %i gives %d', (met, late, missed, expected) => {
    expect(onTimePercent(met, late, missed)).toBe(expected);
  });

  it('agrees with exact rational rounding for every split of up to 200 decided', () => {
    const wrong: string[] = [];
    for (let decided = 1; decided <= 200; decided++)
      for (let met = 0; met <= decided; met++) {
        // Exact: 1000·met/decided must lie in [tenths - ½, tenths + ½), compared in integers.
        const tenths = Math.round(onTimePercent(met, decided - met, 0)! * 10);
        const twice = 2 * 1000 * met;
        if (twice < (2 * tenths - 1) * decided || twice >= (2 * tenths + 1) * decided)
          wrong.push(`${met}/${decided}`);
      }
    expect(wrong).toEqual([]);
  });
});
