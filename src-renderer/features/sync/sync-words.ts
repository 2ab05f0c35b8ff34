/**
 * What the sync screens say, worked out from the status the main process reads from the database.
 * One place decides the header's state, so the header, the settings screen and the tests agree.
 */
import type { SyncStatusView } from '@shared/ipc/channels/sync';
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
