/**
 * Complaints for the manager who handles them: open ones first (overdue at the top), each with
 * its stage on the route and when the response is due, then closed ones. Opening this list is
 * recorded in the audit log (by the main process).
 */
import { useEffect, useState } from 'react';
import type { ComplaintView } from '@shared/ipc/channels/complaints';
import { call } from '../../api';
import { hrefFor } from '../../app/router';
import { takeFlash } from '../../app/flash';
import { PageHeading } from '../../components/page-heading';
import { NotificationBanner } from '../../components/notification-banner';
import { formatShortDate } from '../../labels';
import { CHANNEL_WORDS, STATE_COLOURS, STATE_WORDS } from './complaint-words';

const ORDER: Record<ComplaintView['state'], number> = {
  overdue: 0,
  'awaiting-response': 1,
  responded: 2,
  closed: 3,
};

export function ComplaintsPage() {
  const [complaints, setComplaints] = useState<ComplaintView[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [flash] = useState(takeFlash);

  useEffect(() => {
    let live = true;
    void call('complaints:list', {}).then((r) => {
      if (!live) return;
      if (r.ok) setComplaints(r.value);
      else setProblem(r.error.message);
    });
    return () => {
      live = false;
    };
  }, []);

  const sorted = [...(complaints ?? [])].sort(
    (a, b) => ORDER[a.state] - ORDER[b.state] || b.receivedOn.localeCompare(a.receivedOn),
  );

  return (
    <>
      {flash && (
        <NotificationBanner title="Done" success>
          <p className="body">{flash}</p>
        </NotificationBanner>
      )}
      <PageHeading focusOnMount={!flash}>Complaints</PageHeading>
      <p className="body">
        Every complaint follows the complaints route of its charter profile. Each stage has a
        response target in working days, not counting bank holidays.
      </p>
      <div className="button-group">
        <a className="button" href={hrefFor({ name: 'record-complaint' })}>
          Record a complaint
        </a>
        <a className="button button--secondary" href={hrefFor({ name: 'you-told-us' })}>
          You told us, we did
        </a>
      </div>
      {problem && <p className="error-message">{problem}</p>}
      {!complaints && !problem && (
        <p className="body" role="status">
          Loading complaints…
        </p>
      )}
      {complaints && complaints.length === 0 && (
        <p className="body">No complaints have been recorded.</p>
      )}
      {sorted.length > 0 && (
        <div className="table-scroller">
          <table className="table">
            <caption className="visually-hidden">Complaints, overdue first</caption>
            <thead>
              <tr>
                <th scope="col" className="table__header">
                  About
                </th>
                <th scope="col" className="table__header">
                  Received
                </th>
                <th scope="col" className="table__header">
                  Stage
                </th>
                <th scope="col" className="table__header">
                  Response due
                </th>
                <th scope="col" className="table__header">
                  Status
                </th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((c) => {
                const stage = c.stages.at(-1)!;
                return (
                  <tr key={c.id}>
                    <td className="table__cell">
                      <a className="link" href={hrefFor({ name: 'complaint', id: c.id })}>
                        {c.about}
                      </a>
                      {c.participantName && (
                        <span className="table__secondary"> from {c.participantName}</span>
                      )}
                    </td>
                    <td className="table__cell">
                      {formatShortDate(c.receivedOn)}
                      <span className="table__secondary">
                        {' '}
                        {CHANNEL_WORDS[c.channel as keyof typeof CHANNEL_WORDS] ?? ''}
                      </span>
                    </td>
                    <td className="table__cell">{stage.name}</td>
                    <td className="table__cell">
                      {c.closedOn
                        ? 'Closed'
                        : stage.respondedOn
                          ? 'Responded'
                          : stage.responseDue
                            ? formatShortDate(stage.responseDue)
                            : 'Their own timetable'}
                    </td>
                    <td className="table__cell">
                      <strong className={`tag tag--${STATE_COLOURS[c.state]}`}>
                        {STATE_WORDS[c.state]}
                      </strong>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
