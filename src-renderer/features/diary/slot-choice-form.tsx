/**
 * "Choose a time": one of the slot finder's offers, booked as the shared `bookingSchema` (the one
 * diary:book is checked with) says. No time chosen, or an offer the schema refuses, is said beside
 * the radios and in the summary, and nothing is sent.
 */
import { useState } from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import { bookingSchema, type Appointment, type Booking } from '@shared/schemas/diary';
import type { Slot } from '@shared/domain/diary';
import { call } from '../../api';
import { ErrorSummary } from '../../components/error-summary';
import { Choice, Fieldset } from '../../components/fields';
import { schemaResolver, summaryOf } from '../../components/form-support';
import { formatSlot } from './diary-labels';

interface SlotValues {
  /** The chosen offer's place in the list, '' for none. */
  slot: string;
}

const IDS = { slot: 'slot-choice' };

/** The booking an offer makes: what diary:book is sent. */
const bookingOf = (participantId: string, s: Slot) => ({
  participantId,
  officeId: s.officeId,
  ...(s.room ? { room: s.room } : {}),
  start: s.start,
  end: s.end,
  kind: s.kind,
  channel: s.channel,
});

function slotResolver(
  participantId: string,
  slots: readonly Slot[],
): Resolver<SlotValues, unknown, Booking> {
  const chosen = (v: SlotValues) => (v.slot === '' ? undefined : slots[Number(v.slot)]);
  const base = schemaResolver<SlotValues, Booking>(
    bookingSchema,
    (v) => {
      const s = chosen(v);
      return s ? bookingOf(participantId, s) : { participantId };
    },
    [],
  );
  return async (values, context, options) => {
    const result = await base(values, context, options);
    const errors = result.errors as Record<string, { message?: string }>;
    if (Object.keys(errors).length === 0) return result;
    // Without a choice the schema misses the time, kind and channel: one thing to put right.
    const message = chosen(values)
      ? (Object.values(errors)[0]?.message ?? '')
      : 'Choose a time to book';
    return { values: {}, errors: { slot: { type: 'validate', message } } };
  };
}

/** How an offer reads: when, where, how far from home, and whether it misses the due date. */
const slotLabel = (s: Slot) =>
  `${formatSlot(s.start)} to ${s.end.slice(11)}, ${s.officeName}${s.room ? `, ${s.room}` : ''}${s.distanceKm !== null ? ` (about ${s.distanceKm < 1 ? 'under 1' : Math.round(s.distanceKm)} km from home)` : ''}${s.afterDue ? ', after the due date' : ''}`;

export function SlotChoiceForm({
  participantId,
  slots,
  onBooked,
}: {
  participantId: string;
  slots: readonly Slot[];
  onBooked(appointment: Appointment): void;
}) {
  const [general, setGeneral] = useState<string | null>(null);
  const [failed, setFailed] = useState(0);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<SlotValues, unknown, Booking>({
    resolver: slotResolver(participantId, slots),
    // Nothing is chosen to start with (GOV.UK: do not pre-select radios), so a time is booked
    // only when the adviser picks it with the participant.
    defaultValues: { slot: '' },
    shouldFocusError: false,
  });
  const book = async (booking: Booking) => {
    setGeneral(null);
    const r = await call('diary:book', booking);
    if (!r.ok) {
      setGeneral(r.error.message);
      return setFailed((n) => n + 1);
    }
    onBooked(r.value);
  };
  return (
    <form
      noValidate
      aria-label="Choose a time"
      onSubmit={(e) => void handleSubmit(book, () => setFailed((n) => n + 1))(e)}
    >
      <ErrorSummary errors={summaryOf(errors, IDS, general)} focusKey={failed} />
      <Fieldset id={IDS.slot} legend="Choose a time" legendSize="s" error={errors.slot?.message}>
        {slots.map((s, i) => (
          <Choice
            key={s.start}
            id={i === 0 ? IDS.slot : `${IDS.slot}-${i}`}
            type="radio"
            value={String(i)}
            label={slotLabel(s)}
            {...register('slot')}
          />
        ))}
      </Fieldset>
      <button type="submit" className="button" disabled={isSubmitting}>
        Book this time
      </button>
    </form>
  );
}
