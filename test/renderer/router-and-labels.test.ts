import { describe, expect, it } from 'vitest';
import { hrefFor, parseRoute, type Route } from '../../src-renderer/app/router';
import { formatDate, formatInstant, formatShortDate } from '../../src-renderer/labels';
import { waitMessage } from '../../src-renderer/features/session/unlock-page';
import { countMessage } from '../../src-renderer/features/caseload/caseload-page';

describe('routes', () => {
  it('round-trips every route through its href', () => {
    const id = '0190a000-0000-7000-8000-000000000001';
    // One of every kind: a new kind of route fails to compile here until it is listed.
    const every: { [K in Route['name']]: Extract<Route, { name: K }> } = {
      caseload: { name: 'caseload' },
      participant: { name: 'participant', id },
      'edit-participant': { name: 'edit-participant', id },
      'better-off': { name: 'better-off', id },
      plan: { name: 'plan', id },
      meetings: { name: 'meetings', id },
      'participant-timeline': { name: 'participant-timeline', id },
      'status-work': { name: 'status-work', id },
      'adviser-leave': { name: 'adviser-leave' },
      'add-referral': { name: 'add-referral' },
      import: { name: 'import' },
      agenda: { name: 'agenda' },
      profiles: { name: 'profiles' },
      // An id that needs encoding comes back whole.
      profile: { name: 'profile', id: 'acme/north & west' },
      'book-appointment': { name: 'book-appointment', id },
      'diary-settings': { name: 'diary-settings' },
      week: { name: 'week' },
      places: { name: 'places' },
      'add-place': { name: 'add-place' },
      'edit-place': { name: 'edit-place', id },
      'get-started': { name: 'get-started' },
      letters: { name: 'letters' },
      'letter-templates': { name: 'letter-templates' },
      'participant-letters': { name: 'participant-letters', id },
      security: { name: 'security' },
      performance: { name: 'performance' },
      sync: { name: 'sync' },
      'sync-conflicts': { name: 'sync-conflicts' },
      audit: { name: 'audit' },
      retention: { name: 'retention' },
      complaints: { name: 'complaints' },
      'record-complaint': { name: 'record-complaint' },
      complaint: { name: 'complaint', id },
      'you-told-us': { name: 'you-told-us' },
      'you-told-us-new': { name: 'you-told-us-new' },
      'you-told-us-edit': { name: 'you-told-us-edit', id },
      surveys: { name: 'surveys' },
      'organisation-performance': { name: 'organisation-performance' },
      backup: { name: 'backup' },
      'not-found': { name: 'not-found' },
    };
    for (const route of Object.values(every)) expect(parseRoute(hrefFor(route))).toEqual(route);
    // Every kind has its own href.
    const hrefs = Object.values(every).map((r) => hrefFor(r));
    expect(new Set(hrefs).size).toBe(hrefs.length);
  });

  it('treats an empty hash as the caseload and in-page anchors as no route change', () => {
    expect(parseRoute('')).toEqual({ name: 'caseload' });
    expect(parseRoute('#main-content')).toEqual({ name: 'caseload' });
    expect(parseRoute('#/participants/x/delete')).toEqual({ name: 'not-found' });
  });
});

describe('words and dates', () => {
  it('formats civil dates the GOV.UK way', () => {
    expect(formatDate('2026-03-07')).toBe('7 March 2026');
    expect(formatShortDate('2026-11-23')).toBe('23 Nov 2026');
    // Instants read in Europe/London whatever the computer's time zone (BST, then GMT).
    expect(formatInstant('2026-06-30T23:30:00Z')).toBe('1 July 2026 at 00:30');
    expect(formatInstant('2026-12-31T23:30:00Z')).toBe('31 December 2026 at 23:30');
  });

  it('says how long to wait after too many attempts', () => {
    expect(waitMessage(1)).toBe('Too many attempts. You can try again in 1 second.');
    expect(waitMessage(75)).toBe('Too many attempts. You can try again in 1 minute 15 seconds.');
    expect(waitMessage(120)).toBe('Too many attempts. You can try again in 2 minutes.');
  });

  it('announces the count with or without a search', () => {
    expect(countMessage(10_000, '')).toBe('10,000 participants on your caseload');
    expect(countMessage(1, ' patel ')).toBe('1 participant found for “patel”');
  });
});
