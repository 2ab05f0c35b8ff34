/**
 * The sync status the whole renderer shares: asked of the main process (which reads it from the
 * database every time) on a timer, when the window regains focus, after every navigation or form
 * submit, and whenever a sync screen has done something. Nothing here guesses a status.
 */
import { useEffect, useSyncExternalStore } from 'react';
import type { SyncStatusView } from '@shared/ipc/channels/sync';
import { call } from '../../api';

/** Often enough that "waiting" turns to "synced" soon after a background run, cheap to answer. */
export const POLL_MS = 15_000;
/** While a run is in flight, so its end shows promptly. */
export const POLL_SYNCING_MS = 2_000;
/** A form submit's write lands shortly after; ask again then. */
const AFTER_SUBMIT_MS = 1_000;

let current: SyncStatusView | null = null;
const listeners = new Set<() => void>();
let inFlight: Promise<void> | null = null;
let again = false;

function publish(status: SyncStatusView | null): void {
  current = status;
  for (const l of listeners) l();
}

/** Asks for the status now (a second request during one in flight runs once it ends). */
export function refreshSyncStatus(): Promise<void> {
  if (inFlight) {
    again = true;
    return inFlight;
  }
  inFlight = (async () => {
    try {
      const result = await call('sync:status', {});
      // A failed answer (locked, say) shows no status rather than an old one.
      publish(result.ok ? result.value : null);
    } catch {
      publish(null);
    } finally {
      inFlight = null;
      if (again) {
        again = false;
        void refreshSyncStatus();
      }
    }
  })();
  return inFlight;
}

/** A screen that received a fresh status (sync now, resolve) hands it on to the header. */
export function setSyncStatus(status: SyncStatusView): void {
  publish(status);
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export function useSyncStatus(): SyncStatusView | null {
  return useSyncExternalStore(subscribe, () => current);
}

/** Keeps the status fresh while mounted (the header mounts it once for the unlocked app). */
export function useSyncStatusPolling(): void {
  const status = useSyncStatus();
  const syncing = status?.syncing ?? false;
  useEffect(() => {
    void refreshSyncStatus();
    const timer = window.setInterval(
      () => void refreshSyncStatus(),
      syncing ? POLL_SYNCING_MS : POLL_MS,
    );
    return () => window.clearInterval(timer);
  }, [syncing]);
  useEffect(() => {
    let pending: number | undefined;
    const soon = () => {
      window.clearTimeout(pending);
      pending = window.setTimeout(() => void refreshSyncStatus(), AFTER_SUBMIT_MS);
    };
    const now = () => void refreshSyncStatus();
    window.addEventListener('hashchange', now);
    window.addEventListener('focus', now);
    document.addEventListener('submit', soon, true);
    return () => {
      window.clearTimeout(pending);
      window.removeEventListener('hashchange', now);
      window.removeEventListener('focus', now);
      document.removeEventListener('submit', soon, true);
    };
  }, []);
}
