/**
 * Retention for a manager: the records whose retention period has ended, to anonymise or delete
 * in bulk after a confirmation that names how many, and the legal holds that keep records past
 * it. The main process refuses any other role and re-checks every record it is asked to change.
 */
import { useEffect, useRef, useState } from 'react';
import type { LegalHoldView, RetentionAction, RetentionItem } from '@shared/ipc/channels/retention';
import { call } from '../../api';
import { takeFlash } from '../../app/flash';
import { PageHeading } from '../../components/page-heading';
import { ErrorSummary } from '../../components/error-summary';
import { NotificationBanner } from '../../components/notification-banner';
import { Textarea } from '../../components/fields';
import { formatDate, formatInstant } from '../../labels';

const records = (n: number) => (n === 1 ? '1 record' : `${n} records`);

/** What each action does, said before the manager confirms it. */
export const ACTION_WORDS: Record<
  RetentionAction,
  { button: string; verb: string; done: string; explain: string }
> = {
  anonymise: {
    button: 'Anonymise selected',
    verb: 'anonymise',
    done: 'anonymised',
    explain:
      'Names, National Insurance numbers, dates of birth, addresses, phone numbers, email addresses, notes and other words written about each person are removed. The programme, the referral, start and exit dates and what was done when stay, so performance figures do not change.',
  },
  delete: {
    button: 'Delete selected',
    verb: 'delete',
    done: 'deleted',
    explain:
      'Every record about each person is removed: their details, plans (agreed versions too), meetings, notes, contacts, claims, referrals, decisions, calculations, letters and appointments. This cannot be undone. The audit log keeps only that records were deleted, not whose.',
  },
};

