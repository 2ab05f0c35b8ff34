/**
 * The caseload as a real <table>, virtualised: only the rows in view (plus a margin) are in the
 * DOM, with spacer rows above and below keeping the scroll height. aria-rowcount and
 * aria-rowindex tell assistive technology where each rendered row sits in the whole list.
 */
import { memo, useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { CaseloadPageRow as CaseloadRow, CaseloadSort } from '@shared/ipc/channels/caseload';
import type { CaseloadSyncMarker } from '@shared/ipc/channels/sync';
import { formatNiNumber } from '@shared/domain/identity/ni-number';
import { hrefFor } from '../../app/router';
import { PROGRAMME_LABELS, formatShortDate, formatShortInstant } from '../../labels';
import { StatusTag } from '../../components/status-tag';

export const ROW_HEIGHT = 48;

interface Column {
  label: string;
  sort?: CaseloadSort;
  className?: string;
}

const COLUMNS: Column[] = [
  { label: 'Name', sort: 'name', className: 'col-name' },
  { label: 'NI number', className: 'col-ni' },
  { label: 'Next due', className: 'col-due' },
  { label: 'Overdue', className: 'col-overdue' },
  { label: 'Referral date', sort: 'referralDate', className: 'col-date' },
  { label: 'Status', sort: 'status', className: 'col-status' },
  { label: 'Programme', sort: 'programme', className: 'col-programme' },
  { label: 'Postcode', sort: 'postcode', className: 'col-postcode' },
  { label: 'Updated', sort: 'updatedAt', className: 'col-updated' },
];

interface CaseloadTableProps {
  total: number;
  rowAt(index: number): CaseloadRow | undefined;
  ensureRange(start: number, end: number): void;
  sort: CaseloadSort;
  direction: 'asc' | 'desc';
  onSort(sort: CaseloadSort): void;
  /** Expected height of the scrolling area in pixels, until it is measured. */
  height?: number;
  /** Changes when the query changes, to scroll back to the top without remounting. */
  resetKey?: string;
  /** Participants with changes not yet on the service, by id (one read for the whole table). */
  syncMarkers?: ReadonlyMap<string, CaseloadSyncMarker>;
}

/** A short marker after the name: the worst sync state of the participant's records, if any. */
export function syncMarkerWords(m: CaseloadSyncMarker | undefined): string | null {
  if (!m) return null;
  if (m.conflicts > 0) return 'Sync conflict';
  if (m.quarantined > 0) return 'Change refused';
  if (m.pending > 0) return 'Not synced yet';
  return null;
}

/**
 * One row's cells. Memoised: while the table scrolls, rows that stay in view are not rendered
 * again (the table itself is not compiled by the React Compiler: see useVirtualizer).
 */
const Cells = memo(function Cells({ row, sync }: { row: CaseloadRow; sync?: CaseloadSyncMarker }) {
  const marker = syncMarkerWords(sync);
  return (
    <>
      <td className="table__cell col-name">
        <a className="link" href={hrefFor({ name: 'participant', id: row.id })}>
          {row.name}
        </a>
        {row.preferredName && (
          <span className="table__secondary"> (known as {row.preferredName})</span>
        )}
        {marker && (
          <>
            {' '}
            <strong
              className={`tag ${sync!.conflicts > 0 || sync!.quarantined > 0 ? 'tag--red' : 'tag--grey'}`}
            >
              {marker}
            </strong>
          </>
        )}
      </td>
      <td className="table__cell col-ni">{formatNiNumber(row.niNumber)}</td>
      <td className="table__cell col-due">
        {row.due?.nextDue ? formatShortDate(row.due.nextDue) : 'Nothing open'}
      </td>
      <td className="table__cell col-overdue">
        {row.due && row.due.overdue > 0 ? (
          <strong className="tag tag--red">{row.due.overdue} overdue</strong>
        ) : (
          'None'
        )}
      </td>
      <td className="table__cell col-date">{formatShortDate(row.referralDate)}</td>
      <td className="table__cell col-status">
        <StatusTag status={row.status} />
      </td>
      <td className="table__cell col-programme">{PROGRAMME_LABELS[row.programme]}</td>
      <td className="table__cell col-postcode">{row.postcode}</td>
      <td className="table__cell col-updated">{formatShortInstant(row.updatedAt)}</td>
    </>
  );
});

export function CaseloadTable({
  total,
  rowAt,
  ensureRange,
  sort,
  direction,
  onSort,
  height = 560,
  resetKey,
  syncMarkers,
}: CaseloadTableProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    // A few rows beyond the view: enough for a key press or a wheel step to find rows drawn, few
    // enough that a fast scroll renders little more than a screenful a frame.
    overscan: 5,
    initialRect: { width: 1000, height },
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;

  useEffect(() => {
    scroller.current?.scrollTo?.({ top: 0 });
  }, [resetKey]);

  useEffect(() => {
    if (last >= first) ensureRange(first, last);
  }, [first, last, ensureRange]);

  const before = items[0]?.start ?? 0;
  const after = items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;

  return (
    <div
      className="table-scroller"
      id="caseload-results"
      ref={scroller}
      role="region"
      tabIndex={-1}
      aria-label="Caseload table, scrollable"
    >
      <table className="table caseload-table" aria-rowcount={total + 1}>
        <caption className="visually-hidden">
          Your caseload. Column headers with buttons are sortable.
        </caption>
        <thead className="table__head">
          <tr className="table__row" aria-rowindex={1}>
            {COLUMNS.map((c) => {
              const active = c.sort === sort;
              return (
                <th
                  key={c.label}
                  scope="col"
                  className={`table__header ${c.className ?? ''}`}
                  aria-sort={
                    c.sort
                      ? active
                        ? direction === 'asc'
                          ? 'ascending'
                          : 'descending'
                        : 'none'
                      : undefined
                  }
                >
                  {c.sort ? (
                    <button type="button" className="sort-button" onClick={() => onSort(c.sort!)}>
                      {c.label}
                      <span className="sort-button__icon" aria-hidden="true">
                        {active ? (direction === 'asc' ? '▲' : '▼') : '⇅'}
                      </span>
                    </button>
                  ) : (
                    c.label
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="table__body">
          {before > 0 && (
            <tr aria-hidden="true" className="table__spacer">
              <td colSpan={COLUMNS.length} style={{ height: before }} />
            </tr>
          )}
          {items.map((item) => {
            const row = rowAt(item.index);
            return (
              <tr
                key={row?.id ?? `loading-${item.index}`}
                className="table__row"
                aria-rowindex={item.index + 2}
                style={{ height: ROW_HEIGHT }}
              >
                {row ? (
                  <Cells row={row} sync={syncMarkers?.get(row.id)} />
                ) : (
                  <td className="table__cell table__loading" colSpan={COLUMNS.length}>
                    Loading…
                  </td>
                )}
              </tr>
            );
          })}
          {after > 0 && (
            <tr aria-hidden="true" className="table__spacer">
              <td colSpan={COLUMNS.length} style={{ height: after }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
