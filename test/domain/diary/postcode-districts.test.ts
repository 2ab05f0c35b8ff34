import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  distanceKm,
  locatePostcode,
  outwardCode,
  parseDistrictCentroids,
} from '../../../src-shared/domain/diary';

const csv = readFileSync(
  resolve(import.meta.dirname, '../../../resources/postcodes/postcode-districts.csv'),
  'utf8',
);
const table = parseDistrictCentroids(csv);

describe('postcode district centroids', () => {
  it('reads every district in the shipped file, with its SOURCE beside it', () => {
    expect(table.size).toBe(2944);
    expect(
      readFileSync(resolve(import.meta.dirname, '../../../resources/postcodes/SOURCE.md'), 'utf8'),
    ).toContain('Contains OS data © Crown copyright');
  });

  it('takes the outward code of a full postcode however it is typed', () => {
    expect(outwardCode('SW1A 1AA')).toBe('SW1A');
    expect(outwardCode('b11aa')).toBe('B1');
    expect(outwardCode(' cf10  1ep ')).toBe('CF10');
    expect(outwardCode('BT1 5GS')).toBe('BT1');
    expect(outwardCode('LS1')).toBe('LS1');
    expect(outwardCode('not a postcode')).toBeNull();
    expect(outwardCode('')).toBeNull();
  });

  it('places known city centres and leaves the Crown Dependencies unplaced', () => {
    const b1 = locatePostcode(table, 'B1 1AA')!;
    const bt1 = locatePostcode(table, 'BT1 1AA')!;
    expect(b1.latitude).toBeCloseTo(52.47987, 4);
    // Birmingham to Belfast is roughly 340 km as the crow flies.
    expect(distanceKm(b1, bt1)).toBeGreaterThan(320);
    expect(distanceKm(b1, bt1)).toBeLessThan(360);
    expect(distanceKm(b1, b1)).toBe(0);
    expect(locatePostcode(table, 'JE2 3AB')).toBeNull();
    expect(locatePostcode(table, 'EC1 1AA')).toBeNull(); // EC1 exists only as EC1A, EC1M …
  });

  it('refuses a malformed file rather than leaving a district out', () => {
    expect(() => parseDistrictCentroids('postcode,lat,lon\n')).toThrow(/does not start/);
    expect(() => parseDistrictCentroids('district,latitude,longitude\nLS1,abc,-1.5\n')).toThrow(
      /line 2/,
    );
    expect(
      () => parseDistrictCentroids('district,latitude,longitude\nLS1,53.8,-1.55\n').size,
    ).not.toThrow();
  });
});
