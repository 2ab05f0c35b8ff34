/**
 * Retention on the participant page, for a manager: how long the records are kept and why, a
 * legal hold (placed or lifted with a reason), and a request to erase (UK GDPR Art. 17): where
 * the law lets the records be kept, the panel says why, and a manager may still erase with a
 * reason that is recorded. Erasing removes the person; the page then goes to the retention list.
 */
import { useEffect, useRef, useState } from 'react';
import type { ErasureGround, ParticipantRetention } from '@shared/ipc/channels/retention';
import { call } from '../../api';
import { useSession } from '../../app/session';
import { setFlash } from '../../app/flash';
import { navigate } from '../../app/router';
import { DateInput, toCivilDate } from '../../components/date-input';
import { ErrorSummary } from '../../components/error-summary';
import { Select, Textarea } from '../../components/fields';
import { formatDate } from '../../labels';

/** UK GDPR Art. 17(1) grounds, in words. */
export const GROUND_LABELS: Record<ErasureGround, string> = {
  'no-longer-necessary': 'The records are no longer needed for the reason they were collected',
  'consent-withdrawn': 'They withdrew their consent',
  objection: 'They object to how their records are used',
  'unlawfully-processed': 'The records were used unlawfully',
  'legal-obligation': 'The law requires the records to be erased',
};

export function RetentionPanel({ participantId }: { participantId: string }) {
  const { status } = useSession();
  const manager = status?.role === 'manager';
  const [info, setInfo] = useState<ParticipantRetention | null>(null);
  const [holdReason, setHoldReason] = useState('');
  // Today by the caseload's clock until the manager types a date (the status may arrive later).
  const [typed, setReceived] = useState<string | null>(null);
  const received = typed ?? status?.today ?? '';
  const [ground, setGround] = useState<ErasureGround>('consent-withdrawn');
  const [override, setOverride] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [errors, setErrors] = useState<{ targetId: string; message: string }[]>([]);
  const [failed, setFailed] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const confirmRef = useRef<HTMLHeadingElement>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);

  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (!manager) return;
    let live = true;
    void call('retention:participant', { participantId }).then((r) => {
      if (live && r.ok) setInfo(r.value);
    });
    return () => {
      live = false;
    };
  }, [manager, participantId, version]);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  if (!manager || !info) return null;

  const fail = (targetId: string, text: string) => {
    setErrors([{ targetId, message: text }]);
    setFailed((n) => n + 1);
  };
  const done = (text: string) => {
    setErrors([]);
    setMessage(text);
    setVersion((v) => v + 1);
    statusRef.current?.focus();
  };

  const placeHold = async () => {
    const r = await call('retention:placeHold', { participantId, reason: holdReason });
    if (!r.ok) return fail('hold-reason', r.error.message);
    setHoldReason('');
    done('Legal hold placed');
  };
  const liftHold = async () => {
    if (!info.hold) return;
    const r = await call('retention:liftHold', { holdId: info.hold.id, reason: holdReason });
    if (!r.ok) return fail('hold-reason', r.error.message);
    setHoldReason('');
    done('Legal hold lifted');
  };
  const erase = async () => {
    setConfirming(false);
    const r = await call('retention:eraseOnRequest', {
      participantId,
      requestedOn: toCivilDate(received),
      ground,
      ...(info.erasure.allowed ? {} : { overrideReason: override }),
    });
    if (!r.ok)
      return fail(
        r.error.field === 'requestedOn'
          ? 'erase-received'
          : r.error.field === 'overrideReason'
            ? 'erase-override'
            : 'erase-ground',
        r.error.message,
      );
    setFlash('The person’s records were erased');
    navigate({ name: 'retention' });
  };

  const errorFor = (id: string) => errors.find((e) => e.targetId === id)?.message;
  const canErase = info.erasure.allowed || info.erasure.overridable;

  return (
    <section className="summary-card" aria-labelledby="retention-title">
      <div className="summary-card__title-wrapper">
        <h2 className="summary-card__title" id="retention-title">
          Retention and erasure
        </h2>
      </div>
      <div className="summary-card__content">
        <ErrorSummary errors={errors} focusKey={failed} />
        <p className="body" role="status" tabIndex={-1} ref={statusRef}>
          {message ?? ''}
        </p>
        <p className="body">
          {info.retentionEndsOn
            ? `Left the programme on ${formatDate(info.exitDate!)}. The records are kept until ${formatDate(info.retentionEndsOn)}${info.pastRetention ? ', which has passed' : ''}.`
            : 'Still on the programme: the retention period starts when they leave.'}
        </p>
        <p className="hint">{info.retentionSource}</p>
        {info.anonymisedOn && (
          <p className="body">Anonymised on {formatDate(info.anonymisedOn)}.</p>
        )}

        <h3 className="heading-s">Legal hold</h3>
        <p className="body">
          {info.hold
            ? `Under a legal hold: ${info.hold.reason}. Placed by ${info.hold.placedBy}.`
            : 'Not under a legal hold.'}
        </p>
        <Textarea
          id="hold-reason"
          label={info.hold ? 'Why is the hold no longer needed?' : 'Reason for a legal hold'}
          hint={info.hold ? undefined : 'For example, an employment tribunal claim'}
          rows={2}
          value={holdReason}
          error={errorFor('hold-reason')}
          onChange={(e) => setHoldReason(e.target.value)}
        />
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void (info.hold ? liftHold() : placeHold())}
        >
          {info.hold ? 'Lift the legal hold' : 'Place a legal hold'}
        </button>

        <h3 className="heading-s">A request to erase their records</h3>
        {!info.erasure.allowed && (
          <div className="inset-text">
            <p className="body">
              <strong>The records may be kept.</strong> {info.erasure.reasons.join(' ')}
            </p>
          </div>
        )}
        {canErase && (
          <>
            <DateInput
              id="erase-received"
              legend="When was the request received?"
              hint="For example, 27 11 2026"
              value={received}
              error={errorFor('erase-received')}
              onChange={setReceived}
            />
            <Select
              id="erase-ground"
              label="Why did they ask?"
              options={Object.entries(GROUND_LABELS).map(([value, label]) => ({ value, label }))}
              value={ground}
              error={errorFor('erase-ground')}
              onChange={(e) => setGround(e.target.value as ErasureGround)}
            />
            {!info.erasure.allowed && (
              <Textarea
                id="erase-override"
                label="Your reason for erasing now (recorded in the audit log)"
                hint="Do not write the person’s name"
                rows={2}
                value={override}
                error={errorFor('erase-override')}
                onChange={(e) => setOverride(e.target.value)}
              />
            )}
            {confirming ? (
              <div className="inset-text" aria-labelledby="erase-confirm-title">
                <h4 className="heading-s" id="erase-confirm-title" tabIndex={-1} ref={confirmRef}>
                  Erase every record about this person?
                </h4>
                <p className="body">This cannot be undone.</p>
                <div className="button-group">
                  <button
                    type="button"
                    className="button button--warning"
                    onClick={() => void erase()}
                  >
                    Yes, erase 1 record
                  </button>
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() => setConfirming(false)}
                  >
                    Cancel
                  </button>
                </div>
              </div>
            ) : (
              <button
                type="button"
                className="button button--warning"
                onClick={() => setConfirming(true)}
              >
                {info.erasure.allowed ? 'Erase their records' : 'Erase anyway (manager override)'}
              </button>
            )}
          </>
        )}
      </div>
    </section>
  );
}
