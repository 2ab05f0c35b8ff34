import { describe, expect, it } from 'vitest';
import {
  governingProfile,
  type ProfileCopyVersion,
} from '../../../src-shared/domain/charter/governing-profile';
import { defaultProfileId } from '../../../src-shared/domain/charter/programme-profiles';
import { shippedProfile } from '../../../src-shared/domain/charter/shipped-profiles';

function version(id: string, n: number, savedAt: string, basedOn: string): ProfileCopyVersion {
  const profile = structuredClone(shippedProfile('no-one-left-behind')!);
  profile.id = id;
  profile.rules.R3.days = 10 + n;
  return { id, version: n, basedOn, savedAt, savedBy: 'Mo Manager', profile };
}

// Version 2 saved at 23:30 UTC on 31 March 2027 is 00:30 on 1 April in London (BST).
const copies = new Map([
  [
    'acme',
    [
      version('acme', 1, '2027-01-10T09:00:00Z', 'no-one-left-behind'),
      version('acme', 2, '2027-03-31T23:30:00Z', 'no-one-left-behind'),
    ],
  ],
  ['acme-north', [version('acme-north', 1, '2027-02-01T09:00:00Z', 'acme')]],
]);

describe('which profile governs a participant', () => {
  it('a shipped profile is version 0, whatever copies exist', () => {
    const r = governingProfile(
      { charterProfile: 'work-programme', programme: 'no-one-left-behind' },
      '2027-06-01',
      copies,
    );
    expect([r.profile.id, r.version, r.shippedBase]).toEqual([
      'work-programme',
      0,
      'work-programme',
    ]);
  });

  it('a copy is the version saved by the end of that day in London', () => {
    const on = (asOf: string) =>
      governingProfile({ charterProfile: 'acme', programme: 'restart' }, asOf, copies);
    expect(on('2027-03-31').version).toBe(1);
    expect(on('2027-04-01').version).toBe(2);
    expect(on('2027-04-01').profile.rules.R3.days).toBe(12);
    // Before the first save there is no earlier version to take: version 1.
    expect(on('2026-12-01').version).toBe(1);
  });

  it('names the shipped profile a copy of a copy descends from', () => {
    const r = governingProfile(
      { charterProfile: 'acme-north', programme: 'restart' },
      '2027-06-01',
      copies,
    );
    expect(r.shippedBase).toBe('no-one-left-behind');
  });

  it('falls back to the programme’s profile for a name that is neither shipped nor a copy', () => {
    const r = (programme: string) =>
      governingProfile({ charterProfile: 'gone', programme }, '2027-06-01', copies).profile.id;
    expect(r('no-one-left-behind')).toBe('no-one-left-behind');
    expect(r('restart')).toBe('work-programme');
    expect(r('something-else')).toBe(defaultProfileId('something-else'));
    expect(defaultProfileId('something-else')).toBe('work-programme');
  });
});
