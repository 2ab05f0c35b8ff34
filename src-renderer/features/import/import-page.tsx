/**
 * Imports a Jobcentre referral batch (CSV): the file is read here and handed to the main process,
 * which imports in batches while this page polls for progress.
 */
import { useEffect, useRef, useState } from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import type { ImportProgress } from '@shared/ipc/channels/import';
import {
  importStartSchema,
  MAX_IMPORT_BYTES,
  TOO_BIG,
  type ImportStart,
} from '@shared/schemas/import';
import { call } from '../../api';
import { hrefFor } from '../../app/router';
import { PageHeading } from '../../components/page-heading';
import { ErrorSummary } from '../../components/error-summary';
import { ErrorMessage } from '../../components/fields';
import { schemaResolver, summaryOf } from '../../components/form-support';
import { ImportErrors } from './import-errors';
import '../../styles/due-week.css';

const POLL_MS = 250;

const STATE_TITLES: Record<Exclude<ImportProgress['state'], 'running'>, string> = {
  finished: 'Import complete',
  cancelled: 'Import cancelled',
  failed: 'Import stopped by a problem',
};

interface Values {
  files: FileList | null;
}

const IDS = { files: 'import-file' };

/**
 * The chosen file, read and checked against the shared import schema. A file too big is refused
 * before it is read; every problem is said beside the file box.
 */
const fileResolver: Resolver<Values, unknown, ImportStart> = async (values, context, options) => {
  const file = values.files?.[0];
  const problem = (message: string) => ({
    values: {},
    errors: { files: { type: 'validate', message } },
  });
  if (!file) return problem('Select a CSV file of referrals');
  if (file.size > MAX_IMPORT_BYTES) return problem(TOO_BIG);
  const content = await file.text();
  const result = await schemaResolver<Values, ImportStart>(
    importStartSchema,
    () => ({ fileName: file.name, content }),
    [],
  )(values, context, options);
  const first = Object.values(result.errors as Record<string, { message?: string }>)[0];
  return first ? problem(first.message ?? 'That file cannot be imported') : result;
};

