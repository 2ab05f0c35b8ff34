/**
 * Induction letters due: everyone with a booked induction and no letter since it was booked.
 * Choose some or all, one print file or separate PDFs, Start; the progress is announced, Cancel
 * stops it, and the result offers Print, Open and Save.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { BatchProgress } from '@shared/schemas/documents';
import type { DueLetterView } from '@shared/ipc/channels/documents';
import { call } from '../../api';
import { hrefFor } from '../../app/router';
import { PageHeading } from '../../components/page-heading';
import { ErrorSummary } from '../../components/error-summary';
import { Choice, Fieldset } from '../../components/fields';
import { DocumentActions } from './document-actions';
import { formatLocalStart } from './letter-labels';
import '../../styles/letters.css';

const POLL_MS = 300;
const STATE_TITLES: Record<Exclude<BatchProgress['state'], 'running'>, string> = {
  finished: 'Letters ready',
  cancelled: 'Batch cancelled',
  failed: 'The batch stopped',
};

export function BatchPage() {
  const [due, setDue] = useState<DueLetterView[] | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [output, setOutput] = useState<'single' | 'separate'>('single');
  const [error, setError] = useState<string | null>(null);
  const [failed, setFailed] = useState(0);
  const [progress, setProgress] = useState<BatchProgress | null>(null);
  const [names, setNames] = useState<Map<string, DueLetterView>>(new Map());
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const running = progress?.state === 'running';

  const loadDue = async () => {
    const result = await call('documents:due', {});
    if (!result.ok) return setError(result.error.message);
    setDue(result.value);
    setChosen(new Set(result.value.map((d) => d.participantId)));
  };
  useEffect(() => {
    let live = true;
    void call('documents:due', {}).then((result) => {
      if (!live) return;
      if (!result.ok) return setError(result.error.message);
      setDue(result.value);
      setChosen(new Set(result.value.map((d) => d.participantId)));
    });
    return () => {
      live = false;
    };
  }, []);

  const batchId = progress?.batchId;
  useEffect(() => {
    if (!running || !batchId) return;
    let stopped = false;
    const tick = async () => {
      const result = await call('documents:batchProgress', { batchId });
      if (stopped) return;
      if (result.ok) setProgress(result.value);
      else setError(result.error.message);
      if (result.ok && result.value.state === 'running') timer = window.setTimeout(tick, POLL_MS);
    };
    let timer = window.setTimeout(tick, POLL_MS);
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [running, batchId]);

  const finished = progress && progress.state !== 'running' ? progress : null;
  useEffect(() => {
    if (finished) resultHeading.current?.focus();
  }, [finished?.state, finished]);

  const start = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (chosen.size === 0) {
      setError('Choose at least one participant');
      return setFailed((n) => n + 1);
    }
    setNames(new Map((due ?? []).map((d) => [d.participantId, d])));
    const result = await call('documents:batchStart', {
      participantIds: [...chosen],
      output,
    });
    if (!result.ok) {
      setError(result.error.message);
      return setFailed((n) => n + 1);
    }
    setProgress(result.value);
  };

  const cancel = async () => {
    if (!progress) return;
    const result = await call('documents:batchCancel', { batchId: progress.batchId });
    if (!result.ok) setError(result.error.message);
  };

  const toggle = (id: string, on: boolean) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const allChosen = due !== null && due.length > 0 && chosen.size === due.length;
  const percent =
    progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;

  return (
    <>
      <ErrorSummary
        focusKey={failed}
        errors={error ? [{ targetId: 'batch-choose-all', message: error }] : []}
      />
      <PageHeading>Induction letters due</PageHeading>
      <p className="body">
        Everyone with a booked induction who has not had a letter since it was booked or moved. A
        letter is logged as printed when you print it.{' '}
        <a className="link" href={hrefFor({ name: 'letter-templates' })}>
          Change the letter wording
        </a>
      </p>
      {due === null && (
        <p className="body" role="status">
          Loading…
        </p>
      )}
      {due !== null && due.length === 0 && !progress && (
        <p className="body">No induction letters are due.</p>
      )}
      {due !== null && due.length > 0 && !progress && (
        <form noValidate onSubmit={(e) => void start(e)}>
          <Fieldset id="batch-choose" legend="Who to send a letter to">
            <div className="checkboxes">
              <Choice
                type="checkbox"
                id="batch-choose-all"
                label={`Everyone (${due.length})`}
                checked={allChosen}
                onChange={(e) =>
                  setChosen(e.target.checked ? new Set(due.map((d) => d.participantId)) : new Set())
                }
              />
            </div>
            <div className="table-scroller">
              <table className="table">
                <caption className="visually-hidden">Participants whose letter is due</caption>
                <thead>
                  <tr>
                    <th scope="col" className="table__header">
                      <span className="visually-hidden">Chosen</span>
                    </th>
                    <th scope="col" className="table__header">
                      Participant
                    </th>
                    <th scope="col" className="table__header">
                      Reference
                    </th>
                    <th scope="col" className="table__header">
                      Induction
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {due.map((d) => (
                    <tr key={d.participantId}>
                      <td className="table__cell">
                        <input
                          type="checkbox"
                          className="letters-row-check"
                          id={`batch-${d.participantId}`}
                          aria-label={`Send a letter to ${d.givenName} ${d.familyName}`}
                          checked={chosen.has(d.participantId)}
                          onChange={(e) => toggle(d.participantId, e.target.checked)}
                        />
                      </td>
                      <td className="table__cell">
                        <a
                          className="link"
                          href={hrefFor({ name: 'participant-letters', id: d.participantId })}
                        >
                          {d.givenName} {d.familyName}
                        </a>
                      </td>
                      <td className="table__cell">{d.referralId}</td>
                      <td className="table__cell">
                        {d.inductionStart ? formatLocalStart(d.inductionStart) : 'Not booked'}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Fieldset>
          <Fieldset id="batch-output" legend="Output">
            <div className="radios">
              <Choice
                type="radio"
                name="batch-output"
                id="batch-output"
                label="One print file with every letter"
                checked={output === 'single'}
                onChange={() => setOutput('single')}
              />
              <Choice
                type="radio"
                name="batch-output"
                id="batch-output-separate"
                label="A separate PDF for each participant"
                checked={output === 'separate'}
                onChange={() => setOutput('separate')}
              />
            </div>
          </Fieldset>
          <button type="submit" className="button">
            Start ({chosen.size} {chosen.size === 1 ? 'letter' : 'letters'})
          </button>
        </form>
      )}

      {progress && running && (
        <section className="letters-progress" aria-labelledby="batch-progress-title">
          <h2 className="heading-m" id="batch-progress-title">
            Making the letters
          </h2>
          <label className="label" htmlFor="batch-progress-bar">
            Progress
          </label>
          <progress
            id="batch-progress-bar"
            className="progress"
            max={Math.max(progress.total, 1)}
            value={progress.done}
          />
          <p className="body" role="status" aria-live="polite">
            {percent}% done: {progress.done} of {progress.total} letters made
          </p>
          <button type="button" className="button button--warning" onClick={() => void cancel()}>
            Cancel
          </button>
        </section>
      )}

      {finished && (
        <section className="letters-progress" aria-labelledby="batch-result-title">
          <h2 className="heading-m" id="batch-result-title" tabIndex={-1} ref={resultHeading}>
            {STATE_TITLES[finished.state as keyof typeof STATE_TITLES]}
          </h2>
          <p className="body" role="status">
            {finished.done} of {finished.total} letters made. Each is logged when you print it.
            {finished.message ? ` ${finished.message}` : ''}
          </p>
          {finished.skipped.length > 0 && (
            <>
              <h3 className="heading-s">Not included</h3>
              <ul className="list list--bullet">
                {finished.skipped.map((s) => {
                  const d = names.get(s.participantId);
                  return (
                    <li key={s.participantId}>
                      {d ? `${d.givenName} ${d.familyName} (${d.referralId})` : 'A participant'}:{' '}
                      {s.reason}
                    </li>
                  );
                })}
              </ul>
            </>
          )}
          {finished.done > 0 && output === 'single' && finished.state === 'finished' && (
            <DocumentActions target={{ batchId: finished.batchId }} label="the print file" />
          )}
          {finished.done > 0 && output === 'separate' && (
            <ul className="list letters-files">
              {Array.from({ length: finished.done }, (_, index) => (
                <li key={index}>
                  <DocumentActions
                    target={{ batchId: finished.batchId, index }}
                    label={`letter ${index + 1}`}
                  />
                </li>
              ))}
            </ul>
          )}
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setProgress(null);
              void loadDue();
            }}
          >
            Back to letters due
          </button>
        </section>
      )}
    </>
  );
}
