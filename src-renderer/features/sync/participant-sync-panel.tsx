/**
 * Near the top of a participant's page: whether this participant's records are on the service,
 * waiting (how many changes, since when), in conflict (a link to choose), refused (why, and what
 * the adviser can do), or kept only on this computer. Read from the main process each time the
 * participant or the app's sync status changes, so it never shows an old state.
 */
import { useEffect, useState } from 'react';
import type { ParticipantSyncView } from '@shared/ipc/channels/sync';
import { call } from '../../api';
import { hrefFor } from '../../app/router';
import { participantSyncWords, whenInWords } from './sync-words';
import { useSyncStatus } from './sync-status-store';
import './sync.css';

export function ParticipantSyncPanel({
  participantId,
  version,
}: {
  participantId: string;
  /** The participant's version: an edit on this page asks again. */
  version?: number;
}) {
  const [view, setView] = useState<ParticipantSyncView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const device = useSyncStatus();
  // Any change in what the header knows (a run ended, a conflict decided) may change this one.
  const deviceKey = device
    ? `${device.pending}:${device.conflicts}:${device.quarantined}:${device.lastSyncedAt}:${device.syncing}:${device.offline}`
    : '';

  useEffect(() => {
    let live = true;
    void call('sync:participant', { participantId }).then((result) => {
      if (!live) return;
      if (result.ok) {
        setView(result.value);
        setProblem(null);
      } else setProblem(result.error.message);
    });
    return () => {
      live = false;
    };
  }, [participantId, version, deviceKey]);

  if (problem)
    return (
      <section className="participant-sync" aria-labelledby="participant-sync-heading">
        <h2 className="heading-s" id="participant-sync-heading">
          Sync
        </h2>
        <p className="body">{problem}</p>
      </section>
    );
  if (!view) return null;
  const words = participantSyncWords(view);
  return (
    <section
      className={`participant-sync participant-sync--${words.tone}`}
      aria-labelledby="participant-sync-heading"
    >
      <h2 className="heading-s" id="participant-sync-heading">
        Sync:{' '}
        <span className={`participant-sync__state participant-sync__state--${words.tone}`}>
          {words.label}
        </span>
      </h2>
      {words.lines.map((line) => (
        <p className="body" key={line}>
          {line}
        </p>
      ))}
      {view.state === 'conflict' && (
        <p className="body">
          <a className="link" href={hrefFor({ name: 'sync-conflicts', participantId })}>
            Choose which {view.conflicts === 1 ? 'value' : 'values'} to keep
          </a>
        </p>
      )}
      {view.quarantined.length > 0 && (
        <ul className="list">
          {view.quarantined.map((q, i) => (
            <li key={`${q.at}-${i}`}>
              <p className="body">
                Refused {whenInWords(q.at)}. {q.reason}
              </p>
              <p className="body">{q.action}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