function plural(n: number, one: string, many = `${one}s`) {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

export function ImportPage() {
  const [fileName, setFileName] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError: setFieldError,
    formState: { errors },
  } = useForm<Values, unknown, ImportStart>({
    resolver: fileResolver,
    defaultValues: { files: null },
    shouldFocusError: false,
  });
  const fileError = errors.files?.message;
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [report, setReport] = useState<{ url: string; name: string } | null>(null);
  const [failedSubmits, setFailedSubmits] = useState(0);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const running = progress?.state === 'running';

  // Poll while the import runs.
  const importId = progress?.importId;
  useEffect(() => {
    if (!running || !importId) return;
    let stopped = false;
    const tick = async () => {
      const result = await call('import:progress', { importId });
      if (stopped) return;
      if (result.ok) setProgress(result.value);
      else setError(result.error.message);
      if (!result.ok || result.value.state === 'running') timer = window.setTimeout(tick, POLL_MS);
    };
    let timer = window.setTimeout(tick, POLL_MS);
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [running, importId]);

  // When finished: focus the outcome, and prepare the error report when there are failures.
  useEffect(() => {
    if (!progress || progress.state === 'running') return;
    resultHeading.current?.focus();
    if (progress.failed === 0) return;
    let url: string | null = null;
    void call('import:errorReport', { importId: progress.importId }).then((result) => {
      if (!result.ok) return setError(result.error.message);
      url = URL.createObjectURL(new Blob([result.value], { type: 'text/csv;charset=utf-8' }));
      const base = (fileName ?? 'referrals').replace(/\.csv$/i, '');
      setReport({ url, name: `${base}-errors.csv` });
    });
    return () => {
      if (url) URL.revokeObjectURL(url);
    };
    // Only once per finished import.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [progress?.importId, progress?.state]);

  const start = async (batch: ImportStart) => {
    setError(null);
    setReport(null);
    setFileName(batch.fileName);
    const result = await call('import:start', batch);
    if (!result.ok) {
      setFieldError('files', { type: 'server', message: result.error.message });
      return setFailedSubmits((n) => n + 1);
    }
    setProgress(result.value);
  };

  const cancel = async () => {
    if (!progress) return;
    const result = await call('import:cancel', { importId: progress.importId });
    if (!result.ok) setError(result.error.message);
  };

  const done = progress && progress.state !== 'running' ? progress : null;
  const percent =
    progress && progress.total > 0 ? Math.round((progress.processed / progress.total) * 100) : 0;

  return (
    <div className="grid-two-thirds">
      <ErrorSummary errors={summaryOf(errors, IDS, error)} focusKey={failedSubmits} />
      <PageHeading>Import referrals</PageHeading>
      <p className="body">
        Import a referral batch from the Jobcentre as a CSV file. Referrals already on your caseload
        are skipped, so importing the same file again is safe.
      </p>
      <form
        noValidate
        onSubmit={(e) => void handleSubmit(start, () => setFailedSubmits((n) => n + 1))(e)}
      >
        <div className={`form-group${fileError ? ' form-group--error' : ''}`}>
          <label className="label" htmlFor="import-file">
            Referral file (CSV)
          </label>
          <div className="hint" id="import-file-hint">
            Columns include referral_id, referral_date, given_name, family_name, date_of_birth,
            ni_number, address_line1, town, postcode, jobcentre_office, benefit, programme and
            contact_channel.
          </div>
          <ErrorMessage id={IDS.files}>{fileError}</ErrorMessage>
          <input
            id={IDS.files}
            type="file"
            accept=".csv,text/csv"
            className={`file-upload${fileError ? ' input--error' : ''}`}
            aria-describedby={`import-file-hint${fileError ? ' import-file-error' : ''}`}
            aria-invalid={fileError ? true : undefined}
            disabled={running}
            {...register('files')}
          />
        </div>
        <button type="submit" className="button" disabled={running}>
          Import referrals
        </button>
      </form>

      {progress && running && (
        <section className="import-progress" aria-labelledby="import-progress-title">
          <h2 className="heading-m" id="import-progress-title">
            Importing {fileName}
          </h2>
          <label className="label" htmlFor="import-progress-bar">
            Progress
          </label>
          <progress
            id="import-progress-bar"
            className="progress"
            max={progress.total}
            value={progress.processed}
          />
          <p className="body" role="status" aria-live="polite">
            {percent}% done: {progress.processed.toLocaleString('en-GB')} of{' '}
            {plural(progress.total, 'row')} checked
          </p>
          <button type="button" className="button button--warning" onClick={() => void cancel()}>
            Cancel import
          </button>
        </section>
      )}

      {done && (
        <section className="import-result" aria-labelledby="import-result-title">
          <h2 className="heading-m" id="import-result-title" tabIndex={-1} ref={resultHeading}>
            {STATE_TITLES[done.state as keyof typeof STATE_TITLES]}
          </h2>
          <dl className="summary-list" aria-label="Import summary">
            <div className="summary-list__row">
              <dt className="summary-list__key">Rows in the file</dt>
              <dd className="summary-list__value" data-testid="import-total">
                {done.total}
              </dd>
            </div>
            <div className="summary-list__row">
              <dt className="summary-list__key">Imported</dt>
              <dd className="summary-list__value" data-testid="import-imported">
                {done.imported}
              </dd>
            </div>
            <div className="summary-list__row">
              <dt className="summary-list__key">Already on your caseload</dt>
              <dd className="summary-list__value" data-testid="import-duplicates">
                {done.duplicates}
              </dd>
            </div>
            <div className="summary-list__row">
              <dt className="summary-list__key">Could not be imported</dt>
              <dd className="summary-list__value" data-testid="import-failed">
                {done.failed}
              </dd>
            </div>
          </dl>
          {done.failed > 0 && <ImportErrors importId={done.importId} />}
          {done.failed > 0 && (
            <p className="body">
              {report ? (
                <a className="link" href={report.url} download={report.name}>
                  Download error report (CSV)
                </a>
              ) : (
                'Preparing the error report…'
              )}
            </p>
          )}
          <p className="body">
            <a className="link" href={hrefFor({ name: 'caseload' })}>
              Go to your caseload
            </a>
          </p>
        </section>
      )}
    </div>
  );
}
