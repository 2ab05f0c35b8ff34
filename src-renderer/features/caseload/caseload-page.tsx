/** The caseload: search as you type, filter by status and programme, sort, and open a person. */
import { useEffect, useState } from 'react';
import type { CaseloadSort } from '@shared/ipc/channels/caseload';
import {
  PROGRAMMES,
  STATUSES,
  type ParticipantStatus,
  type Programme,
} from '@shared/schemas/participant';
import { PageHeading } from '../../components/page-heading';
import { Select, TextInput } from '../../components/fields';
import { PROGRAMME_LABELS, STATUS_LABELS } from '../../labels';
import { hrefFor } from '../../app/router';
import { CaseloadTable } from './caseload-table';
import { useCaseloadSyncMarkers } from '../sync/use-caseload-sync-markers';
import { FirstRunPanel } from '../places/get-started-page';
import { useCaseloadPages, type CaseloadFilter } from './use-caseload-pages';
import { rememberView, rememberedView } from './first-rows';
import '../../styles/due-week.css';
import { DUE_FILTERS, type DueFilter } from '@shared/domain/charter/due-first';

const DUE_FILTER_LABELS: Record<DueFilter, string> = {
  overdue: 'Something overdue',
  'this-week': 'Something due this week',
};

export function countMessage(total: number, search: string): string {
  const people = `${total.toLocaleString('en-GB')} participant${total === 1 ? '' : 's'}`;
  return search.trim() ? `${people} found for “${search.trim()}”` : `${people} on your caseload`;
}

export function CaseloadPage() {
  const syncMarkers = useCaseloadSyncMarkers();
  const [search, setSearch] = useState(rememberedView.search);
  const [filter, setFilter] = useState<CaseloadFilter>(rememberedView.filter);
  const pages = useCaseloadPages(filter);

  useEffect(() => {
    rememberView({ search, filter });
  }, [search, filter]);

  const onSort = (sort: CaseloadSort) =>
    setFilter((f) => ({
      ...f,
      sort,
      direction: f.sort === sort && f.direction === 'asc' ? 'desc' : 'asc',
    }));

  const announced =
    pages.answered && pages.total !== null
      ? countMessage(pages.total, pages.answered.search ?? '')
      : '';

  return (
    <>
      <PageHeading>Caseload</PageHeading>
      <div className="filter-bar" role="search" aria-label="Search and filter the caseload">
        <div className="filter-bar__search">
          <TextInput
            id="caseload-search"
            type="search"
            label="Search"
            hint="Name, NI number, postcode or referral reference"
            autoComplete="off"
            spellCheck={false}
            value={search}
            onChange={(e) => {
              // Each keystroke asks at once, in the same render as the box's own update: the
              // in-memory index answers in a few milliseconds and an older query's answer is
              // dropped, while a debounce (P9 measured 120 ms) or a second render a frame later
              // was most of the time from a keystroke to new rows.
              const typed = e.target.value;
              setSearch(typed);
              setFilter((f) => ({ ...f, search: typed }));
            }}
          />
          {/* One Tab from the search box to the results, past the filters (WCAG 2.4.1). */}
          <a
            href="#caseload-results"
            className="link caseload-skip"
            onClick={(e) => {
              e.preventDefault();
              const results = document.getElementById('caseload-results');
              const firstLink = results?.querySelector<HTMLElement>('tbody a');
              (firstLink ?? results)?.focus();
            }}
          >
            Skip to results
          </a>
        </div>
        <Select
          id="filter-status"
          label="Status"
          value={filter.status ?? ''}
          onChange={(e) =>
            setFilter((f) => ({
              ...f,
              status: (e.target.value || undefined) as ParticipantStatus | undefined,
            }))
          }
          options={[
            { value: '', label: 'All statuses' },
            ...STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })),
          ]}
        />
        <Select
          id="filter-programme"
          label="Programme"
          value={filter.programme ?? ''}
          onChange={(e) =>
            setFilter((f) => ({
              ...f,
              programme: (e.target.value || undefined) as Programme | undefined,
            }))
          }
          options={[
            { value: '', label: 'All programmes' },
            ...PROGRAMMES.map((p) => ({ value: p, label: PROGRAMME_LABELS[p] })),
          ]}
        />
        <Select
          id="filter-due"
          label="What is due"
          value={filter.due ?? ''}
          onChange={(e) =>
            setFilter((f) => ({
              ...f,
              due: (e.target.value || undefined) as DueFilter | undefined,
            }))
          }
          options={[
            { value: '', label: 'Everyone' },
            ...DUE_FILTERS.map((d) => ({ value: d, label: DUE_FILTER_LABELS[d] })),
          ]}
        />
        {(search || filter.status || filter.programme || filter.due) && (
          <div className="form-group">
            <button
              type="button"
              className="button button--secondary filter-bar__clear"
              onClick={() => {
                setSearch('');
                setFilter((f) => ({
                  ...f,
                  search: '',
                  status: undefined,
                  programme: undefined,
                  due: undefined,
                }));
              }}
            >
              Clear filters
            </button>
          </div>
        )}
      </div>
      <p className="body result-count" role="status" aria-live="polite" aria-atomic="true">
        {announced}
      </p>
      {pages.problem && (
        <p className="error-message" role="alert">
          {pages.problem}
        </p>
      )}
      <FirstRunPanel />
      {pages.total === 0 ? (
        <p className="body">
          {filter.search || filter.status || filter.programme || filter.due ? (
            'No participants match. Try a different search or clear the filters.'
          ) : (
            <>
              Your caseload is empty.{' '}
              <a className="link" href={hrefFor({ name: 'add-referral' })}>
                Add a referral
              </a>{' '}
              or{' '}
              <a className="link" href={hrefFor({ name: 'import' })}>
                import a referral batch
              </a>
              .
            </>
          )}
        </p>
      ) : (
        pages.total !== null && (
          <CaseloadTable
            total={pages.total}
            rowAt={pages.rowAt}
            ensureRange={pages.ensureRange}
            sort={filter.sort ?? 'name'}
            direction={filter.direction ?? 'asc'}
            onSort={onSort}
            resetKey={JSON.stringify(filter)}
            syncMarkers={syncMarkers}
          />
        )
      )}
    </>
  );
}
