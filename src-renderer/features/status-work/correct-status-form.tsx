/**
 * Correct the status: any status but the current one, with a reason the adviser must give. The
 * reason is kept on the timeline; the audit log records that a correction was made.
 */
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import {
  EXIT_REASONS,
  STATUSES,
  type Participant,
  type ParticipantStatus,
} from '@shared/schemas/participant';
import { statusCorrectionSchema, type StatusCorrection } from '@shared/schemas/status-work';
import { call } from '../../api';
import { useToday } from '../../app/today';
import { EXIT_REASON_LABELS, STATUS_LABELS } from '../../labels';
import { ErrorSummary } from '../../components/error-summary';
import { Choice, Fieldset, Select, Textarea } from '../../components/fields';
import { toCivilDate } from '../../components/date-input';
import { ControlledDateInput } from '../../components/controlled-date-input';
import { schemaResolver, summaryOf } from '../../components/form-support';

interface Values {
  status: string;
  exitReason: string;
  date: string;
  reason: string;
}

const IDS = {
  status: 'correct-status',
  exitReason: 'correct-exit-reason',
  date: 'correct-date',
  reason: 'correct-reason',
};

const resolver = (id: string) =>
  schemaResolver<Values, StatusCorrection>(
    statusCorrectionSchema,
    (v) => ({
      id,
      status: v.status || undefined,
      date: toCivilDate(v.date),
      exitReason: v.status === 'exited' && v.exitReason ? v.exitReason : undefined,
      reason: v.reason,
    }),
    ['date'],
  );

export function CorrectStatusForm({
  participant,
  onCorrected,
}: {
  participant: Participant;
  onCorrected(updated: Participant): void;
}) {
  const today = useToday();
  const {
    register,
    control,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<Values, unknown, StatusCorrection>({
    resolver: resolver(participant.id),
    defaultValues: { status: '', exitReason: '', date: today, reason: '' },
    shouldFocusError: false,
  });
  const chosen = useWatch({ control, name: 'status' });
  const [failed, setFailed] = useState(0);
  const [general, setGeneral] = useState<string | null>(null);
  const choices = STATUSES.filter((s) => s !== participant.status);

  const onValid = async (values: StatusCorrection) => {
    setGeneral(null);
    const result = await call('status:correct', values);
    if (!result.ok) {
      const field = result.error.field;
      if (field && field in IDS)
        setError(field as keyof Values, { type: 'server', message: result.error.message });
      else setGeneral(result.error.message);
      return setFailed((n) => n + 1);
    }
    reset({ status: '', exitReason: '', date: today, reason: '' });
    onCorrected(result.value);
  };

  return (
    <form
      noValidate
      aria-labelledby="correct-title"
      onSubmit={(e) => void handleSubmit(onValid, () => setFailed((n) => n + 1))(e)}
    >
      <h2 className="heading-m" id="correct-title">
        Correct the status
      </h2>
      <p className="body">
        The status follows the work you record. Correct it here only when it is wrong; say why, so
        anyone reading the record later understands.
      </p>
      <ErrorSummary errors={summaryOf(errors, IDS, general)} focusKey={failed} />
      <Fieldset
        id={IDS.status}
        legend={`What should the status be? (now ${STATUS_LABELS[participant.status].toLowerCase()})`}
        error={errors.status?.message}
        legendSize="s"
      >
        <div className="radios radios--small">
          {choices.map((s: ParticipantStatus, i) => (
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
      {chosen === 'exited' && (
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
        legend="From what date?"
        hint="For example, 7 11 2026"
        error={errors.date?.message}
      />
      <Textarea
        id={IDS.reason}
        label="Why does the status need correcting?"
        rows={3}
        error={errors.reason?.message}
        {...register('reason')}
      />
      <button type="submit" className="button button--secondary" disabled={isSubmitting}>
        Correct the status
      </button>
    </form>
  );
}
