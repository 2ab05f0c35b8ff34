/** Changes a participant's status: only the moves STATUS_TRANSITIONS allows from where they are. */
import { useToday } from '../../app/today';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import {
  EXIT_REASONS,
  STATUS_TRANSITIONS,
  statusChangeSchema,
  type Participant,
  type StatusChange,
} from '@shared/schemas/participant';
import { call } from '../../api';
import { EXIT_REASON_LABELS, STATUS_LABELS } from '../../labels';
import { ErrorSummary } from '../../components/error-summary';
import { Choice, Fieldset, Select, Textarea } from '../../components/fields';
import { toCivilDate } from '../../components/date-input';
import { ControlledDateInput } from '../../components/controlled-date-input';
import { schemaResolver, summaryOf } from '../../components/form-support';

interface Values {
  status: string;
  date: string;
  exitReason: string;
  note: string;
}

const IDS = {
  status: 'status-new',
  date: 'status-date',
  exitReason: 'status-exit-reason',
  note: 'status-note',
};

export function StatusForm({
  participant,
  onChanged,
}: {
  participant: Participant;
  onChanged(updated: Participant): void;
}) {
  const today = useToday();
  const allowed = STATUS_TRANSITIONS[participant.status];
  const empty: Values = { status: '', date: today, exitReason: '', note: '' };
  const {
    register,
    control,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<Values, unknown, StatusChange>({
    resolver: schemaResolver<Values, StatusChange>(
      statusChangeSchema,
      (v) => ({
        id: participant.id,
        status: v.status,
        date: toCivilDate(v.date),
        // The reason box shows only for an exit; a reason left from an earlier choice is not sent.
        exitReason: v.status === 'exited' && v.exitReason ? v.exitReason : undefined,
        note: v.note.trim() || undefined,
      }),
      ['date'],
    ),
    defaultValues: empty,
    shouldFocusError: false,
  });
  const [failed, setFailed] = useState(0);
  const [general, setGeneral] = useState<string | null>(null);
  const status = useWatch({ control, name: 'status' });

  if (allowed.length === 0)
    return (
      <p className="body">
        {STATUS_LABELS[participant.status]} is final: the status cannot change.
      </p>
    );

  const onValid = async (values: StatusChange) => {
    setGeneral(null);
    const result = await call('participant:setStatus', values);
    if (!result.ok) {
      const field = result.error.field;
      if (field && field in IDS)
        setError(field as keyof Values, { type: 'server', message: result.error.message });
      else setGeneral(result.error.message);
      return setFailed((n) => n + 1);
    }
    reset({ ...empty, date: values.date });
    onChanged(result.value);
  };

  return (
    <form
      noValidate
      onSubmit={(e) => void handleSubmit(onValid, () => setFailed((n) => n + 1))(e)}
      aria-labelledby="status-form-title"
    >
      <h2 className="heading-m" id="status-form-title">
        Change status
      </h2>
      <ErrorSummary errors={summaryOf(errors, IDS, general)} focusKey={failed} />
      <Fieldset
        id={IDS.status}
        legend={`New status (now ${STATUS_LABELS[participant.status].toLowerCase()})`}
        error={errors.status?.message}
        legendSize="s"
      >
        <div className="radios radios--small">
          {allowed.map((s, i) => (
            <Choice
              key={s}
              type="radio"
              id={i === 0 ? IDS.status : `${IDS.status}-${s}`}
              label={STATUS_LABELS[s]}
              value={s}
              {...register('status')}
            />
          ))}
        </div>
      </Fieldset>
      {status === 'exited' && (
        <Select
          id={IDS.exitReason}
          label="Reason for exit"
          error={errors.exitReason?.message}
          options={[
            { value: '', label: 'Choose a reason' },
            ...EXIT_REASONS.map((r) => ({ value: r, label: EXIT_REASON_LABELS[r] })),
          ]}
          {...register('exitReason')}
        />
      )}
      <ControlledDateInput
        control={control}
        name="date"
        id={IDS.date}
        legend="Date of the change"
        hint="For example, 7 11 2026"
        error={errors.date?.message}
      />
      <Textarea
        id={IDS.note}
        label="Note (optional)"
        rows={2}
        error={errors.note?.message}
        {...register('note')}
      />
      <button type="submit" className="button" disabled={isSubmitting}>
        Change status
      </button>
    </form>
  );
}
