/**
 * After a missed meeting (R8): when the follow-up is due, the contact attempts, a form to log one,
 * and the adviser's decision. Words stay factual: the app records, Jobcentre Plus decides.
 */
import { useToday } from '../../app/today';
import { useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import {
  CONTACT_OUTCOMES,
  contactAttemptSchema,
  missedDecisionSchema,
  type ContactAttemptInput,
  type MeetingView,
} from '@shared/schemas/meeting';
import { CONTACT_CHANNELS } from '@shared/schemas/timeline-events';
import { isCivilDate } from '@shared/domain/calendar/civil-date';
import type { z } from 'zod';
import { call } from '../../api';
import { formatDate } from '../../labels';
import { ErrorSummary } from '../../components/error-summary';
import { Choice, Fieldset, Select, Textarea, TextInput } from '../../components/fields';
import { toCivilDate } from '../../components/date-input';
import { ControlledDateInput } from '../../components/controlled-date-input';
import { schemaResolver, summaryOf } from '../../components/form-support';
import { CHANNEL_LABELS, CONTACT_OUTCOME_LABELS, FOLLOW_UP_LABELS } from './meeting-labels';
import { withTypedWords } from './typed-words';

type ContactKind = 'dna-follow-up' | 'in-work' | 'general' | 'initial';

/** The contact form's boxes; the induction offered is typed as a date and a time. */
interface ContactValues {
  contactKind: ContactKind;
  channel: string;
  outcome: string;
  date: string;
  offeredDay: string;
  offeredTime: string;
  note: string;
}

const OFFERED_WORDS =
  'Enter the induction time offered as a real date and a time like 10:30, or leave both empty';

/** R2: the induction time offered in the first contact, or null when none was typed. */
function offered(v: ContactValues): string | null | false {
  if (v.contactKind !== 'initial' || (!v.offeredDay && !v.offeredTime.trim())) return null;
  const day = toCivilDate(v.offeredDay);
  const time = /^(\d{1,2})[:.](\d{2})$/.exec(v.offeredTime.trim());
  if (!isCivilDate(day) || !time) return false;
  return `${day}T${time[1]!.padStart(2, '0')}:${time[2]}`;
}

export function ContactForm({
  participantId,
  appointmentId,
  kinds,
  label,
  onSaved,
}: {
  participantId: string;
  appointmentId: string | null;
  kinds: readonly ContactKind[];
  label: string;
  onSaved(): void;
}) {
  const today = useToday();
  const key = appointmentId?.slice(-8) ?? 'other';
  const IDS = {
    contactKind: `contact-kind-${key}`,
    channel: `contact-channel-${key}`,
    outcome: `contact-outcome-${key}`,
    date: `contact-date-${key}`,
    inductionOffered: `contact-offered-${key}`,
    note: `contact-note-${key}`,
  };
  const {
    register,
    control,
    handleSubmit,
    setError,
    resetField,
    formState: { errors, isSubmitting },
  } = useForm<ContactValues, unknown, ContactAttemptInput>({
    resolver: withTypedWords(
      schemaResolver<ContactValues, ContactAttemptInput>(
        contactAttemptSchema,
        (v) => ({
          participantId,
          appointmentId,
          contactKind: v.contactKind,
          channel: v.channel,
          outcome: v.outcome,
          date: toCivilDate(v.date),
          note: v.note,
          inductionOffered: offered(v) || null,
        }),
        ['date'],
      ),
      (v) => ({ inductionOffered: offered(v) === false && OFFERED_WORDS }),
    ),
    defaultValues: {
      contactKind: kinds[0]!,
      channel: 'phone',
      outcome: 'spoke',
      date: today,
      offeredDay: '',
      offeredTime: '',
      note: '',
    },
    shouldFocusError: false,
  });
  const [failed, setFailed] = useState(0);
  const [general, setGeneral] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const kind = useWatch({ control, name: 'contactKind' });
  const errorOf = (field: keyof typeof IDS) =>
    (errors as Record<string, { message?: string } | undefined>)[field]?.message;

  const onValid = async (values: ContactAttemptInput) => {
    setGeneral(null);
    const r = await call('meetings:contact', values);
    if (!r.ok) {
      const field = r.error.field;
      if (field && field in IDS)
        setError(field as keyof ContactValues, { type: 'server', message: r.error.message });
      else setGeneral(r.error.message);
      return setFailed((n) => n + 1);
    }
    resetField('note');
    onSaved();
    heading.current?.focus();
  };

  return (
    <form
      className="meeting-subform"
      onSubmit={(e) => void handleSubmit(onValid, () => setFailed((n) => n + 1))(e)}
      noValidate
      aria-label={label}
    >
      <h4 className="heading-s" tabIndex={-1} ref={heading}>
        {label}
      </h4>
      <ErrorSummary errors={summaryOf(errors, IDS, general)} focusKey={failed} />
      {kinds.length > 1 && (
        <Select
          id={IDS.contactKind}
          label="Kind of contact"
          error={errorOf('contactKind')}
          options={kinds.map((k) => ({
            value: k,
            label:
              k === 'in-work'
                ? 'In-work support'
                : k === 'initial'
                  ? 'First contact after allocation'
                  : 'General',
          }))}
          {...register('contactKind')}
        />
      )}
      <div className="meeting-row">
        <Select
          id={IDS.channel}
          label="How"
          error={errorOf('channel')}
          options={CONTACT_CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] ?? c }))}
          {...register('channel')}
        />
        <Select
          id={IDS.outcome}
          label="What happened"
          error={errorOf('outcome')}
          options={CONTACT_OUTCOMES.map((o) => ({ value: o, label: CONTACT_OUTCOME_LABELS[o] }))}
          {...register('outcome')}
        />
      </div>
      <ControlledDateInput
        control={control}
        name="date"
        id={IDS.date}
        legend="Date of contact"
        error={errorOf('date')}
      />
      {kind === 'initial' && (
        <>
          <ControlledDateInput
            control={control}
            name="offeredDay"
            id={IDS.inductionOffered}
            legend="Induction date offered (optional)"
            hint="The induction time you offered in this contact, for example 9 12 2026"
            error={errorOf('inductionOffered')}
          />
          <TextInput
            id={`contact-offered-time-${key}`}
            label="Induction time offered (optional)"
            hint="24-hour clock, for example 10:30"
            width="5"
            {...register('offeredTime')}
          />
        </>
      )}
      <Textarea
        id={IDS.note}
        label="Note (optional)"
        rows={2}
        error={errorOf('note')}
        {...register('note')}
      />
      <button type="submit" className="button button--secondary" disabled={isSubmitting}>
        Log contact
      </button>
    </form>
  );
}

