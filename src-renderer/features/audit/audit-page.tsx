/**
 * The audit log for a manager: who did what and when, filtered by person, user, kind of action
 * and dates, and downloaded as a spreadsheet (CSV). Other roles are told plainly that it is for
 * managers. Every look is recorded in the log itself.
 */
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { AuditPage as Page } from '@shared/ipc/channels/audit';
import { auditQuerySchema, type AuditQuery, type AuditQueryInput } from '@shared/schemas/audit';
import { call } from '../../api';
import { PageHeading } from '../../components/page-heading';
import { toCivilDate } from '../../components/date-input';
import { ControlledDateInput } from '../../components/controlled-date-input';
import { ErrorSummary } from '../../components/error-summary';
import { Select, TextInput } from '../../components/fields';
import { schemaResolver, summaryOf } from '../../components/form-support';
import { formatInstant } from '../../labels';

/** Plain-English names for the areas an action belongs to (the part before the first dot). */
const AREAS: { value: string; label: string }[] = [
  { value: '', label: 'Any action' },
  { value: 'participant', label: 'Participant records' },
  { value: 'plan', label: 'Plans' },
  { value: 'letter', label: 'Letters' },
  { value: 'meeting', label: 'Meetings' },
  { value: 'import', label: 'Referral imports' },
  { value: 'caseload', label: 'Caseload lists' },
  { value: 'session', label: 'Unlocking and locking' },
  { value: 'audit', label: 'The audit log itself' },
];

/** 'participant.subject-access-export' → 'Participant: subject access export'. */
export function describeAction(action: string): string {
  const [area = '', ...rest] = action.split('.');
  const words = rest.join(' ').replace(/-/g, ' ');
  const head = area.charAt(0).toUpperCase() + area.slice(1).replace(/[-_]/g, ' ');
  return words ? `${head}: ${words}` : head;
}

interface Filters {
  user: string;
  action: string;
  from: string;
  to: string;
}

const IDS = { user: 'audit-user', action: 'audit-action', from: 'audit-from', to: 'audit-to' };

/** The filters as the shared audit query; an empty box is no filter. */
const toQuery = (f: Filters): AuditQueryInput => ({
  ...(f.user.trim() ? { user: f.user.trim() } : {}),
  ...(f.action ? { action: f.action } : {}),
  ...(toCivilDate(f.from) ? { from: toCivilDate(f.from) } : {}),
  ...(toCivilDate(f.to) ? { to: toCivilDate(f.to) } : {}),
});

/** Paging is the list's business, not the filter's: only the adviser's choices are kept. */
const filterOf = ({ offset: _o, limit: _l, ...filter }: AuditQuery) => filter;

export function AuditPage() {
  const [applied, setApplied] = useState<Omit<AuditQuery, 'offset' | 'limit'>>({});
  const [page, setPage] = useState<Page | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [failed, setFailed] = useState(0);
  const [download, setDownload] = useState<{ url: string; name: string } | null>(null);
  const {
    register,
    control,
    handleSubmit,
    formState: { errors },
  } = useForm<Filters, unknown, AuditQuery>({
    resolver: schemaResolver<Filters, AuditQuery>(auditQuerySchema, toQuery, ['from', 'to']),
    defaultValues: { user: '', action: '', from: '', to: '' },
    shouldFocusError: false,
  });

  useEffect(() => {
    let live = true;
    void call('audit:list', { ...applied, limit: 200 }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setPage(r.value);
        setProblem(null);
      } else setProblem(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [applied]);

  useEffect(
    () => () => {
      if (download) URL.revokeObjectURL(download.url);
    },
    [download],
  );

  const search = (q: AuditQuery) => {
    setDownload(null);
    setApplied(filterOf(q));
  };

  const prepareCsv = async () => {
    const r = await call('audit:exportCsv', applied);
    if (!r.ok) return setProblem(r.error.message);
    const url = URL.createObjectURL(
      new Blob([r.value.content], { type: 'text/csv;charset=utf-8' }),
    );
    setDownload({ url, name: r.value.fileName });
  };

  return (
    <>
      <PageHeading>Audit log</PageHeading>
      <p className="body">
        Every change to the caseload, and every time someone opened a participant’s record, in the
        order it happened. Entries name records, never what they say.
      </p>
      {problem && (
        <p className="body" role="alert">
          {problem}
        </p>
      )}
      <ErrorSummary errors={summaryOf(errors, IDS, null)} focusKey={failed} />
      <form
        noValidate
        onSubmit={(e) => void handleSubmit(search, () => setFailed((n) => n + 1))(e)}
      >
        <TextInput
          id={IDS.user}
          label="User’s name"
          error={errors.user?.message}
          {...register('user')}
        />
        <Select
          id={IDS.action}
          label="Kind of action"
          error={errors.action?.message}
          options={AREAS}
          {...register('action')}
        />
        <ControlledDateInput
          control={control}
          name="from"
          id={IDS.from}
          legend="From"
          error={errors.from?.message}
        />
        <ControlledDateInput
          control={control}
          name="to"
          id={IDS.to}
          legend="To"
          error={errors.to?.message}
        />
        <button type="submit" className="button">
          Show entries
        </button>
      </form>
      {page && (
        <>
          <p className="body" role="status">
            {page.total === 1 ? '1 entry' : `${page.total} entries`}
            {page.total > page.entries.length ? `; the latest ${page.entries.length} shown` : ''}
          </p>
          <button type="button" className="button button--secondary" onClick={prepareCsv}>
            Prepare a spreadsheet of these entries
          </button>
          {download && (
            <p className="body">
              <a className="link" href={download.url} download={download.name}>
                Download the spreadsheet (CSV)
              </a>
            </p>
          )}
          <table className="table">
            <caption className="visually-hidden">Audit entries</caption>
            <thead>
              <tr>
                <th scope="col" className="table__header">
                  When
                </th>
                <th scope="col" className="table__header">
                  Who
                </th>
                <th scope="col" className="table__header">
                  What
                </th>
              </tr>
            </thead>
            <tbody>
              {page.entries.map((e) => (
                <tr key={e.seq}>
                  <td className="table__cell">{formatInstant(e.at)}</td>
                  <td className="table__cell">{e.user}</td>
                  <td className="table__cell">{describeAction(e.action)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
