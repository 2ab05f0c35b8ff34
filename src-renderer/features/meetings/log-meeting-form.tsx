/**
 * Logs a booked appointment's outcome in a few keystrokes: the outcome radios take arrow keys,
 * the channel starts as booked, Enter submits. Notes can be marked special-category. The next
 * appointment can be booked in the same submit.
 */
import { useState } from 'react';
import { useForm, useWatch, type FieldErrors, type Resolver } from 'react-hook-form';
import { APPOINTMENT_CHANNELS, type Appointment } from '@shared/schemas/diary';
import { LOGGED_OUTCOMES, logMeetingSchema, type LogMeeting } from '@shared/schemas/meeting';
import type { PlanStep } from '@shared/schemas/plan';
import { isCivilDate } from '@shared/domain/calendar/civil-date';
import { call } from '../../api';
import { formatDate } from '../../labels';
import { ErrorSummary } from '../../components/error-summary';
import {
  ErrorMessage,
  Choice,
  Fieldset,
  Select,
  TextInput,
  Textarea,
} from '../../components/fields';
import { toCivilDate } from '../../components/date-input';
import { ControlledDateInput } from '../../components/controlled-date-input';
import { schemaResolver, summaryOf } from '../../components/form-support';
import { CHANNEL_LABELS, OUTCOME_LABELS } from './meeting-labels';
import { withTypedWords } from './typed-words';
import type { Slot } from '@shared/domain/diary/slot-finder';

/**
 * The slot finder on the spot: the earliest free times for the next regular meeting that fit the
 * adviser's diary, the office, the rooms and the participant's constraints. Choosing one fills
 * the date and time below; the adviser can still type another.
 */
function NextSlots({
  appointment,
  idPrefix,
  onChoose,
}: {
  appointment: Appointment;
  idPrefix: string;
  onChoose(slot: Slot): void;
}) {
  const [slots, setSlots] = useState<Slot[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const find = async () => {
    const r = await call('diary:findSlots', {
      participantId: appointment.participantId,
      kind: 'regular',
      channel: appointment.channel,
      officeId: appointment.officeId,
      earliest: appointment.end,
      count: 5,
    });
    if (!r.ok) return setMessage(r.error.message);
    setSlots(r.value.slots);
    setMessage(
      r.value.slots.length === 0 ? r.value.reasons.join(' ') || 'No free time was found.' : null,
    );
  };
  return (
    <div className="meeting-next__slots">
      <button type="button" className="button button--secondary" onClick={() => void find()}>
        Find the earliest free times
      </button>
      <div role="status">{message ?? (slots ? `${slots.length} free times found.` : '')}</div>
      {slots && slots.length > 0 && (
        <Fieldset id={`next-slots-${idPrefix}`} legend="Free times">
          {slots.map((slot, i) => (
            <Choice
              key={slot.start}
              type="radio"
              name={`next-slot-${idPrefix}`}
              id={`next-slot-${idPrefix}-${i}`}
              label={`${formatDate(slot.start)} at ${slot.start.slice(11)}–${slot.end.slice(11)}${slot.room ? `, ${slot.room}` : ''}`}
              onChange={() => onChoose(slot)}
            />
          ))}
        </Fieldset>
      )}
    </div>
  );
}

const plusMinutes = (hhmm: string, minutes: number) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  const total = h * 60 + m + minutes;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
};

