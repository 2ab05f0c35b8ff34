import { describe, expect, it } from 'vitest';
import { calendarsFrom } from '../../src-shared/domain/calendar/shipped-calendars';
import { shippedProfile } from '../../src-shared/domain/charter/shipped-profiles';
import {
  complaintRoute,
  complaintState,
  responseDue,
} from '../../src-shared/domain/complaints/complaint';

const calendars = calendarsFrom();

describe('complaint route and clock', () => {
  it('follows each profile’s route: Work Programme to the ICE, No One Left Behind to the SPSO', () => {
    expect(complaintRoute(shippedProfile('work-programme')!).map((s) => s.level)).toEqual([
      'provider',
      'contractor',
      'funder',
      'ombudsman',
    ]);
    const nolb = complaintRoute(shippedProfile('no-one-left-behind')!);
    expect(nolb.map((s) => s.level)).toEqual(['provider', 'funder', 'ombudsman']);
    expect(nolb.at(-1)!.name).toContain('SPSO');
  });

  it('counts the provider’s 10 working days over Christmas with each nation’s bank holidays', () => {
    const first = complaintRoute(shippedProfile('work-programme')!)[0]!;
    expect(first.responseTargetWorkingDays).toBe(10);
    // Received Wednesday 23 December 2026: 25 and 28 December (Boxing Day's substitute) and
    // 1 January are holidays everywhere; Scotland also has 4 January (2 January's substitute).
    expect(responseDue('2026-12-23', first, calendars['england-and-wales'])).toBe('2027-01-11');
    expect(responseDue('2026-12-23', first, calendars.scotland)).toBe('2027-01-12');
    // Received on a Saturday: the count starts on Monday.
    expect(responseDue('2026-11-07', first, calendars['england-and-wales'])).toBe('2026-11-20');
  });

  it('sets no due date where the profile sets no target', () => {
    const funder = complaintRoute(shippedProfile('no-one-left-behind')!)[1]!;
    expect(responseDue('2026-11-02', funder, calendars.scotland)).toBeNull();
    expect(
      complaintState({ responseDue: null, respondedOn: null, closedOn: null }, '2030-01-01'),
    ).toBe('awaiting-response');
  });

  it('is overdue only after the due day has passed without a response', () => {
    const c = { responseDue: '2026-11-20', respondedOn: null, closedOn: null };
    expect(complaintState(c, '2026-11-20')).toBe('awaiting-response');
    expect(complaintState(c, '2026-11-21')).toBe('overdue');
    expect(complaintState({ ...c, respondedOn: '2026-11-25' }, '2026-11-30')).toBe('responded');
    expect(complaintState({ ...c, closedOn: '2026-11-30' }, '2026-12-30')).toBe('closed');
  });
});
