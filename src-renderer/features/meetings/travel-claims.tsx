/** Travel claims for an attended meeting (R12): make one, then approve, pay or reject it. */
import { useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { TRAVEL_MODES, formatPence, parsePounds } from '@shared/domain/travel-claims';
import {
  travelClaimSchema,
  type TravelClaim,
  type TravelClaimInput,
} from '@shared/schemas/meeting';
import { call } from '../../api';
import { ErrorSummary } from '../../components/error-summary';
import { Choice, Select, TextInput } from '../../components/fields';
import { schemaResolver, summaryOf } from '../../components/form-support';
import { CLAIM_STATUS_LABELS, MODE_LABELS } from './meeting-labels';
import { withTypedWords } from './typed-words';

/** The form's boxes, named as the schema names them (the amount is typed in pounds). */
interface Values {
  mode: string;
  amountPence: string;
  receiptSeen: boolean;
}

const POUNDS_WORDS = 'Enter the amount in pounds, like 4.80';

export function TravelClaims({
  appointmentId,
  claims,
  onSaved,
}: {
  appointmentId: string;
  claims: TravelClaim[];
  onSaved(): void;
}) {
  const key = appointmentId.slice(-8);
  const IDS = {
    mode: `claim-mode-${key}`,
    amountPence: `claim-amount-${key}`,
    receiptSeen: `claim-receipt-${key}`,
  };
  const {
    register,
    handleSubmit,
    setError,
    resetField,
    getValues,
    formState: { errors, isSubmitting },
  } = useForm<Values, unknown, TravelClaimInput>({
    resolver: withTypedWords(
      schemaResolver<Values, TravelClaimInput>(
        travelClaimSchema,
        (v) => ({
          appointmentId,
          mode: v.mode,
          amountPence: v.amountPence.trim() ? (parsePounds(v.amountPence) ?? undefined) : undefined,
          receiptSeen: v.receiptSeen,
        }),
        [],
      ),
      (v) => ({
        amountPence: !!v.amountPence.trim() && parsePounds(v.amountPence) === null && POUNDS_WORDS,
      }),
    ),
    defaultValues: { mode: 'bus', amountPence: '', receiptSeen: false },
    shouldFocusError: false,
  });
  const [reason, setReason] = useState('');
  const [failed, setFailed] = useState(0);
  const [general, setGeneral] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  const fail = (field: string | undefined, message: string) => {
    if (field && field in IDS) setError(field as keyof Values, { type: 'server', message });
    else setGeneral(message);
    setFailed((n) => n + 1);
  };

  const onValid = async (values: TravelClaimInput) => {
    setGeneral(null);
    const r = await call('meetings:claimTravel', values);
    if (!r.ok) return fail(r.error.field, r.error.message);
    resetField('amountPence');
    onSaved();
    // The new claim is listed under the heading: the adviser hears where they are.
    heading.current?.focus();
  };

  const move = async (c: TravelClaim, status: 'approved' | 'paid' | 'rejected') => {
    const r = await call('meetings:claimStatus', {
      claimId: c.id,
      expectedVersion: c.version,
      status,
      receiptSeen: status === 'approved' ? c.receiptSeen || getValues('receiptSeen') : undefined,
      reason: status === 'rejected' ? reason : '',
    });
    if (!r.ok) return fail(undefined, r.error.message);
    setGeneral(null);
    onSaved();
    // The button pressed goes with the old status: focus the heading over the changed list,
    // not the page.
    heading.current?.focus();
  };

  return (
    <div className="meeting-subform">
      <h4 className="heading-s" tabIndex={-1} ref={heading}>
        Travel claims
      </h4>
      <ErrorSummary errors={summaryOf(errors, IDS, general)} focusKey={failed} />
      {claims.length > 0 && (
        <ul className="list meeting-claims">
          {claims.map((c) => (
            <li key={c.id}>
              {formatPence(c.amountPence)} by {MODE_LABELS[c.mode].toLowerCase()}:{' '}
              <strong>{CLAIM_STATUS_LABELS[c.status]}</strong>
              {c.reason ? ` (${c.reason})` : ''}
              {c.status === 'claimed' && (
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => void move(c, 'approved')}
                >
                  Approve
                  <span className="visually-hidden"> {formatPence(c.amountPence)} claim</span>
                </button>
              )}
              {c.status === 'approved' && (
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => void move(c, 'paid')}
                >
                  Mark paid
                  <span className="visually-hidden"> {formatPence(c.amountPence)} claim</span>
                </button>
              )}
              {(c.status === 'claimed' || c.status === 'approved') && (
                <button
                  type="button"
                  className="button button--warning button--small"
                  onClick={() => void move(c, 'rejected')}
                >
                  Reject<span className="visually-hidden"> {formatPence(c.amountPence)} claim</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {claims.some((c) => c.status === 'claimed' || c.status === 'approved') && (
        <TextInput
          id={`claim-reason-${key}`}
          label="Reason, if you reject a claim"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      )}
      <form
        onSubmit={(e) => void handleSubmit(onValid, () => setFailed((n) => n + 1))(e)}
        noValidate
        aria-label="Add a travel claim"
      >
        <div className="meeting-row">
          <Select
            id={IDS.mode}
            label="How they travelled"
            error={errors.mode?.message}
            options={TRAVEL_MODES.map((m) => ({ value: m, label: MODE_LABELS[m] }))}
            {...register('mode')}
          />
          <TextInput
            id={IDS.amountPence}
            label="Amount (£)"
            width="5"
            inputMode="decimal"
            error={errors.amountPence?.message}
            {...register('amountPence')}
          />
        </div>
        <div className="checkboxes">
          <Choice
            type="checkbox"
            id={IDS.receiptSeen}
            label="I have seen the ticket or receipt"
            {...register('receiptSeen')}
          />
        </div>
        <button type="submit" className="button button--secondary" disabled={isSubmitting}>
          Add claim
        </button>
      </form>
    </div>
  );
}
