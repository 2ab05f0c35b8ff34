/**
 * The caseload's sync markers: participants with changes not yet on the service, conflicts or
 * refused changes, read in one call (one grouped query in the main process) and read again
 * whenever the app's sync status changes.
 */
import { useEffect, useState } from 'react';
import type { CaseloadSyncMarker } from '@shared/ipc/channels/sync';
import { call } from '../../api';
import { useSyncStatus } from './sync-status-store';

export function useCaseloadSyncMarkers(): ReadonlyMap<string, CaseloadSyncMarker> {
  const [markers, setMarkers] = useState<ReadonlyMap<string, CaseloadSyncMarker>>(new Map());
  const device = useSyncStatus();
  const key = device
    ? `${device.pending}:${device.conflicts}:${device.quarantined}:${device.lastSyncedAt}`
    : '';
  useEffect(() => {
    let live = true;
    void call('sync:caseload', {}).then((result) => {
      // No markers rather than old ones if the answer fails (locked, say).
      if (live) setMarkers(new Map(result.ok ? result.value.map((m) => [m.participantId, m]) : []));
    });
    return () => {
      live = false;
    };
  }, [key]);
  return markers;
}
