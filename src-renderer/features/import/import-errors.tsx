/**
 * The rows an import could not take, listed on screen: the line in the file, the referral
 * reference, the column and the reason in words, so the adviser can fix the file without
 * opening the downloaded report. The list scrolls in its own region at 200% zoom.
 */
import { useEffect, useState } from 'react';
import type { ImportRowError } from '@shared/ipc/channels/import';
import { call } from '../../api';

export function ImportErrors({ importId }: { importId: string }) {
  const [data, setData] = useState<{ total: number; shown: ImportRowError[] } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void call('import:errors', { importId }).then((r) => {
      if (!live) return;
      if (r.ok) setData(r.value);
      else setProblem(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [importId]);

  if (problem) return <p className="body">{problem}</p>;
  if (!data) return null;
  return (
    <section aria-labelledby="import-errors-title">
      <h3 className="heading-s" id="import-errors-title">
        What could not be imported, and why
      </h3>
      {data.total > data.shown.length && (
        <p className="body">
          The first {data.shown.length.toLocaleString('en-GB')} of{' '}
          {data.total.toLocaleString('en-GB')} problems. The error report below lists them all.
        </p>
      )}
      <div
        className="table-scroller"
        role="region"
        aria-label="Import problems, scrollable"
        // A region that scrolls must be reachable by keyboard to be scrolled (WCAG 2.1.1).
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
      >
        <table className="table import-errors">
          <caption className="visually-hidden">Problems by line of the file</caption>
          <thead className="table__head">
            <tr className="table__row">
              <th scope="col" className="table__header">
                Line
              </th>
              <th scope="col" className="table__header">
                Referral reference
              </th>
              <th scope="col" className="table__header">
                Column
              </th>
              <th scope="col" className="table__header">
                Problem
              </th>
            </tr>
          </thead>
          <tbody className="table__body">
            {data.shown.map((e, i) => (
              <tr className="table__row" key={`${e.row}-${e.field}-${i}`}>
                <td className="table__cell import-errors__wrap">{e.row}</td>
                <td className="table__cell import-errors__wrap">{e.referralId || 'Not given'}</td>
                <td className="table__cell import-errors__wrap">{e.field || 'The whole row'}</td>
                <td className="table__cell import-errors__wrap">{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
