/**
 * "Print plan" on the plan page: prints the recorded plan (the latest agreed version, else the
 * draft) through the documents pipeline. The print dialog comes first; the plan is logged as
 * printed only when the adviser printed it. Then Open and Save offer the logged copy.
 */
import { useRef, useState } from 'react';
import { call } from '../../api';
import { DocumentActions } from './document-actions';

export function PrintPlan({
  participantId,
  planName,
  beforeIssue,
}: {
  participantId: string;
  planName: string;
  /** Saves pending edits first, so a draft prints as it is on screen. */
  beforeIssue?: () => Promise<unknown>;
}) {
  const [letterId, setLetterId] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; problem: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const status = useRef<HTMLDivElement>(null);

  const issue = async () => {
    setBusy(true);
    setMessage(null);
    await beforeIssue?.();
    const result = await call('documents:issue', {
      kind: 'ppep',
      participantId,
      method: 'printed',
    });
    setBusy(false);
    if (!result.ok) setMessage({ text: result.error.message, problem: true });
    else if (result.value === null)
      setMessage({ text: 'The print was cancelled, so nothing was logged.', problem: false });
    else {
      setLetterId(result.value.id);
      setMessage({ text: `The ${planName} was printed and is in the letter log.`, problem: false });
    }
    // Focus follows the outcome, so a keyboard or screen-reader user hears it at once.
    status.current?.focus();
  };

  return (
    <div className="print-plan">
      <button
        type="button"
        className="button button--secondary"
        disabled={busy}
        onClick={() => void issue()}
      >
        Print {planName}
      </button>
      <div role="status" aria-live="polite" tabIndex={-1} ref={status}>
        {message && <p className={message.problem ? 'error-message' : 'body'}>{message.text}</p>}
      </div>
      {letterId && <DocumentActions target={{ letterId }} label={`the ${planName}`} />}
    </div>
  );
}
