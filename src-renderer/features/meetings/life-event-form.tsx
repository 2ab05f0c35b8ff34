/**
 * Life events the participant tells us about (R15). A job start asks for employer, hours and
 * wage, moves them into work (in-work support, R14) and offers the better-off calculation (R11).
 */
import { useToday } from '../../app/today';
import { useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { lifeEventSchema, type LifeEvent, type LifeEventInput } from '@shared/schemas/meeting';
import { LIFE_EVENT_KINDS } from '@shared/schemas/timeline-events';
import { formatPence, parsePounds } from '@shared/domain/travel-claims';
import { call } from '../../api';
import { hrefFor } from '../../app/router';
import { formatDate } from '../../labels';
import { ErrorSummary } from '../../components/error-summary';
import { Select, TextInput, Textarea } from '../../components/fields';
import { toCivilDate } from '../../components/date-input';
import { ControlledDateInput } from '../../components/controlled-date-input';
import { schemaResolver, summaryOf } from '../../components/form-support';
import { LIFE_EVENT_LABELS } from './meeting-labels';
import { withTypedWords } from './typed-words';

/** The form's boxes, named as the schema names them (hours and wage are typed as text). */
interface Values {
  kind: string;
  date: string;
  employer: string;
  hoursPerWeek: string;
  hourlyWagePence: string;
  note: string;
}

const IDS = {
  kind: 'life-kind',
  date: 'life-date',
  employer: 'life-employer',
  hoursPerWeek: 'life-hours',
  hourlyWagePence: 'life-wage',
  note: 'life-note',
};

const asHours = (text: string) => (text.trim() ? Number(text.trim()) : null);

export function LifeEvents({
  participantId,
  events,
  onSaved,
}: {
  participantId: string;
  events: LifeEvent[];
  onSaved(): void;
}) {
  const today = useToday();
  const {
    register,
    control,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<Values, unknown, LifeEventInput>({
    resolver: withTypedWords(
      schemaResolver<Values, LifeEventInput>(
        lifeEventSchema,
        (v) => {
          const job = v.kind === 'job-start';
          const hours = asHours(v.hoursPerWeek);
          return {
            participantId,
            kind: v.kind,
            date: toCivilDate(v.date),
            // Boxes that do not show for this kind of event are not sent.
            employer: job || v.kind === 'job-end' ? v.employer : '',
            hoursPerWeek:
              job || v.kind === 'hours-change' ? (Number.isFinite(hours) ? hours : null) : null,
            hourlyWagePence:
              job && v.hourlyWagePence.trim() ? parsePounds(v.hourlyWagePence) : null,
            note: v.note,
          };
        },
        ['date'],
      ),
      (v) => {
        const job = v.kind === 'job-start';
        const hours = asHours(v.hoursPerWeek);
        return {
          hoursPerWeek:
            (job || v.kind === 'hours-change') &&
            hours !== null &&
            !Number.isFinite(hours) &&
            'Enter hours a week as a number, like 16',
          hourlyWagePence:
            job &&
            !!v.hourlyWagePence.trim() &&
            parsePounds(v.hourlyWagePence) === null &&
            'Enter the hourly wage in pounds, like 12.71',
        };
      },
    ),
    defaultValues: {
      kind: 'job-start',
      date: today,
      employer: '',
      hoursPerWeek: '',
      hourlyWagePence: '',
      note: '',
    },
    shouldFocusError: false,
  });
  const [failed, setFailed] = useState(0);
  const [general, setGeneral] = useState<string | null>(null);
  const [started, setStarted] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const kind = useWatch({ control, name: 'kind' });
  const job = kind === 'job-start';

  const onValid = async (values: LifeEventInput) => {
    setGeneral(null);
    const r = await call('meetings:lifeEvent', values);
    if (!r.ok) {
      const field = r.error.field;
      if (field && field in IDS)
        setError(field as keyof Values, { type: 'server', message: r.error.message });
      else setGeneral(r.error.message);
      return setFailed((n) => n + 1);
    }
    setStarted(values.kind === 'job-start');
    reset({
      kind: values.kind,
      date: values.date,
      employer: '',
      hoursPerWeek: '',
      hourlyWagePence: '',
      note: '',
    });
    onSaved();
    // The event joins the list under the heading (with the better-off link after a job start).
    heading.current?.focus();
  };

  return (
    <section className="meeting-section" aria-labelledby="life-events-title">
      <h2 className="heading-m" id="life-events-title" tabIndex={-1} ref={heading}>
        Life events
      </h2>
      {started && (
        <p className="body">
          In-work support has started.{' '}
          <a className="link" href={hrefFor({ name: 'better-off', id: participantId })}>
            Work out how much better off they will be in work
          </a>
        </p>
      )}
      {events.length > 0 && (
        <ul className="list list--bullet">
          {events.map((e) => (
            <li key={e.id}>
              {formatDate(e.date)}: {LIFE_EVENT_LABELS[e.kind]}
              {e.employer ? `, ${e.employer}` : ''}
              {e.hoursPerWeek !== null ? `, ${e.hoursPerWeek} hours a week` : ''}
              {e.hourlyWagePence !== null ? ` at ${formatPence(e.hourlyWagePence)} an hour` : ''}
            </li>
          ))}
        </ul>
      )}
      <form
        onSubmit={(e) => void handleSubmit(onValid, () => setFailed((n) => n + 1))(e)}
        noValidate
        aria-label="Record a life event"
      >
        <ErrorSummary errors={summaryOf(errors, IDS, general)} focusKey={failed} />
        <Select
          id={IDS.kind}
          label="What happened"
          error={errors.kind?.message}
          options={LIFE_EVENT_KINDS.map((k) => ({ value: k, label: LIFE_EVENT_LABELS[k] }))}
          {...register('kind')}
        />
        <ControlledDateInput
          control={control}
          name="date"
          id={IDS.date}
          legend="Date"
          hint="For example, 7 11 2026"
          error={errors.date?.message}
        />
        {(job || kind === 'job-end') && (
          <TextInput
            id={IDS.employer}
            label="Employer"
            error={errors.employer?.message}
            {...register('employer')}
          />
        )}
        {(job || kind === 'hours-change') && (
          <TextInput
            id={IDS.hoursPerWeek}
            label="Hours a week"
            width="5"
            inputMode="decimal"
            error={errors.hoursPerWeek?.message}
            {...register('hoursPerWeek')}
          />
        )}
        {job && (
          <TextInput
            id={IDS.hourlyWagePence}
            label="Hourly wage (£)"
            width="5"
            inputMode="decimal"
            error={errors.hourlyWagePence?.message}
            {...register('hourlyWagePence')}
          />
        )}
        <Textarea
          id={IDS.note}
          label="Note (optional)"
          rows={2}
          error={errors.note?.message}
          {...register('note')}
        />
        <button type="submit" className="button button--secondary" disabled={isSubmitting}>
          Record life event
        </button>
      </form>
    </section>
  );
}