/** The decision form's boxes: good reason is a Yes/No radio, so '' until one is chosen. */
interface DecisionValues {
  goodReason: '' | 'yes' | 'no';
  complianceDoubtReferred: boolean;
  decidedOn: string;
  note: string;
}

function DecisionForm({ meeting, onSaved }: { meeting: MeetingView; onSaved(): void }) {
  const today = useToday();
  const key = meeting.appointment.id.slice(-8);
  const IDS = {
    goodReason: `good-${key}`,
    complianceDoubtReferred: `jcp-${key}`,
    decidedOn: `decided-${key}`,
    note: `decision-note-${key}`,
  };
  const d = meeting.decision;
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<DecisionValues, unknown, z.output<typeof missedDecisionSchema>>({
    resolver: schemaResolver<DecisionValues, z.output<typeof missedDecisionSchema>>(
      missedDecisionSchema,
      (v) => ({
        appointmentId: meeting.appointment.id,
        goodReason: v.goodReason === '' ? undefined : v.goodReason === 'yes',
        // The box shows only without good reason; a tick left from before is not sent.
        complianceDoubtReferred: v.goodReason === 'yes' ? false : v.complianceDoubtReferred,
        decidedOn: toCivilDate(v.decidedOn),
        note: v.note,
      }),
      ['decidedOn'],
    ),
    defaultValues: {
      goodReason: d ? (d.goodReason ? 'yes' : 'no') : '',
      complianceDoubtReferred: d?.complianceDoubtReferred ?? false,
      decidedOn: today,
      note: d?.note ?? '',
    },
    shouldFocusError: false,
  });
  const [failed, setFailed] = useState(0);
  const [general, setGeneral] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const goodReason = useWatch({ control, name: 'goodReason' });

  const onValid = async (values: z.output<typeof missedDecisionSchema>) => {
    setGeneral(null);
    const r = await call('meetings:decide', values);
    if (!r.ok) {
      const field = r.error.field;
      if (field && field in IDS)
        setError(field as keyof DecisionValues, { type: 'server', message: r.error.message });
      else setGeneral(r.error.message);
      return setFailed((n) => n + 1);
    }
    onSaved();
    // The recorded decision is read out under the heading.
    heading.current?.focus();
  };

  return (
    <form
      className="meeting-subform"
      onSubmit={(e) => void handleSubmit(onValid, () => setFailed((n) => n + 1))(e)}
      noValidate
      aria-label="Your decision"
    >
      <h4 className="heading-s" tabIndex={-1} ref={heading}>
        Your decision
      </h4>
      {d && (
        <p className="body">
          Recorded {formatDate(d.decidedOn)}:{' '}
          {d.goodReason
            ? 'there was good reason.'
            : d.complianceDoubtReferred
              ? 'no good reason given; the question was passed to Jobcentre Plus.'
              : 'no good reason given; nothing passed to Jobcentre Plus.'}
        </p>
      )}
      <ErrorSummary errors={summaryOf(errors, IDS, general)} focusKey={failed} />
      <Fieldset
        id={`${IDS.goodReason}-group`}
        legend="Was there good reason for missing it?"
        legendSize="s"
        error={errors.goodReason?.message}
      >
        <div className="radios radios--inline">
          <Choice
            type="radio"
            id={IDS.goodReason}
            label="Yes"
            value="yes"
            {...register('goodReason')}
          />
          <Choice
            type="radio"
            id={`${IDS.goodReason}-no`}
            label="No"
            value="no"
            {...register('goodReason')}
          />
        </div>
      </Fieldset>
      {goodReason === 'no' && (
        <div className={`form-group${errors.complianceDoubtReferred ? ' form-group--error' : ''}`}>
          <div className="checkboxes">
            <Choice
              type="checkbox"
              id={IDS.complianceDoubtReferred}
              label="Pass a compliance doubt to Jobcentre Plus (they decide what happens next)"
              {...register('complianceDoubtReferred')}
            />
          </div>
        </div>
      )}
      <ControlledDateInput
        control={control}
        name="decidedOn"
        id={IDS.decidedOn}
        legend="Date of the decision"
        error={errors.decidedOn?.message}
      />
      <Textarea
        id={IDS.note}
        label="What the participant said (optional)"
        rows={2}
        error={errors.note?.message}
        {...register('note')}
      />
      <button type="submit" className="button button--secondary" disabled={isSubmitting}>
        Record decision
      </button>
    </form>
  );
}

