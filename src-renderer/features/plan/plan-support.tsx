/**
 * Beside the barriers: the occupational-health decision a health-related need asks for (R9) and
 * referrals to support services (R10). These are records in their own right, saved at once.
 */
import { useToday } from '../../app/today';
import { useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import {
  REFERRAL_STATUSES,
  SUPPORT_SERVICES,
  healthDecisionSchema,
  supportReferralSchema,
  type PlanView,
  type ReferralStatus,
} from '@shared/schemas/plan';
import { call } from '../../api';
import { formatDate } from '../../labels';
import { SUPPORT_SERVICE_LABELS as SERVICE_LABELS } from '@shared/wording/labels';
import { ErrorSummary } from '../../components/error-summary';
import { Choice, Fieldset, Select, TextInput, Textarea } from '../../components/fields';
import { toCivilDate } from '../../components/date-input';
import { ControlledDateInput } from '../../components/controlled-date-input';
import { schemaResolver, summaryOf } from '../../components/form-support';

export const REFERRAL_STATUS_LABELS: Record<ReferralStatus, string> = {
  'to-refer': 'To refer',
  referred: 'Referred',
  engaged: 'Engaged with the service',
  completed: 'Completed',
  declined: 'Declined',
};

/** The router names a nested field ('decision.decidedOn'); the form knows it by its own name. */
const fieldOf = (field: string | undefined, prefix: string) =>
  field?.startsWith(`${prefix}.`) ? field.slice(prefix.length + 1) : field;

interface HealthValues {
  decision: '' | 'refer' | 'no-referral';
  needNotedOn: string;
  decidedOn: string;
  reason: string;
}
type HealthDecisionOutput = z.output<typeof healthDecisionSchema>;

const HEALTH_IDS = {
  decision: 'oh-decision',
  needNotedOn: 'oh-need',
  decidedOn: 'oh-decided',
  reason: 'oh-reason',
};

export function HealthDecisionForm({ view, onSaved }: { view: PlanView; onSaved(): void }) {
  const today = useToday();
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<HealthValues, unknown, HealthDecisionOutput>({
    resolver: schemaResolver<HealthValues, HealthDecisionOutput>(
      healthDecisionSchema,
      (v) => ({
        needNotedOn: toCivilDate(v.needNotedOn),
        decision: v.decision || undefined,
        decidedOn: toCivilDate(v.decidedOn),
        // The reason box shows only for "do not refer"; words left in it otherwise are not sent.
        reason: v.decision === 'no-referral' ? v.reason : '',
      }),
      ['needNotedOn', 'decidedOn'],
    ),
    defaultValues: { decision: '', needNotedOn: today, decidedOn: today, reason: '' },
    shouldFocusError: false,
  });
  const [failed, setFailed] = useState(0);
  const [general, setGeneral] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const decision = useWatch({ control, name: 'decision' });
  const last = view.healthDecisions.at(-1);

  const onValid = async (values: HealthDecisionOutput) => {
    setGeneral(null);
    const result = await call('plan:healthDecision', {
      participantId: view.participantId,
      decision: values,
    });
    if (!result.ok) {
      const field = fieldOf(result.error.field, 'decision');
      if (field && field in HEALTH_IDS)
        setError(field as keyof HealthValues, { type: 'server', message: result.error.message });
      else setGeneral(result.error.message);
      return setFailed((n) => n + 1);
    }
    onSaved();
    // The recorded decision is read out under the heading.
    heading.current?.focus();
  };

  return (
    <form
      className="plan-panel"
      onSubmit={(e) => void handleSubmit(onValid, () => setFailed((n) => n + 1))(e)}
      noValidate
      aria-labelledby="oh-title"
    >
      <h3 className="heading-s" id="oh-title" tabIndex={-1} ref={heading}>
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
      <ErrorSummary errors={summaryOf(errors, HEALTH_IDS, general)} focusKey={failed} />
      <Fieldset
        id={HEALTH_IDS.decision}
        legend="Decision"
        legendSize="s"
        error={errors.decision?.message}
      >
        <div className="radios radios--inline">
          <Choice
            type="radio"
            id={HEALTH_IDS.decision}
            label="Refer for an assessment"
            value="refer"
            {...register('decision')}
          />
          <Choice
            type="radio"
            id={`${HEALTH_IDS.decision}-no`}
            label="Do not refer"
            value="no-referral"
            {...register('decision')}
          />
        </div>
      </Fieldset>
      <ControlledDateInput
        control={control}
        name="needNotedOn"
        id={HEALTH_IDS.needNotedOn}
        legend="When the need was noted"
        error={errors.needNotedOn?.message}
      />
      <ControlledDateInput
        control={control}
        name="decidedOn"
        id={HEALTH_IDS.decidedOn}
        legend="Date of the decision"
        error={errors.decidedOn?.message}
      />
      {decision === 'no-referral' && (
        <Textarea
          id={HEALTH_IDS.reason}
          label="Why a referral is not needed"
          rows={2}
          error={errors.reason?.message}
          {...register('reason')}
        />
      )}
      <button type="submit" className="button button--secondary" disabled={isSubmitting}>
        Record the decision
      </button>
    </form>
  );
}

interface ReferralValues {
  service: string;
  detail: string;
  status: string;
  referredOn: string;
  outcome: string;
}
type ReferralOutput = z.output<typeof supportReferralSchema>;

const REFERRAL_IDS = {
  service: 'referral-service',
  detail: 'referral-detail',
  status: 'referral-status',
  referredOn: 'referral-date',
  outcome: 'referral-outcome',
};

export function ReferralsPanel({ view, onSaved }: { view: PlanView; onSaved(): void }) {
  const today = useToday();
  const {
    register,
    control,
    handleSubmit,
    setError,
    resetField,
    formState: { errors, isSubmitting },
  } = useForm<ReferralValues, unknown, ReferralOutput>({
    resolver: schemaResolver<ReferralValues, ReferralOutput>(
      supportReferralSchema,
      (v) => ({
        service: v.service,
        detail: v.detail,
        status: v.status,
        outcome: v.outcome,
        // No date yet for one still to make; an empty date is "missing", not "not a date".
        referredOn: v.status === 'to-refer' ? null : toCivilDate(v.referredOn) || null,
      }),
      ['referredOn'],
    ),
    defaultValues: {
      service: 'money',
      detail: '',
      status: 'referred',
      referredOn: today,
      outcome: '',
    },
    shouldFocusError: false,
  });
  const [failed, setFailed] = useState(0);
  const [general, setGeneral] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const status = useWatch({ control, name: 'status' });

  const onValid = async (values: ReferralOutput) => {
    setGeneral(null);
    const result = await call('plan:saveReferral', {
      participantId: view.participantId,
      referral: values,
    });
    if (!result.ok) {
      const field = fieldOf(result.error.field, 'referral');
      if (field && field in REFERRAL_IDS)
        setError(field as keyof ReferralValues, { type: 'server', message: result.error.message });
      else setGeneral(result.error.message);
      return setFailed((n) => n + 1);
    }
    resetField('detail');
    resetField('outcome');
    onSaved();
    // The new referral joins the table under the heading.
    heading.current?.focus();
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
    if (!result.ok) {
      setGeneral(result.error.message);
      return setFailed((n) => n + 1);
    }
    setGeneral(null);
    onSaved();
    // The pressed button goes once it is completed: focus the heading over the table, not the page.
    heading.current?.focus();
  };

  return (
    <section className="plan-panel" aria-labelledby="referrals-title">
      <h3 className="heading-s" id="referrals-title" tabIndex={-1} ref={heading}>
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
      <form
        onSubmit={(e) => void handleSubmit(onValid, () => setFailed((n) => n + 1))(e)}
        noValidate
        aria-label="Add a support referral"
      >
        <ErrorSummary errors={summaryOf(errors, REFERRAL_IDS, general)} focusKey={failed} />
        <Select
          id={REFERRAL_IDS.service}
          label="Kind of support"
          error={errors.service?.message}
          options={SUPPORT_SERVICES.map((s) => ({ value: s, label: SERVICE_LABELS[s] }))}
          {...register('service')}
        />
        <TextInput
          id={REFERRAL_IDS.detail}
          label="Referred to"
          hint="The organisation or service"
          error={errors.detail?.message}
          {...register('detail')}
        />
        <Select
          id={REFERRAL_IDS.status}
          label="Status"
          error={errors.status?.message}
          options={REFERRAL_STATUSES.map((s) => ({ value: s, label: REFERRAL_STATUS_LABELS[s] }))}
          {...register('status')}
        />
        {status !== 'to-refer' && (
          <ControlledDateInput
            control={control}
            name="referredOn"
            id={REFERRAL_IDS.referredOn}
            legend="Date referred"
            error={errors.referredOn?.message}
          />
        )}
        <TextInput
          id={REFERRAL_IDS.outcome}
          label="Outcome (optional)"
          error={errors.outcome?.message}
          {...register('outcome')}
        />
        <button type="submit" className="button button--secondary" disabled={isSubmitting}>
          Add referral
        </button>
      </form>
    </section>
  );
}
