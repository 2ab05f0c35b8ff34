import { describe, expect, it } from 'vitest';
import type { ParticipantSyncView, SyncStatusView } from '../../src-shared/ipc/channels/sync';
import { REFUSAL_WORDS } from '../../src-shared/wording/sync-refusals';
import {
  changeByInWords,
  changesInWords,
  headerState,
  participantSyncWords,
  lastSyncedInWords,
  whenInWords,
} from '../../src-renderer/features/sync/sync-words';
import { enrolProblemField } from '../../src-renderer/features/sync/enrol-form';
import { hrefFor, parseRoute } from '../../src-renderer/app/router';

const at = (y: number, mo: number, d: number, h: number, mi: number) =>
  new Date(y, mo - 1, d, h, mi);
const NOW = at(2026, 12, 1, 10, 42);

const synced: SyncStatusView = {
  enrolled: true,
  serverUrl: 'https://sync.example.org/',
  adviserName: 'Ada Adviser',
  organisationName: 'Northern Employment Partnership',
  pending: 0,
  pendingSince: null,
  waiting: [],
  conflicts: 0,
  quarantined: 0,
  lastSyncedAt: at(2026, 12, 1, 9, 5).toISOString(),
  lastAttemptAt: at(2026, 12, 1, 9, 5).toISOString(),
  problem: null,
  offline: false,
  revoked: false,
  clockMessage: null,
  syncing: false,
};

describe('times in words, local time', () => {
  it('says today and yesterday at the day boundary, else the date', () => {
    expect(whenInWords(at(2026, 12, 1, 0, 0).toISOString(), NOW)).toBe('today at 00:00');
    expect(whenInWords(at(2026, 11, 30, 23, 59).toISOString(), NOW)).toBe('yesterday at 23:59');
    expect(whenInWords(at(2026, 11, 29, 23, 59).toISOString(), NOW)).toBe(
      'on 29 November 2026 at 23:59',
    );
    // Across a month and a year boundary.
    expect(whenInWords(at(2025, 12, 31, 8, 1).toISOString(), at(2026, 1, 1, 9, 0))).toBe(
      'yesterday at 08:01',
    );
    expect(whenInWords('not a time', NOW)).toBe('at an unknown time');
  });

  it('counts changes and says when it last synced', () => {
    expect(changesInWords(1)).toBe('1 change');
    expect(changesInWords(2)).toBe('2 changes');
    expect(lastSyncedInWords(synced, NOW)).toBe('Last synced today at 09:05');
    expect(lastSyncedInWords({ ...synced, lastSyncedAt: null }, NOW)).toBe('Not synced yet');
  });
});

describe('the header never says synced while anything is outstanding', () => {
  const waiting = {
    pending: 3,
    pendingSince: at(2026, 12, 1, 10, 2).toISOString(),
  };

  it('is synced only with nothing waiting, refused, in conflict or failing', () => {
    expect(headerState(synced, NOW)).toEqual({ label: 'Synced', tone: 'synced', detail: null });
    for (const s of [
      { pending: 1 },
      { conflicts: 1 },
      { quarantined: 1 },
      { revoked: true },
      { offline: true },
      { syncing: true },
      { problem: 'Your computer’s clock is 2 hours fast.' },
      { enrolled: false },
    ])
      expect(headerState({ ...synced, ...s }, NOW).label).not.toBe('Synced');
  });

  it('says how many changes wait and since when', () => {
    expect(headerState({ ...synced, ...waiting }, NOW)).toEqual({
      label: 'Waiting to sync',
      tone: 'waiting',
      detail: '3 changes waiting since today at 10:02',
    });
    expect(headerState({ ...synced, ...waiting, offline: true }, NOW)).toEqual({
      label: 'Offline',
      tone: 'offline',
      detail: '3 changes waiting since today at 10:02',
    });
  });

  it('leads with the worst true thing: removed, then conflicts, then refused changes', () => {
    const all = { ...synced, ...waiting, conflicts: 2, quarantined: 1, offline: true };
    expect(headerState({ ...all, revoked: true }, NOW)).toEqual({
      label: 'Removed from the service',
      tone: 'attention',
      detail: '3 changes waiting since today at 10:02, kept on this computer',
    });
    expect(headerState(all, NOW).label).toBe('2 conflicts to resolve');
    expect(headerState({ ...all, conflicts: 1 }, NOW).label).toBe('1 conflict to resolve');
    expect(headerState({ ...all, conflicts: 0 }, NOW).label).toBe(
      '1 change refused by the service',
    );
    expect(headerState({ ...synced, enrolled: false, pending: 4 }, NOW).label).toBe(
      'Not connected to the service',
    );
  });
});