export function FollowUp({
  meeting,
  participantId,
  onSaved,
}: {
  meeting: MeetingView;
  participantId: string;
  onSaved(): void;
}) {
  const f = meeting.followUp;
  return (
    <div className="meeting-follow-up">
      {f ? (
        <p className="body">
          <strong
            className={`tag tag--${f.status === 'pending' || f.status === 'missed' ? 'red' : 'green'}`}
          >
            {FOLLOW_UP_LABELS[f.status]}
          </strong>{' '}
          {f.metOn
            ? `Contact logged on ${formatDate(f.metOn)} (due by ${formatDate(f.due)}).`
            : `Contact them by ${formatDate(f.due)}.`}
        </p>
      ) : (
        <p className="body">They told us beforehand, so no follow-up is due.</p>
      )}
      {meeting.contacts.length > 0 && (
        <ul className="list list--bullet">
          {meeting.contacts.map((c) => (
            <li key={c.id}>
              {formatDate(c.date)}: {CHANNEL_LABELS[c.channel]},{' '}
              {CONTACT_OUTCOME_LABELS[c.outcome].toLowerCase()}
              {c.note ? `. ${c.note}` : ''}
            </li>
          ))}
        </ul>
      )}
      <ContactForm
        participantId={participantId}
        appointmentId={meeting.appointment.id}
        kinds={['dna-follow-up']}
        label="Log a contact attempt"
        onSaved={onSaved}
      />
      <DecisionForm meeting={meeting} onSaved={onSaved} />
    </div>
  );
}
