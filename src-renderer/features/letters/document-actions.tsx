/**
 * Print, Open and Save for a document the main process already has (a logged letter or a
 * batch's file). Only its id and the action cross to the main process; the outcome is announced.
 */
import { useState } from 'react';
import type { DesktopAction } from '@shared/ipc/channels/desktop';
import { call } from '../../api';

export type DocumentTarget = { letterId: string } | { batchId: string; index?: number };

const LABELS: Record<DesktopAction, string> = { print: 'Print', open: 'Open', save: 'Save' };
const DONE: Record<DesktopAction, string> = {
  print: 'Sent to the print dialog',
  open: 'Opened in your PDF reader',
  save: 'Saved',
};

export function DocumentActions({ target, label }: { target: DocumentTarget; label: string }) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ text: string; problem: boolean } | null>(null);

  const run = async (action: DesktopAction) => {
    setBusy(true);
    setOutcome(null);
    const result =
      'letterId' in target
        ? await call('desktop:document', { letterId: target.letterId, action })
        : await call('desktop:batchFile', { ...target, action });
    setBusy(false);
    if (!result.ok) return setOutcome({ text: result.error.message, problem: true });
    const { done, fileName } = result.value;
    const changed = 'identical' in result.value && result.value.identical === false;
    setOutcome({
      text: done
        ? `${DONE[action]}: ${fileName}${changed ? '. It is not identical to the logged copy.' : ''}`
        : 'Not saved: the save was cancelled',
      problem: changed,
    });
  };

  return (
    <div className="document-actions">
      <div className="button-group" role="group" aria-label={`${label}: print, open or save`}>
        {(['print', 'open', 'save'] as const).map((action, i) => (
          <button
            key={action}
            type="button"
            className={`button${i === 0 ? '' : ' button--secondary'}`}
            disabled={busy}
            onClick={() => void run(action)}
          >
            {LABELS[action]}
            <span className="visually-hidden"> {label}</span>
          </button>
        ))}
      </div>
      <p
        className={`body document-actions__outcome${outcome?.problem ? ' document-actions__outcome--problem' : ''}`}
        role="status"
        aria-live="polite"
      >
        {outcome?.text ?? ''}
      </p>
    </div>
  );
}
