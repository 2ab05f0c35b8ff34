/**
 * R6: record that the participant cannot attend in person, with the reason and the dates it
 * covers. Phone, video and email meetings count towards the two a month only inside it.
 */
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import {
  inPersonExemptionSchema,
  type InPersonExemption,
  type InPersonExemptionInput,
} from '@shared/schemas/status-work';
import { call } from '../../api';
import { useToday } from '../../app/today';
import { formatDate } from '../../labels';
import { ErrorSummary } from '../../components/error-summary';
import { Choice, Textarea } from '../../components/fields';
import { toCivilDate } from '../../components/date-input';
import { ControlledDateInput } from '../../components/controlled-date-input';
import { schemaResolver, summaryOf } from '../../components/form-support';

interface Values {
  from: string;
  to: string;
  reason: string;
  healthRelated: boolean;
}

const IDS = {
  from: 'exemption-from',
  to: 'exemption-to',
  reason: 'exemption-reason',
  healthRelated: 'exemption-health',
};

export function ExemptionList({ exemptions }: { exemptions: InPersonExemption[] }) {
  if (exemptions.length === 0)
    return <p className="body">No reason to meet other than in person is recorded.</p>;
  return (
    <ul className="list list--bullet" aria-label="Recorded in-person exemptions">
      {exemptions.map((e) => (
        <li key={e.id}>
          From {formatDate(e.from)} to {formatDate(e.to)}:{' '}
          {e.reason ?? 'a health reason (only the adviser can see it)'}
        </li>
      ))}
    </ul>
  );
}

export function ExemptionForm({
  participantId,
  onRecorded,
}: {
  participantId: string;
  onRecorded(e: InPersonExemption): void;
}) {
  const today = useToday();
  const empty: Values = { from: today, to: '', reason: '', healthRelated: false };
  const {
    register,
    control,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<Values, unknown, InPersonExemptionInput>({
    resolver: schemaResolver<Values, InPersonExemptionInput>(
      inPersonExemptionSchema,
      (v) => ({
        participantId,
        from: toCivilDate(v.from),
        to: toCivilDate(v.to),
        reason: v.reason,
        healthRelated: v.healthRelated,
      }),
      ['from', 'to'],
    ),
    defaultValues: empty,
    shouldFocusError: false,
  });
  const [failed, setFailed] = useState(0);
  const [general, setGeneral] = useState<string | null>(null);

  const onValid = async (values: InPersonExemptionInput) => {
    setGeneral(null);
    const result = await call('exemption:record', values);
    if (!result.ok) {
      const field = result.error.field;
      if (field && field in IDS)
        setError(field as keyof Values, { type: 'server', message: result.error.message });
      else setGeneral(result.error.message);
      return setFailed((n) => n + 1);
    }
    reset(empty);
    onRecorded(result.value);
  };

  return (
    <form
      noValidate
      aria-labelledby="exemption-form-title"
      onSubmit={(e) => void handleSubmit(onValid, () => setFailed((n) => n + 1))(e)}
    >
      <h3 className="heading-s" id="exemption-form-title">
        Record a reason they cannot attend in person
      </h3>
      <ErrorSummary errors={summaryOf(errors, IDS, general)} focusKey={failed} />
      <ControlledDateInput
        control={control}
        name="from"
        id={IDS.from}
        legend="From"
        hint="For example, 7 11 2026"
        error={errors.from?.message}
      />
      <ControlledDateInput
        control={control}
        name="to"
        id={IDS.to}
        legend="To (inclusive)"
        hint="At most a year after the start. Record it again when you review it."
        error={errors.to?.message}
      />
      <Textarea
        id={IDS.reason}
        label="Why can they not attend in person?"
        rows={3}
        error={errors.reason?.message}
        {...register('reason')}
      />
      <div className="form-group">
        <div className="checkboxes checkboxes--small">
          <Choice
            type="checkbox"
            id={IDS.healthRelated}
            label="The reason is about their health (only advisers will see it)"
            {...register('healthRelated')}
          />
        </div>
      </div>
      <button type="submit" className="button" disabled={isSubmitting}>
        Record the exemption
      </button>
    </form>
  );
}
