/**
 * Record a complaint: what it says, when and how it arrived, who or what it is about, and who
 * made it (a participant on the caseload, or someone not named). Checked with the same
 * `complaintInputSchema` the main process applies; what the main process still refuses comes back
 * on its field. Saved, the complaint opens on its own page with its first stage and due date.
 */
import { useEffect, useState } from 'react';
import { Controller, useForm, useWatch, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { complaintInputSchema, type ComplaintInput } from '@shared/domain/complaints/complaint';
import type { CaseloadRow } from '@shared/schemas/participant';
import type { ProfileSummary } from '@shared/ipc/channels/profiles';
import { call } from '../../api';
import { hrefFor, navigate } from '../../app/router';
import { setFlash } from '../../app/flash';
import { PageHeading } from '../../components/page-heading';
import { ErrorSummary, type SummaryError } from '../../components/error-summary';
import { Choice, Fieldset, TextInput, Textarea } from '../../components/fields';
import { toCivilDate } from '../../components/date-input';
import { ControlledDateInput } from '../../components/controlled-date-input';
import { formatDate } from '../../labels';
import { CHANNEL_WORDS, COMPLAINT_CHANNELS, dateMessage } from './complaint-words';
import { useToday } from '../../app/today';

interface FormValues {
  who: 'participant' | 'someone-else' | '';
  participantId: string;
  receivedOn: string;
  channel: string;
  about: string;
  summary: string;
  profileId: string;
}

/** Field order and the control each error links to. */
const FIELDS: { name: keyof FormValues; id: string }[] = [
  { name: 'who', id: 'complaint-who' },
  { name: 'participantId', id: 'complaint-participant-search' },
  { name: 'profileId', id: 'complaint-profile' },
  { name: 'receivedOn', id: 'complaint-received' },
  { name: 'channel', id: 'complaint-channel' },
  { name: 'about', id: 'complaint-about' },
  { name: 'summary', id: 'complaint-summary' },
];

const schemaResolver = zodResolver(complaintInputSchema);
const resolver: Resolver<FormValues, unknown, ComplaintInput> = async (values, ctx, options) => {
  const mapped = {
    participantId: values.who === 'participant' ? values.participantId : null,
    receivedOn: toCivilDate(values.receivedOn),
    channel: values.channel,
    about: values.about,
    summary: values.summary,
    ...(values.who === 'someone-else' && values.profileId ? { profileId: values.profileId } : {}),
  };
  const result = (await schemaResolver(mapped as never, ctx, options as never)) as unknown as {
    values: ComplaintInput | Record<string, never>;
    errors: Record<string, { type: string; message?: string }>;
  };
  const errors = { ...result.errors };
  if (!values.who) errors.who = { type: 'required', message: 'Choose who made the complaint' };
  if (values.who === 'participant' && !values.participantId)
    errors.participantId = { type: 'required', message: 'Find and choose the participant' };
  if (errors.receivedOn)
    errors.receivedOn = {
      ...errors.receivedOn,
      message: mapped.receivedOn
        ? dateMessage(errors.receivedOn.message, 'the date it was received')
        : 'Enter the date the complaint was received',
    };
  return Object.keys(errors).length > 0
    ? ({ values: {}, errors } as never)
    : ({ values: result.values, errors: {} } as never);
};

function ParticipantFinder({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (id: string) => void;
  error?: string;
}) {
  const [search, setSearch] = useState('');
  // The answer is kept with the words it answers, so a stale answer is never shown.
  const [found, setFound] = useState<{ words: string; rows: CaseloadRow[] } | null>(null);
  const words = search.trim();
  useEffect(() => {
    if (words.length < 2) return;
    let live = true;
    void call('caseload:list', { search: words, limit: 10 }).then((r) => {
      if (live) setFound({ words, rows: r.ok ? r.value.rows : [] });
    });
    return () => {
      live = false;
    };
  }, [words]);
  const searched = words.length >= 2 && found?.words === words;
  const rows = searched ? found.rows : [];
  return (
    <div className="inset-text">
      <TextInput
        id="complaint-participant-search"
        label="Find the participant"
        hint="Type at least 2 letters of their name or their referral reference"
        autoComplete="off"
        value={search}
        error={error}
        onChange={(e) => setSearch(e.target.value)}
      />
      <div role="status" aria-live="polite" className="body">
        {searched && rows.length === 0 ? 'Nobody on the caseload matches.' : ''}
        {rows.length > 0 ? `${rows.length} ${rows.length === 1 ? 'match' : 'matches'}.` : ''}
      </div>
      {rows.length > 0 && (
        <Fieldset id="complaint-participant" legend="Choose the participant" legendSize="s">
          <div className="radios">
            {rows.map((p) => (
              <Choice
                key={p.id}
                id={`complaint-participant-${p.id}`}
                type="radio"
                name="complaint-participant"
                checked={value === p.id}
                onChange={() => onChange(p.id)}
                label={`${p.preferredName ? `${p.name} (${p.preferredName})` : p.name}, referred ${formatDate(p.referralDate)}, ${p.referralId}`}
              />
            ))}
          </div>
        </Fieldset>
      )}
    </div>
  );
}

export function RecordComplaintPage() {
  const today = useToday();
  const [profiles, setProfiles] = useState<ProfileSummary[]>([]);
  const [general, setGeneral] = useState<string | null>(null);
  const [failedSubmits, setFailedSubmits] = useState(0);
  const failed = () => setFailedSubmits((n) => n + 1);
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<FormValues, unknown, ComplaintInput>({
    resolver,
    defaultValues: {
      who: '',
      participantId: '',
      receivedOn: today,
      channel: '',
      about: '',
      summary: '',
      profileId: 'work-programme',
    },
    shouldFocusError: false,
  });
  const who = useWatch({ control, name: 'who' });

  useEffect(() => {
    void call('profiles:list', {}).then((r) => {
      if (r.ok) setProfiles(r.value.profiles);
    });
  }, []);

  const onValid = async (input: ComplaintInput) => {
    setGeneral(null);
    const result = await call('complaints:record', input);
    if (!result.ok) {
      const field = result.error.field as keyof FormValues | undefined;
      if (field && FIELDS.some((f) => f.name === field))
        setError(field, { type: 'server', message: result.error.message });
      else setGeneral(result.error.message);
      return failed();
    }
    const stage = result.value.stages[0]!;
    setFlash(
      stage.responseDue
        ? `Complaint recorded. ${stage.name}: response due by ${formatDate(stage.responseDue)}.`
        : `Complaint recorded at ${stage.name}.`,
    );
    navigate({ name: 'complaint', id: result.value.id });
  };

  const summary: SummaryError[] = [
    ...(general ? [{ message: general }] : []),
    ...FIELDS.flatMap(({ name, id }) => {
      const message = errors[name]?.message;
      return message ? [{ targetId: id, message }] : [];
    }),
  ];

  return (
    <>
      <p className="body">
        <a className="back-link" href={hrefFor({ name: 'complaints' })}>
          Back to complaints
        </a>
      </p>
      <PageHeading>Record a complaint</PageHeading>
      <form
        noValidate
        aria-label="Record a complaint"
        onSubmit={(e) => void handleSubmit(onValid, failed)(e)}
      >
        <ErrorSummary errors={summary} focusKey={failedSubmits} />
        <Fieldset id="complaint-who" legend="Who made the complaint?" error={errors.who?.message}>
          <div className="radios">
            <Choice
              id="complaint-who"
              type="radio"
              value="participant"
              label="A participant on this caseload"
              {...register('who')}
            />
            <Choice
              id="complaint-who-other"
              type="radio"
              value="someone-else"
              label="Someone else, or they did not give their name"
              {...register('who')}
            />
          </div>
        </Fieldset>
        {who === 'participant' && (
          <Controller
            control={control}
            name="participantId"
            render={({ field }) => (
              <ParticipantFinder
                value={field.value}
                onChange={field.onChange}
                error={errors.participantId?.message}
              />
            )}
          />
        )}
        {who === 'someone-else' && (
          <Fieldset
            id="complaint-profile"
            legend="Which complaints route applies?"
            hint="A participant's complaint follows their own charter profile."
            error={errors.profileId?.message}
          >
            <div className="radios">
              {profiles.map((p, i) => (
                <Choice
                  key={p.id}
                  id={i === 0 ? 'complaint-profile' : `complaint-profile-${p.id}`}
                  type="radio"
                  value={p.id}
                  label={p.name}
                  {...register('profileId')}
                />
              ))}
            </div>
          </Fieldset>
        )}
        <ControlledDateInput
          control={control}
          name="receivedOn"
          id="complaint-received"
          legend="When was it received?"
          hint="For example, 27 3 2026"
          error={errors.receivedOn?.message}
        />
        <Fieldset
          id="complaint-channel"
          legend="How was it received?"
          error={errors.channel?.message}
        >
          <div className="radios">
            {COMPLAINT_CHANNELS.map((c, i) => (
              <Choice
                key={c}
                id={i === 0 ? 'complaint-channel' : `complaint-channel-${c}`}
                type="radio"
                value={c}
                label={CHANNEL_WORDS[c]}
                {...register('channel')}
              />
            ))}
          </div>
        </Fieldset>
        <TextInput
          id="complaint-about"
          label="Who or what is it about?"
          hint="For example, a member of staff, the office, or a decision about travel costs"
          error={errors.about?.message}
          {...register('about')}
        />
        <Textarea
          id="complaint-summary"
          label="What does the complaint say?"
          error={errors.summary?.message}
          rows={6}
          {...register('summary')}
        />
        <button type="submit" className="button" disabled={isSubmitting}>
          {isSubmitting ? 'Recording…' : 'Record the complaint'}
        </button>
      </form>
    </>
  );
}
