/**
 * Print, open or save a complaint's acknowledgement or response letter. Only the complaint id,
 * the kind of letter and the action cross to the main process, which builds the PDF itself.
 */
import { useState } from 'react';
import type { DesktopAction } from '@shared/ipc/channels/desktop';
import { call } from '../../api';

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
  run(action: DesktopAction): ReturnType<typeof call<'youToldUs:poster'>>;
}) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ text: string; problem: boolean } | null>(null);
  const go = async (action: DesktopAction) => {
    setBusy(true);
    setOutcome(null);
    const result = await run(action);
    setBusy(false);
    if (!result.ok) return setOutcome({ text: result.error.message, problem: true });
    setOutcome({
      text: result.value.done
        ? `${DONE[action]}: ${result.value.fileName}`
        : 'Not saved: the save was cancelled',
      problem: false,
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

export function ComplaintLetterActions({
  id,
  kind,
  label,
}: {
  id: string;
  kind: 'acknowledgement' | 'response';
  label: string;
}) {
  return (
    <PdfActions label={label} run={(action) => call('complaints:letter', { id, kind, action })} />
  );
}
