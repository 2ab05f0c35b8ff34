/**
 * The sync status in the app header: the state that is true now (synced, waiting, offline,
 * conflicts, refused changes, removed), how much is waiting and since when, and when this computer
 * last synced, in words. It links to the screen where the adviser can act on it.
 */
import { hrefFor } from '../../app/router';
import { headerState, lastSyncedInWords } from './sync-words';
import { useSyncStatus, useSyncStatusPolling } from './sync-status-store';
import './sync.css';

export function SyncStatusHeader() {
  useSyncStatusPolling();
  const status = useSyncStatus();
  if (!status) return null;
  const state = headerState(status);
  const target =
    status.conflicts > 0 && !status.revoked
      ? hrefFor({ name: 'sync-conflicts' })
      : hrefFor({ name: 'sync' });
  return (
    <div className="sync-status" role="status" aria-label="Sync status">
      <a className={`sync-status__state sync-status__state--${state.tone}`} href={target}>
        <span className="visually-hidden">Sync: </span>
        {state.label}
      </a>
      {state.detail && <span className="sync-status__detail">{state.detail}</span>}
      {status.enrolled && <span className="sync-status__detail">{lastSyncedInWords(status)}</span>}
    </div>
  );
}
