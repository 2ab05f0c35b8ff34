/**
 * "You told us, we did": the changes made because of complaints and feedback, each with what lay
 * behind it, and the waiting-room poster (large type, no personal data) to print.
 */
import { useEffect, useState } from 'react';
import type { YouToldUsEntry } from '@shared/ipc/channels/you-told-us';
import { call } from '../../api';
import { hrefFor } from '../../app/router';
import { takeFlash } from '../../app/flash';
import { PageHeading } from '../../components/page-heading';
import { NotificationBanner } from '../../components/notification-banner';
import { formatDate } from '../../labels';
import { PdfActions } from '../letters/document-actions';

export function YouToldUsPage() {
  const [entries, setEntries] = useState<YouToldUsEntry[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [flash] = useState(takeFlash);

  useEffect(() => {
    let live = true;
    void call('youToldUs:list', {}).then((r) => {
      if (!live) return;
      if (r.ok) setEntries(r.value);
      else setProblem(r.error.message);
    });
    return () => {
      live = false;
    };
  }, []);

  return (
    <>
      <p className="body">
        <a className="back-link" href={hrefFor({ name: 'complaints' })}>
          Back to complaints
        </a>
      </p>
      {flash && (
        <NotificationBanner title="Done" success>
          <p className="body">{flash}</p>
        </NotificationBanner>
      )}
      <PageHeading focusOnMount={!flash}>You told us, we did</PageHeading>
      <p className="body">
        The changes we made because of complaints and feedback. The poster for the waiting room
        shows what people told us and what we did, in large print, and never anyone’s name.
      </p>
      <p className="body">
        <a className="button" href={hrefFor({ name: 'you-told-us-new' })}>
          Add a change
        </a>
      </p>
      {problem && <p className="error-message">{problem}</p>}
      {!entries && !problem && (
        <p className="body" role="status">
          Loading…
        </p>
      )}
      {entries && entries.length === 0 && <p className="body">No changes recorded yet.</p>}
      {entries && entries.length > 0 && (
        <>
          <ul className="list you-told-us">
            {entries.map((e) => (
              <li key={e.id} className="summary-card">
                <h2 className="heading-s">Changed {formatDate(e.changedOn)}</h2>
                <dl className="summary-list">
                  <div className="summary-list__row">
                    <dt className="summary-list__key">You told us</dt>
                    <dd className="summary-list__value">{e.said}</dd>
                  </div>
                  <div className="summary-list__row">
                    <dt className="summary-list__key">We did</dt>
                    <dd className="summary-list__value">{e.did}</dd>
                  </div>
                  <div className="summary-list__row">
                    <dt className="summary-list__key">Because of</dt>
                    <dd className="summary-list__value">
                      <ul className="list">
                        {e.sources.map((s) => (
                          <li key={`${s.kind}:${s.id}`}>
                            {s.kind === 'complaint' ? (
                              <a className="link" href={hrefFor({ name: 'complaint', id: s.id })}>
                                {s.label}
                              </a>
                            ) : (
                              s.label
                            )}
                          </li>
                        ))}
                      </ul>
                    </dd>
                  </div>
                </dl>
                <p className="body">
                  <a className="link" href={hrefFor({ name: 'you-told-us-edit', id: e.id })}>
                    Change
                    <span className="visually-hidden"> the entry of {formatDate(e.changedOn)}</span>
                  </a>
                </p>
              </li>
            ))}
          </ul>
          <h2 className="heading-m">Poster for the waiting room</h2>
          <PdfActions
            label="“You told us, we did” poster"
            run={(action) => call('youToldUs:poster', { action })}
          />
        </>
      )}
    </>
  );
}
