/**
 * One step on a complaint (acknowledge, respond, escalate, close): a date and, for some steps,
 * the response or the outcome and lessons. Checked with the channel's own schema (the one the
 * main process applies), with a GOV.UK error summary; the main process's refusals come back on
 * their field.
 */
import { useState, type ReactNode } from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { complaintChannels, type ComplaintView } from '@shared/ipc/channels/complaints';
import { call } from '../../api';
import { ErrorSummary, type SummaryError } from '../../components/error-summary';
import { Choice, Fieldset, Textarea } from '../../components/fields';
import { toCivilDate } from '../../components/date-input';
import { ControlledDateInput } from '../../components/controlled-date-input';
import { useToday } from '../../app/today';
import { dateMessage, OUTCOME_WORDS, OUTCOMES } from './complaint-words';

export type Step = 'acknowledge' | 'respond' | 'escalate' | 'close';

interface Values {
  on: string;
  response: string;
  outcome: string;
  lessons: string;
}

const FIELDS: Record<Step, (keyof Values)[]> = {
  acknowledge: ['on'],
  respond: ['on', 'response'],
  escalate: ['on'],
  close: ['on', 'outcome', 'lessons'],
};

function resolverFor(step: Step, dateWhat: string): Resolver<Values> {
  // The channel's own schema without the id, which the page supplies.
  const schema = (
    complaintChannels[`complaints:${step}`].input as unknown as z.ZodObject<{ id: z.ZodString }>
  ).omit({ id: true });
  const inner = zodResolver(schema as never);
  return async (values, ctx, options) => {
    const on = toCivilDate(values.on);
    const picked = Object.fromEntries(FIELDS[step].map((f) => [f, f === 'on' ? on : values[f]]));
    const result = (await inner(picked as never, ctx, options as never)) as unknown as {
      values: Values;
      errors: Record<string, { type: string; message?: string }>;
    };
    if (result.errors.on)
      result.errors.on = {
        ...result.errors.on,
        message: on ? dateMessage(result.errors.on.message, dateWhat) : `Enter ${dateWhat}`,
      };
    return result as never;
  };
}

export function StepForm({
  complaint,
  step,
  title,
  children,
  dateLegend,
  dateWhat,
  submitLabel,
  onDone,
}: {
  complaint: ComplaintView;
  step: Step;
  title: string;
  children?: ReactNode;
  dateLegend: string;
  /** 'the date of the response', for messages. */
  dateWhat: string;
  submitLabel: string;
  onDone(updated: ComplaintView, message: string): void;
}) {
  const today = useToday();
  const prefix = `complaint-${step}`;
  const ids: Record<keyof Values, string> = {
    on: `${prefix}-on`,
    response: `${prefix}-response`,
    outcome: `${prefix}-outcome`,
    lessons: `${prefix}-lessons`,
  };
  const [general, setGeneral] = useState<string | null>(null);
  const [failedSubmits, setFailedSubmits] = useState(0);
  const failed = () => setFailedSubmits((n) => n + 1);
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Values>({
    resolver: resolverFor(step, dateWhat),
    defaultValues: { on: today, response: '', outcome: '', lessons: '' },
    shouldFocusError: false,
  });

  const onValid = async (values: Values) => {
    setGeneral(null);
    const input = {
      id: complaint.id,
      ...Object.fromEntries(FIELDS[step].map((f) => [f, values[f]])),
    };
    const result = await call(`complaints:${step}`, input as never);
    if (!result.ok) {
      const field = result.error.field as keyof Values | undefined;
      if (field && FIELDS[step].includes(field))
        setError(field, { type: 'server', message: result.error.message });
      else setGeneral(result.error.message);
      return failed();
    }
    onDone(result.value as ComplaintView, `${title}: saved.`);
  };

  const summary: SummaryError[] = [
    ...(general ? [{ message: general }] : []),
    ...FIELDS[step].flatMap((f) => {
      const message = errors[f]?.message;
      return message ? [{ targetId: ids[f], message }] : [];
    }),
  ];

  return (
    <section className="complaint-step" aria-labelledby={`${prefix}-title`}>
      <h2 className="heading-m" id={`${prefix}-title`}>
        {title}
      </h2>
      {children}
      <form noValidate aria-label={title} onSubmit={(e) => void handleSubmit(onValid, failed)(e)}>
        <ErrorSummary errors={summary} focusKey={failedSubmits} />
        <ControlledDateInput
          control={control}
          name="on"
          id={ids.on}
          legend={dateLegend}
          hint="For example, 27 3 2026"
          error={errors.on?.message}
        />
        {step === 'respond' && (
          <Textarea
            id={ids.response}
            label="Our response"
            hint="This goes in the response letter, so write it to the person who complained."
            rows={6}
            error={errors.response?.message}
            {...register('response')}
          />
        )}
        {step === 'close' && (
          <>
            <Fieldset id={ids.outcome} legend="Outcome" error={errors.outcome?.message}>
              <div className="radios">
                {OUTCOMES.map((o, i) => (
                  <Choice
                    key={o}
                    id={i === 0 ? ids.outcome : `${ids.outcome}-${o}`}
                    type="radio"
                    value={o}
                    label={OUTCOME_WORDS[o]}
                    {...register('outcome')}
                  />
                ))}
              </div>
            </Fieldset>
            <Textarea
              id={ids.lessons}
              label="What we learned"
              hint="What will change because of this complaint. You can add it to “You told us, we did”."
              rows={4}
              error={errors.lessons?.message}
              {...register('lessons')}
            />
          </>
        )}
        <button
          type="submit"
          className={`button${step === 'close' ? ' button--warning' : ''}`}
          disabled={isSubmitting}
        >
          {submitLabel}
        </button>
      </form>
    </section>
  );
}
