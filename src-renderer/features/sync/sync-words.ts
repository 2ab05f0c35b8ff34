/**
 * What the sync screens say, worked out from the status the main process reads from the database.
 * One place decides the header's state, so the header, the settings screen and the tests agree.
 */
import type { ParticipantSyncView, SyncChangeBy, SyncStatusView } from '@shared/ipc/channels/sync';
import { formatInstant } from '../../labels';

const pad = (n: number) => String(n).padStart(2, '0');
const sameDay = (a: Date, b: Date) =>
  a.getFullYear() === b.getFullYear() &&
  a.getMonth() === b.getMonth() &&
  a.getDate() === b.getDate();

/** An ISO instant in words, local time: 'today at 10:42', 'yesterday at 16:05', or the date. */
export function whenInWords(iso: string, now: Date = new Date()): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return 'at an unknown time';
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  if (sameDay(d, now)) return `today at ${time}`;
  const yesterday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1);
  if (sameDay(d, yesterday)) return `yesterday at ${time}`;
  return `on ${formatInstant(iso)}`;
}

/** '1 change', '3 changes'. */
export const changesInWords = (n: number) => `${n} ${n === 1 ? 'change' : 'changes'}`;

/** 'Last synced today at 10:42', or 'Not synced yet'. */
export function lastSyncedInWords(status: SyncStatusView, now: Date = new Date()): string {
  return status.lastSyncedAt
    ? `Last synced ${whenInWords(status.lastSyncedAt, now)}`
    : 'Not synced yet';
}

export type SyncTone = 'synced' | 'waiting' | 'offline' | 'attention' | 'off';

export interface HeaderState {
  /** The state in a few words: 'Synced', 'Waiting to sync', 'Offline'… */
  label: string;
  tone: SyncTone;
  /** One more sentence the adviser needs, or null. */
  detail: string | null;
}

/**
 * The one state the header leads with. The worst thing that is true wins: a revoked computer, then
 * conflicts the adviser must decide, then refused changes, then offline, then waiting, then synced.
 * Never 'Synced' while anything is waiting, refused or in conflict.
 */
export function headerState(s: SyncStatusView, now: Date = new Date()): HeaderState {
  const waiting =
    s.pending > 0
      ? `${changesInWords(s.pending)} waiting${s.pendingSince ? ` since ${whenInWords(s.pendingSince, now)}` : ''}`
      : null;
  if (!s.enrolled) return { label: 'Not connected to the service', tone: 'off', detail: null };
  if (s.revoked)
    return {
      label: 'Removed from the service',
      tone: 'attention',
      detail: waiting ? `${waiting}, kept on this computer` : null,
    };
  if (s.conflicts > 0)
    return {
      label: s.conflicts === 1 ? '1 conflict to resolve' : `${s.conflicts} conflicts to resolve`,
      tone: 'attention',
      detail: waiting,
    };
  if (s.quarantined > 0)
    return {
      label:
        s.quarantined === 1
          ? '1 change refused by the service'
          : `${s.quarantined} changes refused by the service`,
      tone: 'attention',
      detail: waiting,
    };
  if (s.syncing) return { label: 'Syncing', tone: 'waiting', detail: waiting };
  if (s.offline) return { label: 'Offline', tone: 'offline', detail: waiting };
  if (waiting) return { label: 'Waiting to sync', tone: 'waiting', detail: waiting };
  if (s.problem) return { label: 'Sync stopped', tone: 'attention', detail: s.problem };
  return { label: 'Synced', tone: 'synced', detail: null };
}

/**
 * Who made one side of a conflict and when: 'Cara Cover on this computer, today at 10:02',
 * 'Olu Owner on OWNER-LAPTOP, yesterday at 16:05', 'made on the service on 3 March 2027 at 09:00'.
 */
export function changeByInWords(by: SyncChangeBy | null, now: Date = new Date()): string {
  if (!by) return 'Who made it and when is not known';
  const where = by.thisComputer
    ? 'on this computer'
    : by.deviceName
      ? `on ${by.deviceName}`
      : by.adviserName
        ? 'on another computer'
        : null;
  const who = by.adviserName
    ? `${by.adviserName} ${where}`
    : where
      ? `Made ${where}`
      : 'Made by the service';
  return by.at ? `${who}, ${whenInWords(by.at, now)}` : who;
}

export interface ParticipantSyncWords {
  /** A few words: 'Synced', 'Waiting to sync', 'Kept only on this computer'… */
  label: string;
  tone: SyncTone;
  /** Sentences that follow, each true now. */
  lines: string[];
}

/**
 * One participant's sync state in words, worst first, for the top of the participant page. It
 * never says 'Synced' while a change to this participant's records is waiting, refused or in
 * conflict.
 */
export function participantSyncWords(
  v: ParticipantSyncView,
  now: Date = new Date(),
): ParticipantSyncWords {
  const waiting =
    v.pending > 0
      ? `${changesInWords(v.pending)} to these records ${v.pending === 1 ? 'is' : 'are'} waiting to go to the service${v.pendingSince ? `, since ${whenInWords(v.pendingSince, now)}` : ''}.`
      : null;
  const offline = v.offline
    ? 'This computer could not reach the service when it last tried.'
    : null;
  const lines = (...l: (string | null)[]) => l.filter((x): x is string => x !== null);
  switch (v.state) {
    case 'local':
      return {
        label: 'Kept only on this computer',
        tone: 'off',
        lines: [
          'This computer is not connected to the service, so these records are kept only on this computer. Connect it to the service from the Sync page to share them with your organisation.',
        ],
      };
    case 'removed':
      return {
        label: 'This computer was removed from the service',
        tone: 'attention',
        lines: lines(
          v.pending > 0
            ? `${changesInWords(v.pending)} to these records ${v.pending === 1 ? 'is' : 'are'} kept on this computer and cannot be sent. Speak to your manager.`
            : 'Nothing to these records is waiting to be sent.',
        ),
      };
    case 'conflict':
      return {
        label: v.conflicts === 1 ? '1 value to choose' : `${v.conflicts} values to choose`,
        tone: 'attention',
        lines: lines(
          'Some of these details were changed on this computer and on another computer before they synced. Nothing has been overwritten: choose which value to keep.',
          v.held,
          waiting,
        ),
      };
    case 'quarantined':
      return {
        label:
          v.quarantined.length === 1
            ? '1 change refused by the service'
            : `${v.quarantined.length} changes refused by the service`,
        tone: 'attention',
        lines: lines(v.held, waiting, offline),
      };
    case 'waiting':
      return {
        label: v.offline ? 'Offline: waiting to sync' : 'Waiting to sync',
        tone: v.offline ? 'offline' : 'waiting',
        lines: lines(v.held, waiting, offline),
      };
    case 'synced':
      return {
        label: 'Synced',
        tone: 'synced',
        lines: lines(
          'Every change to these records on this computer is on the service.',
          v.lastSyncedAt ? `This computer last synced ${whenInWords(v.lastSyncedAt, now)}.` : null,
        ),
      };
  }
}
