/**
 * Print, Open and Save for a PDF the main process builds or already has. Only ids and the action
 * cross to the main process; the outcome is announced. `PdfActions` is the one set of buttons for
 * every document (letters, batches, complaint letters, the poster); `DocumentActions` is it for
 * a logged letter or a batch's file.
 */
import { useState } from 'react';
import type { DesktopAction } from '@shared/ipc/channels/desktop';
import type { Result } from '@shared/ipc/result';
import { call } from '../../api';

export type DocumentTarget = { letterId: string } | { batchId: string; index?: number };

/** What a print, open or save answers; `identical` only for a reprint of a logged letter. */
interface PdfOutcome {
  done: boolean;
  fileName: string;
  identical?: boolean;
}

const LABELS: Record<DesktopAction, string> = { print: 'Print', open: 'Open', save: 'Save' };
const DONE: Record<DesktopAction, string> = {
  print: 'Sent to the print dialog',
  open: 'Opened in your PDF reader',
  save: 'Saved',
};

export function PdfActions({
  label,
  run,
}: {
  label: string;
  run(action: DesktopAction): Promise<Result<PdfOutcome>>;
}) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ text: string; problem: boolean } | null>(null);

  const go = async (action: DesktopAction) => {
    if (busy) return;
    setBusy(true);
    setOutcome(null);
    const result = await run(action);
    setBusy(false);
    if (!result.ok) return setOutcome({ text: result.error.message, problem: true });
    const { done, fileName } = result.value;
    const changed = result.value.identical === false;
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
            // Not `disabled`: a disabled button loses focus, which would drop to the page while
            // the PDF is made. aria-disabled says it is busy and `go` ignores a second press.
            aria-disabled={busy || undefined}
            onClick={() => void go(action)}
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

export function DocumentActions({ target, label }: { target: DocumentTarget; label: string }) {
  return (
    <PdfActions
      label={label}
      run={(action) =>
        'letterId' in target
          ? call('desktop:document', { letterId: target.letterId, action })
          : call('desktop:batchFile', { ...target, action })
      }
    />
  );
}
