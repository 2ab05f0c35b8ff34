/**
 * "This computer and the service": connect with a code, see which service and organisation this
 * computer belongs to, sync now and hear the result, and see what is waiting to go, by kind of
 * record. Every figure comes from the main process's status, read from the database.
 */
import { useEffect, useState, type ReactNode } from 'react';
import type { SyncNowResult } from '@shared/ipc/channels/sync';
import { call } from '../../api';
import { hrefFor } from '../../app/router';
import { PageHeading } from '../../components/page-heading';
import { ErrorSummary } from '../../components/error-summary';
import { NotificationBanner } from '../../components/notification-banner';
import { EnrolForm } from './enrol-form';
import { refreshSyncStatus, setSyncStatus, useSyncStatus } from './sync-status-store';
import { changesInWords, headerState, lastSyncedInWords, whenInWords } from './sync-words';
import './sync.css';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="summary-list__row">
      <dt className="summary-list__key">{label}</dt>
      <dd className="summary-list__value">{children}</dd>
    </div>
  );
}

/** What a finished run means for the adviser, from the status after it. */
export function syncOutcomeMessage(result: SyncNowResult): string {
  const s = result.status;
  const parts = [lastSyncedInWords(s) + '.'];
  if (s.pending > 0) parts.push(`${changesInWords(s.pending)} still waiting.`);
  if (s.conflicts > 0)
    parts.push(
      s.conflicts === 1
        ? '1 conflict needs you to choose a value.'
        : `${s.conflicts} conflicts need you to choose a value.`,
    );
  if (s.quarantined > 0)
    parts.push(
      s.quarantined === 1
        ? '1 change was refused by the service.'
        : `${s.quarantined} changes were refused by the service.`,
    );
  return parts.join(' ');
}

interface Outcome {
  n: number;
  ok: boolean;
  title: string;
  message: string;
}

export function SyncSettingsPage() {
  const status = useSyncStatus();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [running, setRunning] = useState(false);

  useEffect(() => {
    void refreshSyncStatus();
  }, []);

  const show = (ok: boolean, title: string, message: string) =>
    setOutcome((o) => ({ n: (o?.n ?? 0) + 1, ok, title, message }));

  const syncNow = async () => {
    setRunning(true);
    const result = await call('sync:now', {});
    setRunning(false);
    if (!result.ok) return show(false, 'Sync did not run', result.error.message);
    setSyncStatus(result.value.status);
    if (result.value.ok) show(true, 'Sync finished', syncOutcomeMessage(result.value));
    else
      show(
        false,
        'Sync did not finish',
        `${result.value.message ?? 'The service did not answer'}. Your changes are kept on this computer.`,
      );
  };

  const enrolled = (result: SyncNowResult) => {
    setSyncStatus(result.status);
    const org = result.status.organisationName ?? 'the service';
    if (result.ok)
      show(
        true,
        'Connected',
        `This computer is now connected to ${org}. ${syncOutcomeMessage(result)}`,
      );
    else
      show(
        false,
        'Connected, but the first sync did not finish',
        `${result.message ?? 'The service did not answer'}. Waymark will try again by itself.`,
      );
  };

  if (!status)
    return (
      <>
        <PageHeading>This computer and the service</PageHeading>
        <p className="body" role="status">
          Loading…
        </p>
      </>
    );

  const state = headerState(status);
  return (
    <div className="grid-two-thirds">
      {outcome && !outcome.ok && (
        <ErrorSummary
          key={outcome.n}
          errors={[{ message: `${outcome.title}: ${outcome.message}` }]}
          focusKey={outcome.n}
        />
      )}
      {outcome?.ok && (
        <NotificationBanner key={outcome.n} success title={outcome.title}>
          <p className="notification-banner__heading">{outcome.message}</p>
        </NotificationBanner>
      )}
      <PageHeading focusOnMount={!outcome}>This computer and the service</PageHeading>

      {status.revoked && (
        <div className="warning-panel" role="region" aria-labelledby="sync-revoked-title">
          <h2 className="heading-m" id="sync-revoked-title">
            This computer has been removed from the service
          </h2>
          <p className="body">
            Your organisation has withdrawn this computer’s access, so it can no longer send or
            receive changes.
            {status.pending > 0
              ? ` ${changesInWords(status.pending)} made here could not be sent. ${status.pending === 1 ? 'It is' : 'They are'} kept on this computer.`
              : ''}{' '}
            Speak to your manager before you do anything else with this caseload.
          </p>
        </div>
      )}

      {!status.enrolled ? (
        <>
          <p className="body">
            Connect this computer to your organisation’s service so that your records are kept
            safely there and your manager and cover advisers can see your caseload. You keep working
            offline; Waymark sends your changes when it can.
          </p>
          <h2 className="heading-m">Connect to the service</h2>
          <EnrolForm onEnrolled={enrolled} />
        </>
      ) : (
        <>
          <dl className="summary-list">
            <Row label="Status">
              {state.label}
              {state.detail ? `: ${state.detail}` : ''}
            </Row>
            <Row label="Last synced">{lastSyncedInWords(status).replace(/^Last synced /, '')}</Row>
            <Row label="Organisation">{status.organisationName ?? 'Not known yet'}</Row>
            <Row label="Service address">
              <span className="sync-break">{status.serverUrl}</span>
            </Row>
            <Row label="Connected as">{status.adviserName ?? 'Not known yet'}</Row>
            {status.lastAttemptAt && (
              <Row label="Last tried">{whenInWords(status.lastAttemptAt)}</Row>
            )}
          </dl>

          {status.clockMessage && (
            <div className="inset-text" role="note">
              {status.clockMessage}
            </div>
          )}
          {status.problem && !status.revoked && (
            <div className="inset-text">
              <p className="body">The last sync did not finish: {status.problem}</p>
            </div>
          )}
          {status.conflicts > 0 && (
            <p className="body">
              <a className="link" href={hrefFor({ name: 'sync-conflicts' })}>
                {status.conflicts === 1
                  ? 'Resolve 1 conflict'
                  : `Resolve ${status.conflicts} conflicts`}
              </a>
            </p>
          )}

          {!status.revoked && (
            <button
              type="button"
              className="button"
              disabled={running}
              onClick={() => void syncNow()}
            >
              {running ? 'Syncing…' : 'Sync now'}
            </button>
          )}

          <h2 className="heading-m">Waiting to sync</h2>
          {status.pending === 0 ? (
            <p className="body">
              Nothing is waiting. Every change made here has reached the service.
            </p>
          ) : (
            <>
              <p className="body">
                {changesInWords(status.pending)} made on this computer have not reached the service
                yet
                {status.pendingSince ? ` (the oldest ${whenInWords(status.pendingSince)})` : ''}.
              </p>
              <table className="sync-table">
                <caption className="visually-hidden">
                  Changes waiting to sync, by kind of record
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Kind of record</th>
                    <th scope="col" className="sync-table__numeric">
                      Changes
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {status.waiting.map((w) => (
                    <tr key={w.kind}>
                      <th scope="row">{w.kind}</th>
                      <td className="sync-table__numeric">{w.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          {status.quarantined > 0 && (
            <>
              <h2 className="heading-m">Refused by the service</h2>
              <p className="body">
                {status.quarantined === 1
                  ? '1 change was refused by the service. It is kept on this computer and does not hold up your other changes.'
                  : `${status.quarantined} changes were refused by the service. They are kept on this computer and do not hold up your other changes.`}{' '}
                Tell your manager so they can check it.
              </p>
            </>
          )}
        </>
      )}
    </div>
  );
}
