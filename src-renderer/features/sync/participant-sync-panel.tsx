/**
 * Near the top of a participant's page: whether this participant's records are on the service,
 * waiting (how many changes, since when), in conflict (a link to choose), refused (why, and what
 * the adviser can do), or kept only on this computer. Read from the main process each time the
 * participant or the app's sync status changes, so it never shows an old state.
 */
import { useEffect, useRef, useState } from 'react';
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
  const [confirming, setConfirming] = useState(false);
  const [discarded, setDiscarded] = useState<'kept' | 'removed' | null>(null);
  const [discardProblem, setDiscardProblem] = useState<string | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);
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

  // Focus follows the step: to the confirmation when it opens, to the outcome once done.
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  useEffect(() => {
    if (discarded) doneRef.current?.focus();
  }, [discarded]);

  const discard = async () => {
    const result = await call('sync:discard-refused', { participantId });
    if (!result.ok) {
      setDiscardProblem(result.error.message);
      return;
    }
    setConfirming(false);
    setDiscardProblem(null);
    if (result.value) setView(result.value);
    setDiscarded(result.value ? 'kept' : 'removed');
  };

  if (discarded === 'removed')
    return (
      <section className="participant-sync" aria-labelledby="participant-sync-heading">
        <h2 className="heading-s" id="participant-sync-heading">
          Sync: Removed from this computer
        </h2>
        <p className="body" ref={doneRef} tabIndex={-1}>
          The refused changes were discarded, and this participant, who is allocated to another
          adviser, has been removed from this computer.
        </p>
        <p className="body">
          <a className="link" href={hrefFor({ name: 'caseload' })}>
            Back to the caseload
          </a>
        </p>
      </section>
    );
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
      {discarded === 'kept' && (
        <p className="body" ref={doneRef} tabIndex={-1}>
          The refused changes were discarded.
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
      {view.quarantined.length > 0 && !confirming && (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setDiscarded(null);
            setConfirming(true);
          }}
        >
          Discard the refused {view.quarantined.length === 1 ? 'change' : 'changes'}
        </button>
      )}
      {view.quarantined.length > 0 && confirming && (
        <div className="warning-text" role="group" aria-labelledby="participant-sync-discard">
          <p className="body" id="participant-sync-discard">
            {view.quarantined.length === 1
              ? 'The refused change will no longer be shown or kept for sending.'
              : `The ${view.quarantined.length} refused changes will no longer be shown or kept for sending.`}{' '}
            {view.held
              ? 'This participant is allocated to another adviser, so they will then be removed from this computer. Copy anything you still need first.'
              : 'The participant’s records on this computer stay as they are.'}
          </p>
          {discardProblem && (
            <p className="body" role="alert">
              {discardProblem}
            </p>
          )}
          <button
            type="button"
            className="button button--warning"
            ref={confirmRef}
            onClick={() => void discard()}
          >
            Yes, discard {view.quarantined.length === 1 ? 'it' : 'them'}
          </button>{' '}
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setConfirming(false)}
          >
            Cancel
          </button>
        </div>
      )}
    </section>
  );
}
