/**
 * A subject access request for this person: the day it was received gives the deadline (one
 * calendar month, ICO), and the complete bundle is saved as a PDF or downloaded as JSON. Only the
 * adviser sees it: the bundle holds every class of data, health included.
 */
import { useEffect, useState } from 'react';
import type { SubjectAccessOutcome } from '@shared/ipc/channels/subject-access';
import { call } from '../../api';
import { useSession } from '../../app/session';
import { DateInput, toCivilDate } from '../../components/date-input';
import { ErrorSummary } from '../../components/error-summary';
import { formatDate } from '../../labels';

const DATE_ID = 'sar-received';

export function SubjectAccessPanel({ participantId }: { participantId: string }) {
  const { status } = useSession();
  const [received, setReceived] = useState(status?.today ?? '');
  const [error, setError] = useState<string | null>(null);
  const [failed, setFailed] = useState(0);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<SubjectAccessOutcome | null>(null);
  const [download, setDownload] = useState<{ url: string; name: string } | null>(null);

  useEffect(() => () => void (download && URL.revokeObjectURL(download.url)), [download]);
  if (status?.role !== 'adviser') return null;

  const run = async (format: 'pdf' | 'json') => {
    setBusy(true);
    const r = await call('subjectAccess:export', {
      participantId,
      requestedOn: toCivilDate(received),
      format,
      ...(format === 'pdf' ? { action: 'save' as const } : {}),
    });
    setBusy(false);
    if (!r.ok) {
      setOutcome(null);
      setError(r.error.message);
      return setFailed((n) => n + 1);
    }
    setError(null);
    setOutcome(r.value);
    if (r.value.content !== undefined)
      setDownload({
        url: URL.createObjectURL(new Blob([r.value.content], { type: 'application/json' })),
        name: r.value.fileName,
      });
  };

  return (
    <section className="summary-card" aria-labelledby="sar-title">
      <div className="summary-card__title-wrapper">
        <h2 className="summary-card__title" id="sar-title">
          Subject access request
        </h2>
      </div>
      <div className="summary-card__content">
        <ErrorSummary
          errors={error ? [{ targetId: DATE_ID, message: error }] : []}
          focusKey={failed}
        />
        <p className="body">
          Everything Waymark holds about this person, for a request to see their data. You must
          respond within one calendar month of the day the request was received.
        </p>
        <DateInput
          id={DATE_ID}
          legend="When was the request received?"
          hint="For example, 27 11 2026"
          value={received}
          error={error ?? undefined}
          onChange={setReceived}
        />
        <div className="button-group">
          <button type="button" className="button" disabled={busy} onClick={() => void run('pdf')}>
            Save the bundle as a PDF
          </button>
          <button
            type="button"
            className="button button--secondary"
            disabled={busy}
            onClick={() => void run('json')}
          >
            Prepare the bundle as data (JSON)
          </button>
        </div>
        {outcome && (
          <div className="inset-text" role="status">
            <p className="body">
              Respond by <strong>{formatDate(outcome.respondBy)}</strong>.{' '}
              {outcome.action === 'download'
                ? 'The data file is ready.'
                : outcome.done
                  ? `Saved as ${outcome.fileName}.`
                  : 'The PDF was not saved.'}
            </p>
            {download && outcome.action === 'download' && (
              <p className="body">
                <a className="link" href={download.url} download={download.name}>
                  Download {download.name}
                </a>
              </p>
            )}
          </div>
        )}
      </div>
    </section>
  );
}