/** The form's boxes; the next appointment is typed as a date and a 24-hour start time. */
interface Values {
  outcome: string;
  priorNotice: '' | 'yes' | 'no';
  channel: string;
  notes: string;
  notesSpecialCategory: boolean;
  stepsReviewed: string[];
  nextDate: string;
  nextTime: string;
  /** A slot the finder offered and the adviser chose: its office, room and end go with it. */
  slot: Slot | null;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** What the typed date and time say wrong before the booking can be checked at all. */
function nextWords(v: Values): Partial<Record<keyof Values, string | false>> {
  const date = toCivilDate(v.nextDate);
  const time = v.nextTime.trim();
  if (!date && !time) return {};
  return {
    nextDate: !date
      ? 'Enter the date of the next appointment, or leave the time empty'
      : !isCivilDate(date) && 'Enter a real date, for example 7 11 2026',
    nextTime: !TIME.test(time) && 'Enter the next appointment time as HH:MM, like 14:30',
  };
}

/** The booking's own problems (an office, an end after the start) belong beside its date. */
function bookingBesideDate<V extends Values, O>(
  resolver: Resolver<V, unknown, O>,
): Resolver<V, unknown, O> {
  return async (values, context, options) => {
    const result = await resolver(values, context, options);
    const next = (result.errors as Record<string, unknown>).next as
      Record<string, { message?: string } | undefined> | { message?: string } | undefined;
    if (!next) return result;
    const message =
      ('message' in next && typeof next.message === 'string' ? next.message : undefined) ??
      Object.values(next as Record<string, { message?: string } | undefined>).find(
        (e) => e?.message,
      )?.message;
    const { next: _moved, ...rest } = result.errors as Record<string, unknown>;
    void _moved;
    return {
      values: {},
      // What the typed date or time says wrong comes first: the booking built from it cannot be right.
      errors: (rest.nextDate || rest.nextTime
        ? rest
        : {
            ...rest,
            nextDate: { type: 'booking', message: message ?? 'Check the next appointment' },
          }) as FieldErrors<V>,
    };
  };
}

export function LogMeetingForm({
  appointment: a,
  steps,
  onLogged,
}: {
  appointment: Appointment;
  steps: PlanStep[];
  onLogged(): void;
}) {
  const key = a.id.slice(-8);
  const IDS = {
    outcome: `outcome-${key}`,
    priorNotice: `notice-${key}`,
    channel: `channel-${key}`,
    notes: `notes-${key}`,
    notesSpecialCategory: `special-${key}`,
    stepsReviewed: `steps-${key}`,
    nextDate: `next-date-${key}`,
    nextTime: `next-time-${key}`,
  };
  const when = `${formatDate(a.start)} at ${a.start.slice(11)}`;
  const {
    register,
    control,
    handleSubmit,
    setError,
    setValue,
    formState: { errors, isSubmitting },
  } = useForm<Values, unknown, LogMeeting>({
    resolver: bookingBesideDate(
      withTypedWords(
        schemaResolver<Values, LogMeeting>(
          logMeetingSchema,
          (v) => {
            const date = toCivilDate(v.nextDate);
            const time = v.nextTime.trim();
            const slot = v.slot;
            return {
              appointmentId: a.id,
              expectedVersion: a.version,
              outcome: v.outcome,
              // Asked only for a missed meeting; an answer left from before is not sent.
              priorNotice: v.outcome === 'dna' && v.priorNotice ? v.priorNotice === 'yes' : null,
              channel: v.channel,
              notes: v.notes,
              notesSpecialCategory: v.notesSpecialCategory,
              stepsReviewed: v.stepsReviewed,
              next:
                date || time
                  ? slot && slot.start === `${date}T${time}`
                    ? {
                        participantId: a.participantId,
                        officeId: slot.channel === 'in-person' ? slot.officeId : undefined,
                        room: slot.room ?? undefined,
                        start: slot.start,
                        end: slot.end,
                        kind: 'regular',
                        channel: slot.channel,
                      }
                    : {
                        participantId: a.participantId,
                        officeId: a.officeId,
                        room: a.room,
                        start: `${date}T${time}`,
                        end: TIME.test(time) ? `${date}T${plusMinutes(time, 60)}` : '',
                        kind: 'regular',
                        channel: a.channel,
                      }
                  : undefined,
            };
          },
          [],
        ),
        nextWords,
      ),
    ),
    defaultValues: {
      outcome: '',
      priorNotice: '',
      channel: a.channel,
      notes: '',
      notesSpecialCategory: false,
      stepsReviewed: [],
      nextDate: '',
      nextTime: '',
      slot: null,
    },
    shouldFocusError: false,
  });
  const [failed, setFailed] = useState(0);
  const [general, setGeneral] = useState<string | null>(null);
  const outcome = useWatch({ control, name: 'outcome' });

  const onValid = async (values: LogMeeting) => {
    setGeneral(null);
    const result = await call('meetings:log', values);
    if (!result.ok) {
      const field = result.error.field?.startsWith('next') ? 'nextDate' : result.error.field;
      if (field && field in IDS)
        setError(field as keyof Values, { type: 'server', message: result.error.message });
      else setGeneral(result.error.message);
      return setFailed((n) => n + 1);
    }
    onLogged();
  };

  return (
    <form
      className="meeting-log"
      onSubmit={(e) => void handleSubmit(onValid, () => setFailed((n) => n + 1))(e)}
      noValidate
      aria-label={`Log the appointment on ${when}`}
    >
      <ErrorSummary errors={summaryOf(errors, IDS, general)} focusKey={failed} />
      <Fieldset
        id={IDS.outcome}
        legend="What happened?"
        legendSize="s"
        error={errors.outcome?.message}
      >
        <div className="radios radios--small">
          {LOGGED_OUTCOMES.map((o, i) => (
            <Choice
              key={o}
              type="radio"
              id={i === 0 ? IDS.outcome : `${IDS.outcome}-${o}`}
              label={OUTCOME_LABELS[o]}
              value={o}
              {...register('outcome')}
            />
          ))}
        </div>
      </Fieldset>
      {outcome === 'dna' && (
        <Fieldset
          id={IDS.priorNotice}
          legend="Did they tell you beforehand?"
          legendSize="s"
          error={errors.priorNotice?.message}
        >
          <div className="radios radios--inline">
            <Choice
              type="radio"
              id={IDS.priorNotice}
              label="Yes"
              value="yes"
              {...register('priorNotice')}
            />
            <Choice
              type="radio"
              id={`${IDS.priorNotice}-no`}
              label="No"
              value="no"
              {...register('priorNotice')}
            />
          </div>
        </Fieldset>
      )}
      <Select
        id={IDS.channel}
        label="How it took place"
        error={errors.channel?.message}
        options={APPOINTMENT_CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] ?? c }))}
        {...register('channel')}
      />
      <Textarea
        id={IDS.notes}
        label="Notes (optional)"
        rows={3}
        error={errors.notes?.message}
        {...register('notes')}
      />
      <div className={`form-group${errors.notesSpecialCategory ? ' form-group--error' : ''}`}>
        <ErrorMessage id={IDS.notesSpecialCategory}>
          {errors.notesSpecialCategory?.message}
        </ErrorMessage>
        <div className="checkboxes">
          <Choice
            type="checkbox"
            id={IDS.notesSpecialCategory}
            label="These notes include health or other special-category information (only advisers will see them)"
            aria-describedby={
              errors.notesSpecialCategory ? `${IDS.notesSpecialCategory}-error` : undefined
            }
            {...register('notesSpecialCategory')}
          />
        </div>
      </div>
      {steps.length > 0 && (
        <Fieldset id={IDS.stepsReviewed} legend="Plan steps reviewed" legendSize="s">
          <div className="checkboxes checkboxes--small">
            {steps.map((s, i) => (
              <Choice
                key={s.id}
                type="checkbox"
                id={i === 0 ? IDS.stepsReviewed : `${IDS.stepsReviewed}-${s.id}`}
                label={s.action}
                value={s.id}
                {...register('stepsReviewed')}
              />
            ))}
          </div>
        </Fieldset>
      )}
      <details
        className="meeting-next"
        open={errors.nextDate || errors.nextTime ? true : undefined}
      >
        <summary>Book the next appointment (optional)</summary>
        <NextSlots
          appointment={a}
          idPrefix={key}
          onChoose={(slot) => {
            setValue('slot', slot);
            setValue('nextDate', slot.start.slice(0, 10));
            setValue('nextTime', slot.start.slice(11));
          }}
        />
        <ControlledDateInput
          control={control}
          name="nextDate"
          id={IDS.nextDate}
          legend="Next appointment date"
          error={errors.nextDate?.message}
        />
        <TextInput
          id={IDS.nextTime}
          label="Start time"
          hint="24-hour, like 14:30. The appointment lasts an hour, as before."
          width="5"
          error={errors.nextTime?.message}
          {...register('nextTime')}
        />
      </details>
      <button type="submit" className="button" disabled={isSubmitting}>
        Log outcome
      </button>
    </form>
  );
}
