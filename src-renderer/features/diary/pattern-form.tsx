/**
 * The adviser's working pattern: one box a day holding every session ("9:00 to 12:30, 13:30 to
 * 17:00"), so a lunch break and a 1pm Friday finish survive a save. It starts from exactly the
 * pattern in force (never a 9-to-5 guess) and is checked by the shared `workingPatternSchema`.
 */
import { useEffect, useRef, useState } from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  workingPatternSchema,
  type SavedWorkingPattern,
  type WorkingPatternSave,
} from '@shared/schemas/diary-settings';
import type { IpcError } from '@shared/ipc/result';
import { ErrorSummary, type SummaryError } from '../../components/error-summary';
import { TextInput } from '../../components/fields';
import { toCivilDate } from '../../components/date-input';
import { ControlledDateInput } from '../../components/controlled-date-input';
import {
  hoursFromText,
  hoursToText,
  WEEKDAY_NAMES,
  type HoursText,
} from '../places/opening-hours-text';

interface PatternValues {
  effectiveFrom: string;
  hours: HoursText;
}

const schemaResolver = zodResolver(workingPatternSchema);
const resolver: Resolver<PatternValues, unknown, WorkingPatternSave> = (values, ctx, options) =>
  schemaResolver(
    { effectiveFrom: toCivilDate(values.effectiveFrom), sessions: hoursFromText(values.hours) },
    ctx,
    options as never,
  ) as unknown as ReturnType<Resolver<PatternValues, unknown, WorkingPatternSave>>;

function firstMessage(node: unknown): string | undefined {
  if (!node || typeof node !== 'object') return undefined;
  const m = (node as { message?: unknown }).message;
  if (typeof m === 'string' && m) return m;
  for (const v of Object.values(node as Record<string, unknown>)) {
    const found = firstMessage(v);
    if (found) return found;
  }
  return undefined;
}

export function PatternForm({
  current,
  today,
  onSave,
}: {
  current: SavedWorkingPattern | undefined;
  today: string;
  onSave(pattern: WorkingPatternSave): Promise<IpcError | null>;
}) {
  const {
    register,
    control,
    handleSubmit,
    formState: { errors },
  } = useForm<PatternValues, unknown, WorkingPatternSave>({
    resolver,
    defaultValues: { effectiveFrom: today, hours: hoursToText(current?.sessions) },
    shouldFocusError: false,
  });
  const [general, setGeneral] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [tries, setTries] = useState(0);
  // The button that was pressed stays, but the outcome is announced and focused (GOV.UK).
  const savedRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (saved) savedRef.current?.focus();
  }, [saved]);
  const e = errors as Record<string, unknown>;
  const sessions = e.sessions as Record<string, unknown> | undefined;
  const dayError = (k: string) => firstMessage(sessions?.[k]);
  const fromError = firstMessage(e.effectiveFrom);
  const fromWords =
    fromError === 'Enter a real date as YYYY-MM-DD'
      ? 'Enter a real date, for example 4 1 2027'
      : fromError;
  const summary: SummaryError[] = [
    ...(general ? [{ message: general }] : []),
    ...(fromWords ? [{ targetId: 'pattern-from', message: fromWords }] : []),
    ...WEEKDAY_NAMES.flatMap(([k, name]) => {
      const m = dayError(k);
      return m ? [{ targetId: `pattern-${k}`, message: `${name}: ${m}` }] : [];
    }),
  ];
  const onValid = async (p: WorkingPatternSave) => {
    setGeneral(null);
    const error = await onSave(p);
    if (error) {
      setGeneral(error.message);
      setTries((n) => n + 1);
    } else setSaved(true);
  };
  return (
    <form
      noValidate
      aria-label="Your working pattern"
      onSubmit={(ev) => {
        setSaved(false);
        void handleSubmit(onValid, () => setTries((n) => n + 1))(ev);
      }}
    >
      <h2 className="heading-m">Your working pattern</h2>
      <ErrorSummary errors={summary} focusKey={tries} />
      {saved && (
        <p className="body" role="status" tabIndex={-1} ref={savedRef}>
          Working pattern saved.
        </p>
      )}
      <p className="body">
        {current
          ? 'This is the pattern in force now. Change it and choose the day the new pattern starts.'
          : 'You have no working pattern yet, so appointments can be offered whenever an office is open.'}
      </p>
      <ControlledDateInput
        control={control}
        name="effectiveFrom"
        id="pattern-from"
        legend="The new pattern starts on"
        hint="For example, 4 1 2027"
        error={fromWords}
      />
      <p className="body">
        One box a day: each session as a start and end time, for example “9:00 to 12:30, 13:30 to
        17:00” for a lunch break. Leave a day empty if you do not work it.
      </p>
      {WEEKDAY_NAMES.map(([k, name]) => (
        <TextInput
          key={k}
          id={`pattern-${k}`}
          label={name}
          width="20"
          autoComplete="off"
          error={dayError(k)}
          {...register(`hours.${k}`)}
        />
      ))}
      <button type="submit" className="button">
        Save working pattern
      </button>
    </form>
  );
}
