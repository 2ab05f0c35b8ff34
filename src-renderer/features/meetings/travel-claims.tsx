/** Travel claims for an attended meeting (R12): make one, then approve, pay or reject it. */
import { useState, type FormEvent } from 'react';
import {
  TRAVEL_MODES,
  formatPence,
  parsePounds,
  type TravelMode,
} from '@shared/domain/travel-claims';
import type { TravelClaim } from '@shared/schemas/meeting';
import type { IpcError } from '@shared/ipc/result';
import { call } from '../../api';
import { Choice, Select, TextInput } from '../../components/fields';
import { CLAIM_STATUS_LABELS, MODE_LABELS } from './meeting-labels';
import { FormProblem } from './form-problem';

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
  const [mode, setMode] = useState<TravelMode>('bus');
  const [amount, setAmount] = useState('');
  const [receipt, setReceipt] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<Pick<IpcError, 'message'> | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const pence = parsePounds(amount);
    if (pence === null) return setProblem({ message: 'Enter the amount in pounds, like 4.80' });
    const r = await call('meetings:claimTravel', {
      appointmentId,
      mode,
      amountPence: pence,
      receiptSeen: receipt,
    });
    if (!r.ok) return setProblem(r.error);
    setProblem(null);
    setAmount('');
    onSaved();
  };

  const move = async (c: TravelClaim, status: 'approved' | 'paid' | 'rejected') => {
    const r = await call('meetings:claimStatus', {
      claimId: c.id,
      expectedVersion: c.version,
      status,
      receiptSeen: status === 'approved' ? c.receiptSeen || receipt : undefined,
      reason: status === 'rejected' ? reason : '',
    });
    if (!r.ok) return setProblem(r.error);
    setProblem(null);
    onSaved();
  };

  return (
    <div className="meeting-subform">
      <h4 className="heading-s">Travel claims</h4>
      <FormProblem problem={problem} />
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
      <form onSubmit={submit} noValidate aria-label="Add a travel claim">
        <div className="meeting-row">
          <Select
            id={`claim-mode-${key}`}
            label="How they travelled"
            value={mode}
            options={TRAVEL_MODES.map((m) => ({ value: m, label: MODE_LABELS[m] }))}
            onChange={(e) => setMode(e.target.value as TravelMode)}
          />
          <TextInput
            id={`claim-amount-${key}`}
            label="Amount (£)"
            width="5"
            inputMode="decimal"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
          />
        </div>
        <div className="checkboxes">
          <Choice
            type="checkbox"
            id={`claim-receipt-${key}`}
            label="I have seen the ticket or receipt"
            checked={receipt}
            onChange={(e) => setReceipt(e.target.checked)}
          />
        </div>
        <button type="submit" className="button button--secondary">
          Add claim
        </button>
      </form>
    </div>
  );
}
