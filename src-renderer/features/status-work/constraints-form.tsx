/**
 * When the participant can attend and what they need: the days, the time of day, step-free
 * access, a hearing loop and how they prefer to meet. The slot finder never offers a time outside
 * these (src-shared/domain/diary/slot-finder.ts). Times they have said they cannot come, saved
 * elsewhere, are sent back unchanged so a save here never drops them.
 */
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import {
  participantConstraintsSchema,
  type ParticipantConstraintsSave,
  type SavedConstraints,
} from '@shared/schemas/diary-settings';
import { APPOINTMENT_CHANNELS } from '@shared/schemas/diary';
import { TIMES_OF_DAY } from '@shared/domain/diary/model';
import { CHANNEL_LABELS } from '@shared/wording/labels';
import { call } from '../../api';
import { ErrorSummary } from '../../components/error-summary';
import { Choice, Fieldset, Select } from '../../components/fields';
import { WEEKDAY_NAMES } from '../places/opening-hours-text';
import { TIME_OF_DAY_LABELS } from '../diary/book-appointment-page';
import { schemaResolver, summaryOf } from '../../components/form-support';

interface Values {
  attendDays: string[];
  timeOfDay: string;
  needsStepFree: boolean;
  needsHearingLoop: boolean;
  preferredChannel: string;
}

const IDS = {
  attendDays: 'constraints-days',
  timeOfDay: 'constraints-time',
  preferredChannel: 'constraints-channel',
};

export function ConstraintsForm({
  saved,
  onSaved,
}: {
  saved: SavedConstraints;
  onSaved(c: SavedConstraints): void;
}) {
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<Values, unknown, ParticipantConstraintsSave>({
    resolver: schemaResolver<Values, ParticipantConstraintsSave>(
      participantConstraintsSchema,
      (v) => ({
        participantId: saved.participantId,
        unavailable: saved.unavailable,
        preferredChannel: v.preferredChannel,
        needsStepFree: v.needsStepFree,
        needsHearingLoop: v.needsHearingLoop,
        attendDays: v.attendDays,
        timeOfDay: v.timeOfDay,
      }),
      [],
    ),
    defaultValues: {
      attendDays: [...saved.attendDays],
      timeOfDay: saved.timeOfDay,
      needsStepFree: saved.needsStepFree,
      needsHearingLoop: saved.needsHearingLoop,
      preferredChannel: saved.preferredChannel,
    },
    shouldFocusError: false,
  });
  const [failed, setFailed] = useState(0);
  const [general, setGeneral] = useState<string | null>(null);

  const onValid = async (values: ParticipantConstraintsSave) => {
    setGeneral(null);
    const result = await call('diary:saveConstraints', values);
    if (!result.ok) {
      setGeneral(result.error.message);
      return setFailed((n) => n + 1);
    }
    onSaved(result.value);
  };

  return (
    <form
      noValidate
      aria-labelledby="constraints-title"
      onSubmit={(e) => void handleSubmit(onValid, () => setFailed((n) => n + 1))(e)}
    >
      <h2 className="heading-m" id="constraints-title">
        When they can attend
      </h2>
      <ErrorSummary errors={summaryOf(errors, IDS, general)} focusKey={failed} />
      <Fieldset
        id={IDS.attendDays}
        legend="Which days can they come?"
        hint="Leave all unticked if any working day suits them"
        error={errors.attendDays?.message}
        legendSize="s"
      >
        <div className="checkboxes checkboxes--small">
          {WEEKDAY_NAMES.map(([key, name], i) => (
            <Choice
              key={key}
              type="checkbox"
              id={i === 0 ? IDS.attendDays : `${IDS.attendDays}-${key}`}
              label={name}
              value={key}
              {...register('attendDays')}
            />
          ))}
        </div>
      </Fieldset>
      <Fieldset
        id={IDS.timeOfDay}
        legend="What time of day?"
        error={errors.timeOfDay?.message}
        legendSize="s"
      >
        <div className="radios radios--small">
          {TIMES_OF_DAY.map((t, i) => (
            <Choice
              key={t}
              type="radio"
              id={i === 0 ? IDS.timeOfDay : `${IDS.timeOfDay}-${t}`}
              label={TIME_OF_DAY_LABELS[t]}
              value={t}
              {...register('timeOfDay')}
            />
          ))}
        </div>
      </Fieldset>
      <Fieldset id="constraints-needs" legend="What do they need at a venue?" legendSize="s">
        <div className="checkboxes checkboxes--small">
          <Choice
            type="checkbox"
            id="constraints-step-free"
            label="Step-free access"
            {...register('needsStepFree')}
          />
          <Choice
            type="checkbox"
            id="constraints-hearing-loop"
            label="A hearing loop"
            {...register('needsHearingLoop')}
          />
        </div>
      </Fieldset>
      <Select
        id={IDS.preferredChannel}
        label="How do they prefer to meet?"
        error={errors.preferredChannel?.message}
        options={APPOINTMENT_CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))}
        {...register('preferredChannel')}
      />
      <button type="submit" className="button" disabled={isSubmitting}>
        Save when they can attend
      </button>
    </form>
  );
}
