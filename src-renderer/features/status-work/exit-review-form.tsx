/**
 * R13: the exit review as a record (date, outcome, where the participant goes next, summary).
 * Recording it ends their time on the programme; the hand-back summary for Jobcentre Plus is
 * printed from it through the PDF pipeline.
 */
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import {
  EXIT_REVIEW_OUTCOMES,
  exitReviewSchema,
  type ExitReview,
  type ExitReviewInput,
} from '@shared/schemas/status-work';
import type { Participant } from '@shared/schemas/participant';
import { EXIT_REVIEW_OUTCOME_LABELS } from '@shared/wording/labels';
import { call } from '../../api';
import { useToday } from '../../app/today';
import { formatDate } from '../../labels';
import { ErrorSummary } from '../../components/error-summary';
import { Choice, Fieldset, TextInput, Textarea } from '../../components/fields';
import { toCivilDate } from '../../components/date-input';
import { ControlledDateInput } from '../../components/controlled-date-input';
import { schemaResolver, summaryOf } from '../../components/form-support';

interface Values {
  date: string;
  outcome: string;
  destination: string;
  summary: string;
}

const IDS = {
  date: 'exit-review-date',
  outcome: 'exit-review-outcome',
  destination: 'exit-review-destination',
  summary: 'exit-review-summary',
};

export function ExitReviewList({
  participantId,
  reviews,
}: {
  participantId: string;
  reviews: ExitReview[];
}) {
  const [message, setMessage] = useState<{ id: string; text: string } | null>(null);
  if (reviews.length === 0) return <p className="body">No exit review is recorded.</p>;
  const print = async (review: ExitReview) => {
    const result = await call('exitReview:handBack', {
      participantId,
      reviewId: review.id,
      action: 'print',
    });
    setMessage({
      id: review.id,
      text: result.ok
        ? 'The hand-back summary was sent to the printer.'
        : `The hand-back summary could not be printed: ${result.error.message}`,
    });
  };
  return (
    <>
      {reviews.map((r) => (
        <div className="summary-card" key={r.id}>
          <div className="summary-card__title-wrapper">
            <h3 className="summary-card__title">Exit review on {formatDate(r.date)}</h3>
          </div>
          <div className="summary-card__content">
            <dl className="summary-list">
              <div className="summary-list__row">
                <dt className="summary-list__key">Outcome</dt>
                <dd className="summary-list__value">{EXIT_REVIEW_OUTCOME_LABELS[r.outcome]}</dd>
              </div>
              <div className="summary-list__row">
                <dt className="summary-list__key">Going on to</dt>
                <dd className="summary-list__value">{r.destination}</dd>
              </div>
              <div className="summary-list__row">
                <dt className="summary-list__key">Summary</dt>
                <dd className="summary-list__value">{r.summary}</dd>
              </div>
            </dl>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => void print(r)}
            >
              Print the hand-back summary for Jobcentre Plus
            </button>
            {message?.id === r.id && (
              <p className="body" role="status">
                {message.text}
              </p>
            )}
          </div>
        </div>
      ))}
    </>
  );
}

export function ExitReviewForm({
  participantId,
  onRecorded,
}: {
  participantId: string;
  onRecorded(result: { review: ExitReview; participant: Participant }): void;
}) {
  const today = useToday();
  const empty: Values = { date: today, outcome: '', destination: '', summary: '' };
  const {
    register,
    control,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<Values, unknown, ExitReviewInput>({
    resolver: schemaResolver<Values, ExitReviewInput>(
      exitReviewSchema,
      (v) => ({
        participantId,
        date: toCivilDate(v.date),
        outcome: v.outcome || undefined,
        destination: v.destination,
        summary: v.summary,
      }),
      ['date'],
    ),
    defaultValues: empty,
    shouldFocusError: false,
  });
  const [failed, setFailed] = useState(0);
  const [general, setGeneral] = useState<string | null>(null);

  const onValid = async (values: ExitReviewInput) => {
    setGeneral(null);
    const result = await call('exitReview:record', values);
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
      aria-labelledby="exit-review-form-title"
      onSubmit={(e) => void handleSubmit(onValid, () => setFailed((n) => n + 1))(e)}
    >
      <h3 className="heading-s" id="exit-review-form-title">
        Record the exit review
      </h3>
      <p className="body">
        Recording the review ends the participant’s time on the programme from its date.
      </p>
      <ErrorSummary errors={summaryOf(errors, IDS, general)} focusKey={failed} />
      <ControlledDateInput
        control={control}
        name="date"
        id={IDS.date}
        legend="Date of the review"
        hint="For example, 7 11 2026"
        error={errors.date?.message}
      />
      <Fieldset id={IDS.outcome} legend="Outcome" error={errors.outcome?.message} legendSize="s">
        <div className="radios radios--small">
          {EXIT_REVIEW_OUTCOMES.map((o, i) => (
            <Choice
              key={o}
              type="radio"
              id={i === 0 ? IDS.outcome : `${IDS.outcome}-${o}`}
              label={EXIT_REVIEW_OUTCOME_LABELS[o]}
              value={o}
              {...register('outcome')}
            />
          ))}
        </div>
      </Fieldset>
      <TextInput
        id={IDS.destination}
        label="Where do they go next?"
        hint="For example, their Jobcentre Plus work coach, a job, or another programme"
        error={errors.destination?.message}
        {...register('destination')}
      />
      <Textarea
        id={IDS.summary}
        label="Summary for Jobcentre Plus"
        hint="What they achieved, what support helped, and what they still need"
        rows={5}
        error={errors.summary?.message}
        {...register('summary')}
      />
      <button type="submit" className="button" disabled={isSubmitting}>
        Record the exit review
      </button>
    </form>
  );
}