describe('sync screens', () => {
  it('have routes of their own', () => {
    for (const route of [
      { name: 'sync' },
      { name: 'sync-conflicts' },
      { name: 'sync-conflicts', participantId: '0190a0a0-0000-7000-8000-000000000001' },
    ] as const)
      expect(parseRoute(hrefFor(route))).toEqual(route);
    expect(parseRoute('#/sync/conflicts/x/y')).toEqual({ name: 'not-found' });
  });

  it('put a refused code next to the code, anything else next to the address', () => {
    expect(
      enrolProblemField('That enrolment code has expired. Ask your manager for a new one.'),
    ).toBe('code');
    expect(enrolProblemField('The sync server could not be reached (ECONNREFUSED)')).toBe('server');
    expect(
      enrolProblemField('This caseload is already enrolled with a different sync server'),
    ).toBe('server');
  });
});

describe('one participant’s sync state in words', () => {
  const synced: ParticipantSyncView = {
    participantId: '0190a0a0-0000-7000-8000-000000000001',
    state: 'synced',
    pending: 0,
    pendingSince: null,
    conflicts: 0,
    quarantined: [],
    lastSyncedAt: at(2026, 12, 1, 9, 5).toISOString(),
    offline: false,
    held: null,
  };

  it('says synced only when nothing of the participant is outstanding', () => {
    expect(participantSyncWords(synced, NOW)).toEqual({
      label: 'Synced',
      tone: 'synced',
      lines: [
        'Every change to these records on this computer is on the service.',
        'This computer last synced today at 09:05.',
      ],
    });
    const outstanding: Partial<ParticipantSyncView>[] = [
      { state: 'waiting', pending: 1, pendingSince: at(2026, 12, 1, 10, 2).toISOString() },
      { state: 'conflict', conflicts: 1 },
      {
        state: 'quarantined',
        quarantined: [{ ...REFUSAL_WORDS.not_found!, at: NOW.toISOString() }],
      },
      { state: 'local' },
      { state: 'removed', pending: 2 },
    ];
    for (const s of outstanding)
      expect(participantSyncWords({ ...synced, ...s }, NOW).label).not.toBe('Synced');
  });

  it('says how many changes wait and since when, in words', () => {
    const w = participantSyncWords(
      {
        ...synced,
        state: 'waiting',
        pending: 3,
        pendingSince: at(2026, 11, 30, 16, 5).toISOString(),
      },
      NOW,
    );
    expect(w.label).toBe('Waiting to sync');
    expect(w.lines).toEqual([
      '3 changes to these records are waiting to go to the service, since yesterday at 16:05.',
    ]);
    expect(
      participantSyncWords(
        { ...synced, state: 'waiting', pending: 1, pendingSince: null, offline: true },
        NOW,
      ),
    ).toMatchObject({
      label: 'Offline: waiting to sync',
      tone: 'offline',
      lines: [
        '1 change to these records is waiting to go to the service.',
        'This computer could not reach the service when it last tried.',
      ],
    });
  });

  it('says a never-connected computer keeps the records only here', () => {
    const w = participantSyncWords({ ...synced, state: 'local', lastSyncedAt: null }, NOW);
    expect(w.label).toBe('Kept only on this computer');
    expect(w.lines.join(' ')).toMatch(/kept only on this computer/);
  });

  it('names who made a conflicting value, where and when', () => {
    const when = at(2026, 12, 1, 9, 58).toISOString();
    expect(
      changeByInWords(
        { adviserName: 'Olu Owner', deviceName: 'OWNER-LAPTOP', thisComputer: false, at: when },
        NOW,
      ),
    ).toBe('Olu Owner on OWNER-LAPTOP, today at 09:58');
    expect(
      changeByInWords(
        { adviserName: 'Cara Cover', deviceName: null, thisComputer: true, at: when },
        NOW,
      ),
    ).toBe('Cara Cover on this computer, today at 09:58');
    expect(
      changeByInWords({ adviserName: null, deviceName: null, thisComputer: false, at: when }, NOW),
    ).toBe('Made by the service, today at 09:58');
    expect(changeByInWords(null, NOW)).toBe('Who made it and when is not known');
    expect(
      changeByInWords(
        {
          adviserName: 'Olu Owner',
          deviceName: null,
          thisComputer: false,
          at: at(2025, 3, 3, 9, 0).toISOString(),
        },
        NOW,
      ),
    ).not.toMatch(/\d{4}-\d\d-\d\dT/);
  });
});
