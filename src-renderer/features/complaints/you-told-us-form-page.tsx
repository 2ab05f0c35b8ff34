/**
 * Add or change one "You told us, we did" entry: what people told us, what we did, when, and
 * the complaints (and any survey feedback already linked) behind it. Checked with the shared
 * `youToldUsInputSchema`; the main process also refuses words that name anyone behind it.
 */
import { useEffect, useState } from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  youToldUsInputSchema,
  type SourceLink,
  type YouToldUsInput,
} from '@shared/domain/complaints/you-told-us';
import type { ComplaintView } from '@shared/ipc/channels/complaints';
import type { YouToldUsEntry } from '@shared/ipc/channels/you-told-us';
import { call } from '../../api';
import { hrefFor, navigate } from '../../app/router';
import { setFlash } from '../../app/flash';
import { useToday } from '../../app/today';
import { PageHeading } from '../../components/page-heading';
import { ErrorSummary, type SummaryError } from '../../components/error-summary';
import { Choice, Fieldset, Textarea } from '../../components/fields';
import { toCivilDate } from '../../components/date-input';
import { ControlledDateInput } from '../../components/controlled-date-input';
import { formatDate } from '../../labels';
import { dateMessage } from './complaint-words';

interface Values {
  said: string;
  did: string;
  changedOn: string;
  /** 'complaint:<id>' keys of the ticked complaints. */
  complaints: string[];
}

const IDS: Record<keyof Values, string> = {
  said: 'ytu-said',
  did: 'ytu-did',
  changedOn: 'ytu-changed',
  complaints: 'ytu-sources',
};

function makeResolver(
  entryId: string | undefined,
  kept: SourceLink[],
): Resolver<Values, unknown, YouToldUsInput> {
  const inner = zodResolver(youToldUsInputSchema);
  return async (values, ctx, options) => {
    const changedOn = toCivilDate(values.changedOn);
    const input = {
      ...(entryId ? { id: entryId } : {}),
      said: values.said,
      did: values.did,
      changedOn,
      sources: [...values.complaints.map((id) => ({ kind: 'complaint' as const, id })), ...kept],
    };
    const result = (await inner(input, ctx, options as never)) as unknown as {
      values: YouToldUsInput;
      errors: Record<string, { type: string; message?: string }>;
    };
    const errors = { ...result.errors };
    if (errors.sources) errors.complaints = errors.sources;
    delete errors.sources;
    if (errors.changedOn)
      errors.changedOn = {
        ...errors.changedOn,
        message: changedOn
          ? dateMessage(errors.changedOn.message, 'the date of the change')
          : 'Enter the date of the change',
      };
    return (Object.keys(errors).length ? { values: {}, errors } : result) as never;
  };
}

function EntryForm({
  entry,
  complaints,
}: {
  entry: YouToldUsEntry | null;
  complaints: ComplaintView[];
}) {
  const today = useToday();
  const kept: SourceLink[] = (entry?.sources ?? [])
    .filter((s) => s.kind !== 'complaint')
    .map(({ kind, id }) => ({ kind, id }));
  const [general, setGeneral] = useState<string | null>(null);
  const [failedSubmits, setFailedSubmits] = useState(0);
  const failed = () => setFailedSubmits((n) => n + 1);
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Values, unknown, YouToldUsInput>({
    resolver: makeResolver(entry?.id, kept),
    defaultValues: {
      said: entry?.said ?? '',
      did: entry?.did ?? '',
      changedOn: entry?.changedOn ?? today,
      complaints: (entry?.sources ?? []).filter((s) => s.kind === 'complaint').map((s) => s.id),
    },
    shouldFocusError: false,
  });

  const onValid = async (input: YouToldUsInput) => {
    setGeneral(null);
    const result = await call('youToldUs:save', input);
    if (!result.ok) {
      const raw = result.error.field ?? '';
      const field = raw.startsWith('sources') ? 'complaints' : (raw as keyof Values);
      if (field in IDS) setError(field, { type: 'server', message: result.error.message });
      else setGeneral(result.error.message);
      return failed();
    }
    setFlash(entry ? 'Change saved.' : 'Change added to “You told us, we did”.');
    navigate({ name: 'you-told-us' });
  };

  const summary: SummaryError[] = [
    ...(general ? [{ message: general }] : []),
    ...(Object.keys(IDS) as (keyof Values)[]).flatMap((f) => {
      const message = errors[f]?.message;
      return message ? [{ targetId: IDS[f], message }] : [];
    }),
  ];

  return (
    <form
      noValidate
      aria-label={entry ? 'Change this entry' : 'Add a change'}
      onSubmit={(e) => void handleSubmit(onValid, failed)(e)}
    >
      <ErrorSummary errors={summary} focusKey={failedSubmits} />
      <Textarea
        id={IDS.said}
        label="You told us"
        hint="What people said, in general terms. This is printed for the waiting room: no names."
        rows={3}
        error={errors.said?.message}
        {...register('said')}
      />
      <Textarea
        id={IDS.did}
        label="We did"
        hint="What changed because of it."
        rows={3}
        error={errors.did?.message}
        {...register('did')}
      />
      <ControlledDateInput
        control={control}
        name="changedOn"
        id={IDS.changedOn}
        legend="When did it change?"
        hint="For example, 27 3 2026"
        error={errors.changedOn?.message}
      />
      <Fieldset
        id={IDS.complaints}
        legend="Which complaints led to it?"
        hint={
          kept.length > 0
            ? `Also linked: ${kept.length} piece${kept.length === 1 ? '' : 's'} of feedback, kept as they are.`
            : 'Choose at least one.'
        }
        error={errors.complaints?.message}
      >
        {complaints.length === 0 ? (
          <p className="body">No complaints have been recorded.</p>
        ) : (
          <div className="checkboxes">
            {complaints.map((c, i) => (
              <Choice
                key={c.id}
                id={i === 0 ? IDS.complaints : `${IDS.complaints}-${c.id}`}
                type="checkbox"
                value={c.id}
                label={`${c.about}, received ${formatDate(c.receivedOn)}`}
                {...register('complaints')}
              />
            ))}
          </div>
        )}
      </Fieldset>
      <button type="submit" className="button" disabled={isSubmitting}>
        {entry ? 'Save the change' : 'Add the change'}
      </button>
    </form>
  );
}

export function YouToldUsFormPage({ id }: { id?: string }) {
  const [entry, setEntry] = useState<YouToldUsEntry | null>(null);
  const [complaints, setComplaints] = useState<ComplaintView[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void (async () => {
      const [list, one] = await Promise.all([
        call('complaints:list', {}),
        id ? call('youToldUs:get', { id }) : Promise.resolve(null),
      ]);
      if (!live) return;
      if (!list.ok) return setProblem(list.error.message);
      if (one && !one.ok) return setProblem(one.error.message);
      setComplaints(list.value);
      if (one?.ok) setEntry(one.value);
    })();
    return () => {
      live = false;
    };
  }, [id]);

  const title = id
    ? 'Change a “You told us, we did” entry'
    : 'Add a change to “You told us, we did”';
  return (
    <>
      <p className="body">
        <a className="back-link" href={hrefFor({ name: 'you-told-us' })}>
          Back to “You told us, we did”
        </a>
      </p>
      <PageHeading>{title}</PageHeading>
      {problem && <p className="error-message">{problem}</p>}
      {!problem && (!complaints || (id && !entry)) && (
        <p className="body" role="status">
          Loading…
        </p>
      )}
      {complaints && (!id || entry) && <EntryForm entry={entry} complaints={complaints} />}
    </>
  );
}
