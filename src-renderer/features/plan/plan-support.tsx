/**
 * Beside the barriers: the occupational-health decision a health-related need asks for (R9) and
 * referrals to support services (R10). These are records in their own right, saved at once.
 */
import { useToday } from '../../app/today';
import { useState, type FormEvent } from 'react';
import {
  REFERRAL_STATUSES,
  SUPPORT_SERVICES,
  type PlanView,
  type ReferralStatus,
  type SupportService,
} from '@shared/schemas/plan';
import { call } from '../../api';
import { formatDate } from '../../labels';
import { SUPPORT_SERVICE_LABELS as SERVICE_LABELS } from '@shared/wording/labels';
import { Choice, Fieldset, Select, TextInput, Textarea } from '../../components/fields';
import { DateInput, toCivilDate } from '../../components/date-input';

export const REFERRAL_STATUS_LABELS: Record<ReferralStatus, string> = {
  'to-refer': 'To refer',
  referred: 'Referred',
  engaged: 'Engaged with the service',
  completed: 'Completed',
  declined: 'Declined',
};

type Problem = { field?: string; message: string } | null;

function Problem({ problem }: { problem: Problem }) {
  if (!problem) return null;
  return (
    <p className="error-message" role="alert">
      <span className="visually-hidden">Error:</span> {problem.message}
    </p>
  );
}

export function HealthDecisionForm({ view, onSaved }: { view: PlanView; onSaved(): void }) {
  const today = useToday();
  const [decision, setDecision] = useState<'refer' | 'no-referral' | ''>('');
  const [needNotedOn, setNeedNotedOn] = useState(today);
  const [decidedOn, setDecidedOn] = useState(today);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<Problem>(null);
  const last = view.healthDecisions.at(-1);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!decision) return setProblem({ message: 'Choose whether to refer' });
    const result = await call('plan:healthDecision', {
      participantId: view.participantId,
      decision: {
        needNotedOn: toCivilDate(needNotedOn),
        decision,
        decidedOn: toCivilDate(decidedOn),
        reason,
      },
    });
    if (!result.ok) return setProblem(result.error);
    setProblem(null);
    onSaved();
  };

  return (
    <form className="plan-panel" onSubmit={submit} noValidate aria-labelledby="oh-title">
      <h3 className="heading-s" id="oh-title">
        Occupational health referral decision
      </h3>
      {last ? (
        <p className="body">
          {last.decision === 'refer'
            ? `Referred for an occupational health assessment on ${formatDate(last.decidedOn)}.`
            : `Decided on ${formatDate(last.decidedOn)} not to refer: ${last.reason}`}
        </p>
      ) : (
        <p className="body">A health-related need is recorded. Record whether to refer.</p>
      )}
      <Problem problem={problem} />
      <Fieldset id="oh-decision" legend="Decision" legendSize="s">
        <div className="radios radios--inline">
          <Choice
            type="radio"
            name="oh-decision"
            id="oh-decision"
            label="Refer for an assessment"
            checked={decision === 'refer'}
            onChange={() => setDecision('refer')}
          />
          <Choice
            type="radio"
            name="oh-decision"
            id="oh-decision-no"
            label="Do not refer"
            checked={decision === 'no-referral'}
            onChange={() => setDecision('no-referral')}
          />
        </div>
      </Fieldset>
      <DateInput
        id="oh-need"
        legend="When the need was noted"
        value={needNotedOn}
        onChange={setNeedNotedOn}
      />
      <DateInput
        id="oh-decided"
        legend="Date of the decision"
        value={decidedOn}
        onChange={setDecidedOn}
      />
      {decision === 'no-referral' && (
        <Textarea
          id="oh-reason"
          label="Why a referral is not needed"
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      )}
      <button type="submit" className="button button--secondary">
        Record the decision
      </button>
    </form>
  );
}

export function ReferralsPanel({ view, onSaved }: { view: PlanView; onSaved(): void }) {
  const today = useToday();
  const [service, setService] = useState<SupportService>('money');
  const [detail, setDetail] = useState('');
  const [status, setStatus] = useState<ReferralStatus>('referred');
  const [referredOn, setReferredOn] = useState(today);
  const [outcome, setOutcome] = useState('');
  const [problem, setProblem] = useState<Problem>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = await call('plan:saveReferral', {
      participantId: view.participantId,
      referral: {
        service,
        detail,
        status,
        outcome,
        referredOn: status === 'to-refer' ? null : toCivilDate(referredOn),
      },
    });
    if (!result.ok) return setProblem(result.error);
    setProblem(null);
    setDetail('');
    setOutcome('');
    onSaved();
  };

  const advance = async (id: string, version: number, next: ReferralStatus) => {
    const r = view.referrals.find((x) => x.id === id)!;
    const result = await call('plan:saveReferral', {
      participantId: view.participantId,
      existing: { id, expectedVersion: version },
      referral: {
        service: r.service,
        detail: r.detail,
        status: next,
        outcome: r.outcome,
        referredOn: r.referredOn ?? today,
      },
    });
    if (!result.ok) return setProblem(result.error);
    onSaved();
  };

  return (
    <section className="plan-panel" aria-labelledby="referrals-title">
      <h3 className="heading-s" id="referrals-title">
        Referrals to support services
      </h3>
      {view.referrals.length > 0 && (
        <div
          className="table-scroller"
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region takes the keyboard (WCAG 2.1.1)
          tabIndex={0}
          role="region"
          aria-label="Support referrals, scrollable table"
        >
          <table className="table">
            <caption className="visually-hidden">Support referrals</caption>
            <thead>
              <tr>
                <th scope="col">Service</th>
                <th scope="col">To</th>
                <th scope="col">Status</th>
                <th scope="col">Outcome</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {view.referrals.map((r) => (
                <tr key={r.id}>
                  <td>{SERVICE_LABELS[r.service]}</td>
                  <td>{r.detail}</td>
                  <td>
                    {REFERRAL_STATUS_LABELS[r.status]}
                    {r.referredOn ? ` (${formatDate(r.referredOn)})` : ''}
                  </td>
                  <td>{r.outcome || '—'}</td>
                  <td>
                    {r.status !== 'completed' && r.status !== 'declined' && (
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        onClick={() => void advance(r.id, r.version, 'completed')}
                      >
                        Mark completed<span className="visually-hidden"> ({r.detail})</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form onSubmit={submit} noValidate aria-label="Add a support referral">
        <Problem problem={problem} />
        <Select
          id="referral-service"
          label="Kind of support"
          value={service}
          options={SUPPORT_SERVICES.map((s) => ({ value: s, label: SERVICE_LABELS[s] }))}
          onChange={(e) => setService(e.target.value as SupportService)}
        />
        <TextInput
          id="referral-detail"
          label="Referred to"
          hint="The organisation or service"
          value={detail}
          onChange={(e) => setDetail(e.target.value)}
        />
        <Select
          id="referral-status"
          label="Status"
          value={status}
          options={REFERRAL_STATUSES.map((s) => ({ value: s, label: REFERRAL_STATUS_LABELS[s] }))}
          onChange={(e) => setStatus(e.target.value as ReferralStatus)}
        />
        {status !== 'to-refer' && (
          <DateInput
            id="referral-date"
            legend="Date referred"
            value={referredOn}
            onChange={setReferredOn}
          />
        )}
        <TextInput
          id="referral-outcome"
          label="Outcome (optional)"
          value={outcome}
          onChange={(e) => setOutcome(e.target.value)}
        />
        <button type="submit" className="button button--secondary">
          Add referral
        </button>
      </form>
    </section>
  );
}