export function RetentionPage() {
  const [items, setItems] = useState<RetentionItem[] | null>(null);
  const [holds, setHolds] = useState<LegalHoldView[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [confirming, setConfirming] = useState<RetentionAction | null>(null);
  const [banner, setBanner] = useState<string | null>(() => takeFlash());
  const [error, setError] = useState<string | null>(null);
  const [failed, setFailed] = useState(0);
  const [busy, setBusy] = useState(false);
  const confirmHeading = useRef<HTMLHeadingElement>(null);

  const [version, setVersion] = useState(0);
  const reload = () => setVersion((v) => v + 1);

  useEffect(() => {
    let live = true;
    void Promise.all([call('retention:list', {}), call('retention:holds', {})]).then(
      ([list, held]) => {
        if (!live) return;
        if (!list.ok) return setProblem(list.error.message);
        if (!held.ok) return setProblem(held.error.message);
        setProblem(null);
        setItems(list.value);
        setHolds(held.value);
        setChosen(
          (c) => new Set([...c].filter((id) => list.value.some((i) => i.participantId === id))),
        );
      },
    );
    return () => {
      live = false;
    };
  }, [version]);

  useEffect(() => {
    if (confirming) confirmHeading.current?.focus();
  }, [confirming]);

  const ask = (action: RetentionAction) => {
    setBanner(null);
    if (chosen.size === 0) {
      setError('Choose at least one record');
      setFailed((n) => n + 1);
      return;
    }
    setError(null);
    setConfirming(action);
  };

  const apply = async (action: RetentionAction) => {
    setBusy(true);
    const r = await call('retention:apply', { action, participantIds: [...chosen] });
    setBusy(false);
    setConfirming(null);
    if (!r.ok) {
      setError(r.error.message);
      setFailed((n) => n + 1);
      return;
    }
    setChosen(new Set());
    setBanner(`${records(r.value.count)} ${ACTION_WORDS[action].done}`);
    reload();
  };

  if (problem)
    return (
      <>
        <PageHeading>Retention and erasure</PageHeading>
        <p className="body" role="alert">
          {problem}
        </p>
      </>
    );

  const all = items !== null && items.length > 0 && chosen.size === items.length;
  const toggle = (id: string) =>
    setChosen((c) => {
      const next = new Set(c);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <>
      {banner && (
        <NotificationBanner title="Success" success>
          <p className="notification-banner__heading">{banner}</p>
        </NotificationBanner>
      )}
      <PageHeading>Retention and erasure</PageHeading>
      <p className="body">
        Records are kept for the period the participant’s charter profile sets after they leave the
        programme (six years unless your organisation set another). Once it has ended, anonymise or
        delete them. A record under a legal hold is not listed until the hold is lifted.
      </p>
      <ErrorSummary
        errors={error ? [{ targetId: 'retention-select-all', message: error }] : []}
        focusKey={failed}
      />

      <h2 className="heading-m">Records past their retention period</h2>
      {items === null ? (
        <p className="body" role="status">
          Loading…
        </p>
      ) : items.length === 0 ? (
        <p className="body">No records are past their retention period.</p>
      ) : (
        <>
          <div className="checkboxes__item">
            <input
              id="retention-select-all"
              type="checkbox"
              className="choice__input"
              checked={all}
              onChange={() =>
                setChosen(all ? new Set() : new Set(items.map((i) => i.participantId)))
              }
            />
            <label className="label choice__label" htmlFor="retention-select-all">
              Select all {records(items.length)}
            </label>
          </div>
          <table className="table">
            <caption className="visually-hidden">Records past their retention period</caption>
            <thead>
              <tr>
                <th scope="col" className="table__header">
                  <span className="visually-hidden">Select</span>
                </th>
                <th scope="col" className="table__header">
                  Name
                </th>
                <th scope="col" className="table__header">
                  Referral
                </th>
                <th scope="col" className="table__header">
                  Left the programme
                </th>
                <th scope="col" className="table__header">
                  Retention ended
                </th>
                <th scope="col" className="table__header">
                  Anonymised
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr key={i.participantId}>
                  <td className="table__cell">
                    <input
                      id={`retention-${i.participantId}`}
                      type="checkbox"
                      className="choice__input"
                      aria-label={`Select ${i.name}`}
                      checked={chosen.has(i.participantId)}
                      onChange={() => toggle(i.participantId)}
                    />
                  </td>
                  <td className="table__cell">{i.name}</td>
                  <td className="table__cell">{i.referralId}</td>
                  <td className="table__cell">{formatDate(i.exitDate)}</td>
                  <td className="table__cell">{formatDate(i.retentionEndsOn)}</td>
                  <td className="table__cell">
                    {i.anonymisedOn ? formatDate(i.anonymisedOn) : 'No'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="body" role="status">
            {chosen.size === 0 ? 'No records selected' : `${records(chosen.size)} selected`}
          </p>
          {confirming ? (
            <div className="inset-text" aria-labelledby="retention-confirm-title">
              <h3
                className="heading-s"
                id="retention-confirm-title"
                tabIndex={-1}
                ref={confirmHeading}
              >
                {ACTION_WORDS[confirming].verb === 'delete' ? 'Delete' : 'Anonymise'}{' '}
                {records(chosen.size)}?
              </h3>
              <p className="body">{ACTION_WORDS[confirming].explain}</p>
              <div className="button-group">
                <button
                  type="button"
                  className={`button${confirming === 'delete' ? ' button--warning' : ''}`}
                  disabled={busy}
                  onClick={() => void apply(confirming)}
                >
                  Yes, {ACTION_WORDS[confirming].verb} {records(chosen.size)}
                </button>
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => setConfirming(null)}
                >
                  Cancel
                </button>
              </div>
            </div>
          ) : (
            <div className="button-group">
              <button type="button" className="button" onClick={() => ask('anonymise')}>
                {ACTION_WORDS.anonymise.button}
              </button>
              <button
                type="button"
                className="button button--warning"
                onClick={() => ask('delete')}
              >
                {ACTION_WORDS.delete.button}
              </button>
            </div>
          )}
        </>
      )}

      <h2 className="heading-m">Legal holds</h2>
      <p className="body">
        A legal hold keeps a person’s records, past their retention period, while they are needed
        for a claim, an investigation or an audit. Place one from the person’s page.
      </p>
      {holds.length === 0 ? (
        <p className="body">No records are under a legal hold.</p>
      ) : (
        <ul className="list">
          {holds.map((h) => (
            <HoldItem
              key={h.id}
              hold={h}
              onLifted={(msg) => {
                setBanner(msg);
                reload();
              }}
            />
          ))}
        </ul>
      )}
    </>
  );
}

/** One hold, with a form to lift it that asks why. */
export function HoldItem({
  hold,
  onLifted,
}: {
  hold: LegalHoldView;
  onLifted: (message: string) => void;
}) {
  const [lifting, setLifting] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = `lift-${hold.id}`;
  const field = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (lifting) field.current?.focus();
  }, [lifting]);

  const lift = async () => {
    const r = await call('retention:liftHold', { holdId: hold.id, reason });
    if (!r.ok) {
      setError(r.error.message);
      field.current?.focus();
      return;
    }
    onLifted(`Legal hold on ${hold.participantName}’s records lifted`);
  };

  return (
    <li className="summary-card">
      <div className="summary-card__content">
        <p className="body">
          <strong>{hold.participantName}</strong>: {hold.reason}. Placed by {hold.placedBy},{' '}
          {formatInstant(hold.placedAt)}.
        </p>
        {lifting ? (
          <>
            <Textarea
              id={id}
              ref={field}
              label="Why is the hold no longer needed?"
              rows={2}
              value={reason}
              error={error ?? undefined}
              onChange={(e) => setReason(e.target.value)}
            />
            <div className="button-group">
              <button type="button" className="button" onClick={() => void lift()}>
                Lift the hold
              </button>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => setLifting(false)}
              >
                Cancel
              </button>
            </div>
          </>
        ) : (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setLifting(true)}
          >
            Lift the hold{' '}
            <span className="visually-hidden">on {hold.participantName}’s records</span>
          </button>
        )}
      </div>
    </li>
  );
}
