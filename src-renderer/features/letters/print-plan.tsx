/**
 * "Print plan" on the plan page: issues the recorded plan (the latest agreed version, else the
 * draft) through the documents pipeline, logged as printed, then offers Print, Open and Save.
 */
import { useState } from 'react';
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
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const issue = async () => {
    setBusy(true);
    setProblem(null);
    await beforeIssue?.();
    const result = await call('documents:issue', {
      kind: 'ppep',
      participantId,
      method: 'printed',
    });
    setBusy(false);
    if (!result.ok) return setProblem(result.error.message);
    setLetterId(result.value.entry.id);
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
      <div role="status" aria-live="polite">
        {problem && <p className="error-message">{problem}</p>}
        {letterId && <p className="body">The {planName} is ready and in the letter log.</p>}
      </div>
      {letterId && <DocumentActions target={{ letterId }} label={`the ${planName}`} />}
    </div>
  );
}
