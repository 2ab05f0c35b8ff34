/** The letter log, newest first, with Reprint: rebuilt from the logged snapshot, byte for byte. */
import { useState } from 'react';
import type { LetterLogEntry } from '@shared/schemas/documents';
import { call } from '../../api';
import { formatInstant } from '../../labels';
import { DocumentActions } from './document-actions';
import { KIND_LABELS, LANGUAGE_LABELS, METHOD_LABELS } from './letter-labels';

interface Reprinted {
  of: string;
  entry: LetterLogEntry;
  identical: boolean;
}

export function LetterLog({
  entries,
  onReprinted,
}: {
  entries: LetterLogEntry[];
  onReprinted(): Promise<void>;
}) {
  const [reprinted, setReprinted] = useState<Reprinted | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  if (entries.length === 0) return <p className="body">No letters have been issued yet.</p>;

  const reprint = async (e: LetterLogEntry) => {
    setBusy(e.id);
    setProblem(null);
    const result = await call('documents:reprint', { letterId: e.id, method: e.method });
    setBusy(null);
    if (!result.ok) return setProblem(result.error.message);
    setReprinted({ of: e.id, entry: result.value.entry, identical: result.value.identical });
    await onReprinted();
  };

  return (
    <>
      <div role="status" aria-live="polite" className="letter-log__status">
        {problem && <p className="error-message">{problem}</p>}
        {reprinted && (
          <div className="inset-text">
            <p className="body">
              <strong>
                Reprinted {KIND_LABELS[reprinted.entry.kind].toLowerCase()}:{' '}
                {reprinted.identical
                  ? 'identical to the original'
                  : 'NOT identical to the original'}
              </strong>
            </p>
          </div>
        )}
      </div>
      {reprinted && (
        <DocumentActions
          target={{ letterId: reprinted.entry.id }}
          label={`reprinted ${KIND_LABELS[reprinted.entry.kind].toLowerCase()}`}
        />
      )}
      <div className="table-scroller">
        <table className="table">
          <caption className="visually-hidden">Letters issued, newest first</caption>
          <thead>
            <tr>
              <th scope="col" className="table__header">
                Issued
              </th>
              <th scope="col" className="table__header">
                Document
              </th>
              <th scope="col" className="table__header">
                Format
              </th>
              <th scope="col" className="table__header">
                How
              </th>
              <th scope="col" className="table__header">
                By
              </th>
              <th scope="col" className="table__header">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td className="table__cell">{formatInstant(e.issuedAt)}</td>
                <td className="table__cell">
                  {KIND_LABELS[e.kind]}
                  {e.reprintOf && <span className="table__secondary"> (reprint)</span>}
                  {e.outsideWindowReason && (
                    <span className="table__secondary">
                      {' '}
                      Outside the charter window: {e.outsideWindowReason}
                    </span>
                  )}
                </td>
                <td className="table__cell">
                  {LANGUAGE_LABELS[e.language]}
                  {e.largePrint ? ', large print' : ''}
                </td>
                <td className="table__cell">{METHOD_LABELS[e.method]}</td>
                <td className="table__cell">{e.issuedBy}</td>
                <td className="table__cell">
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    disabled={busy !== null}
                    onClick={() => void reprint(e)}
                  >
                    Reprint
                    <span className="visually-hidden">
                      {' '}
                      {KIND_LABELS[e.kind].toLowerCase()} issued {formatInstant(e.issuedAt)}
                    </span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
