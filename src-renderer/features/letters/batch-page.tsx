/**
 * Letters due: every letter that applies to a participant now and has not been logged since
 * (their induction letter, appointment, change, missed, in-work and exit letters, from the same
 * offers as their letters page), each in the language and format on their record. Choose some
 * or all, one print file or separate PDFs, Start; the progress is announced, Cancel stops it,
 * and the result lists who was left out and why and offers Print, Open and Save. A letter is
 * logged only when its print is confirmed.
 */
import { useEffect, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import {
  batchStartSchema,
  type BatchLetter,
  type BatchProgress,
  type BatchStart,
} from '@shared/schemas/documents';
import type { DueLetterView } from '@shared/ipc/channels/documents';
import { call } from '../../api';
import { hrefFor } from '../../app/router';
import { PageHeading } from '../../components/page-heading';
import { ErrorSummary, focusControl } from '../../components/error-summary';
import { Choice, Fieldset } from '../../components/fields';
import { schemaResolver, summaryOf } from '../../components/form-support';
import { DocumentActions } from './document-actions';
import { KIND_LABELS } from './letter-labels';
import '../../styles/letters.css';

const POLL_MS = 300;
const STATE_TITLES: Record<Exclude<BatchProgress['state'], 'running'>, string> = {
  finished: 'Letters ready',
  cancelled: 'Batch cancelled',
  failed: 'The batch stopped',
};

interface Values {
  /** The chosen letters, each as `keyOf(letter)`. */
  letters: string[];
  output: 'single' | 'separate' | '';
}

const IDS = { letters: 'batch-choose-all', output: 'batch-output' };

/** A letter as a checkbox value: participant, kind and appointment (if any). */
const keyOf = (l: BatchLetter) => [l.participantId, l.kind, l.appointmentId ?? ''].join(' ');
const letterOf = (key: string): BatchLetter => {
  const [participantId = '', kind = '', appointmentId = ''] = key.split(' ');
  return {
    participantId,
    kind: kind as BatchLetter['kind'],
    ...(appointmentId ? { appointmentId } : {}),
  };
};
const lettersOf = (due: DueLetterView[]) =>
  due.flatMap((d) =>
    d.letters.map((l) =>
      keyOf({
        participantId: d.participantId,
        kind: l.kind,
        ...(l.appointmentId ? { appointmentId: l.appointmentId } : {}),
      }),
    ),
  );

export function BatchPage() {
  const [due, setDue] = useState<DueLetterView[] | null>(null);
  const [general, setGeneral] = useState<string | null>(null);
  const [failed, setFailed] = useState(0);
  const [progress, setProgress] = useState<BatchProgress | null>(null);
  const [output, setOutput] = useState<'single' | 'separate'>('single');
  const [names, setNames] = useState<Map<string, DueLetterView>>(new Map());
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const progressHeading = useRef<HTMLHeadingElement>(null);
  const running = progress?.state === 'running';

  const {
    register,
    handleSubmit,
    setValue,
    control,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<Values, unknown, BatchStart>({
    resolver: schemaResolver<Values, BatchStart>(
      batchStartSchema,
      (v) => ({ letters: v.letters.map(letterOf), output: v.output || undefined }),
      [],
    ),
    defaultValues: { letters: [], output: 'single' },
    shouldFocusError: false,
  });

  const show = (list: DueLetterView[]) => {
    setDue(list);
    reset({ letters: lettersOf(list), output: 'single' });
  };
  useEffect(() => {
    let live = true;
    void call('documents:due', {}).then((result) => {
      if (!live) return;
      if (!result.ok) return setGeneral(result.error.message);
      show(result.value);
    });
    return () => {
      live = false;
    };
    // `show` only sets state; it is recreated each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const batchId = progress?.batchId;
  useEffect(() => {
    if (!running || !batchId) return;
    let stopped = false;
    const tick = async () => {
      const result = await call('documents:batchProgress', { batchId });
      if (stopped) return;
      if (result.ok) setProgress(result.value);
      else setGeneral(result.error.message);
      if (result.ok && result.value.state === 'running') timer = window.setTimeout(tick, POLL_MS);
    };
    let timer = window.setTimeout(tick, POLL_MS);
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [running, batchId]);

  // The form (and its Start button) gives way to the progress: focus goes with it.
  useEffect(() => {
    if (running) progressHeading.current?.focus();
  }, [running]);

  const finished = progress && progress.state !== 'running' ? progress : null;
  useEffect(() => {
    if (finished) resultHeading.current?.focus();
  }, [finished?.state, finished]);

  const onValid = async (input: BatchStart) => {
    setGeneral(null);
    setNames(new Map((due ?? []).map((d) => [d.participantId, d])));
    const result = await call('documents:batchStart', input);
    if (!result.ok) {
      setGeneral(result.error.message);
      return setFailed((n) => n + 1);
    }
    setOutput(input.output);
    setProgress(result.value);
  };

  const cancel = async () => {
    if (!progress) return;
    const result = await call('documents:batchCancel', { batchId: progress.batchId });
    if (!result.ok) setGeneral(result.error.message);
  };

  const chosen = useWatch({ control, name: 'letters' });
  const all = due ? lettersOf(due) : [];
  const allChosen = all.length > 0 && chosen.length === all.length;
  const percent =
    progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  const nameOf = (participantId: string) => {
    const d = names.get(participantId);
    return d ? `${d.givenName} ${d.familyName} (${d.referralId})` : 'A participant';
  };

  return (
    <>
      <ErrorSummary errors={summaryOf(errors, IDS, general)} focusKey={failed} />
      <PageHeading id="letters-due-title">Letters due</PageHeading>
      <p className="body">
        Every letter that applies to a participant now and has not been printed or sent since: their
        induction letter, appointment letters, missed appointment and exit letters. Each is written
        in the language and format on their record. A letter is logged as printed when you print it.{' '}
        <a className="link" href={hrefFor({ name: 'letter-templates' })}>
          Change the induction letter wording
        </a>
      </p>
      {due === null && !general && (
        <p className="body" role="status">
          Loading…
        </p>
      )}
      {due !== null && due.length === 0 && !progress && <p className="body">No letters are due.</p>}
      {due !== null && due.length > 0 && !progress && (
        <form
          noValidate
          onSubmit={(e) => void handleSubmit(onValid, () => setFailed((n) => n + 1))(e)}
        >
          <Fieldset id="batch-choose" legend="Letters to make" error={errors.letters?.message}>
            <div className="checkboxes">
              <Choice
                type="checkbox"
                id={IDS.letters}
                label={`Every letter due (${all.length})`}
                checked={allChosen}
                onChange={(e) =>
                  setValue('letters', e.target.checked ? all : [], { shouldValidate: false })
                }
              />
            </div>
            <div className="table-scroller">
              <table className="table">
                <caption className="visually-hidden">Letters due</caption>
                <thead>
                  <tr>
                    <th scope="col" className="table__header">
                      <span className="visually-hidden">Chosen</span>
                    </th>
                    <th scope="col" className="table__header">
                      Participant
                    </th>
                    <th scope="col" className="table__header">
                      Letter
                    </th>
                    <th scope="col" className="table__header">
                      Language and format
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {due.flatMap((d) =>
                    d.letters.map((l) => {
                      const key = keyOf({
                        participantId: d.participantId,
                        kind: l.kind,
                        ...(l.appointmentId ? { appointmentId: l.appointmentId } : {}),
                      });
                      return (
                        <tr key={key}>
                          <td className="table__cell">
                            <input
                              type="checkbox"
                              className="letters-row-check"
                              id={`batch-${key.replace(/ /g, '-')}`}
                              aria-label={`${KIND_LABELS[l.kind]} for ${d.givenName} ${d.familyName}`}
                              value={key}
                              {...register('letters')}
                            />
                          </td>
                          <td className="table__cell">
                            <a
                              className="link"
                              href={hrefFor({ name: 'participant-letters', id: d.participantId })}
                            >
                              {d.givenName} {d.familyName}
                            </a>{' '}
                            ({d.referralId})
                          </td>
                          <td className="table__cell">
                            {KIND_LABELS[l.kind]}
                            <span className="hint letters-choice-hint">{l.label}</span>
                          </td>
                          <td className="table__cell">{d.format}</td>
                        </tr>
                      );
                    }),
                  )}
                </tbody>
              </table>
            </div>
          </Fieldset>
          <Fieldset id="batch-output" legend="Output" error={errors.output?.message}>
            <div className="radios">
              <Choice
                type="radio"
                id={IDS.output}
                value="single"
                label="One print file, each letter starting on a new page"
                {...register('output')}
              />
              <Choice
                type="radio"
                id="batch-output-separate"
                value="separate"
                label="A separate PDF for each letter"
                {...register('output')}
              />
            </div>
          </Fieldset>
          <button type="submit" className="button" disabled={isSubmitting}>
            Start ({chosen.length} {chosen.length === 1 ? 'letter' : 'letters'})
          </button>
        </form>
      )}

      {progress && running && (
        <section className="letters-progress" aria-labelledby="batch-progress-title">
          <h2 className="heading-m" id="batch-progress-title" tabIndex={-1} ref={progressHeading}>
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
              <ul className="list list--bullet" aria-label="Participants not included">
                {finished.skipped.map((s, i) => (
                  <li key={`${s.participantId}${i}`}>
                    {nameOf(s.participantId)}: {s.reason}
                  </li>
                ))}
              </ul>
            </>
          )}
          {finished.done > 0 && output === 'single' && finished.state === 'finished' && (
            <DocumentActions target={{ batchId: finished.batchId }} label="the print file" />
          )}
          {finished.done > 0 && output === 'separate' && (
            <ul className="list letters-files">
              {finished.letters.slice(0, finished.done).map((l, index) => (
                <li key={index}>
                  <DocumentActions
                    target={{ batchId: finished.batchId, index }}
                    label={`${KIND_LABELS[l.kind]} for ${nameOf(l.participantId)}`}
                  />
                </li>
              ))}
            </ul>
          )}
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              // The section holding this button goes: focus the page's heading, not the page.
              focusControl('letters-due-title');
              setProgress(null);
              setDue(null);
              void call('documents:due', {}).then((result) =>
                result.ok ? show(result.value) : setGeneral(result.error.message),
              );
            }}
          >
            Back to letters due
          </button>
        </section>
      )}
    </>
  );
}
