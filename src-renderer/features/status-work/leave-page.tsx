/**
 * The adviser's leave: days (or part of a day) the slot finder never offers and booking refuses.
 * Adding leave says how many booked appointments now need moving.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { leaveSchema, type LeaveSave, type SavedLeave } from '@shared/schemas/diary-settings';
import { call } from '../../api';
import { hrefFor } from '../../app/router';
import { useToday } from '../../app/today';
import { formatDate } from '../../labels';
import { PageHeading } from '../../components/page-heading';
import { ErrorSummary } from '../../components/error-summary';
import { TextInput } from '../../components/fields';
import { toCivilDate } from '../../components/date-input';
import { ControlledDateInput } from '../../components/controlled-date-input';
import { schemaResolver, summaryOf } from '../../components/form-support';

interface Values {
  from: string;
  to: string;
  startTime: string;
  endTime: string;
  reason: string;
}

const IDS = {
  from: 'leave-from',
  to: 'leave-to',
  startTime: 'leave-start',
  endTime: 'leave-end',
  reason: 'leave-reason',
};

/** '9:30' → '09:30' so a time typed the everyday way meets the schema's HH:MM. */
const tidyTime = (t: string) => {
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(t.trim());
  return m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : t.trim();
};

function describeLeave(l: SavedLeave): string {
  const days =
    l.from === l.to ? formatDate(l.from) : `${formatDate(l.from)} to ${formatDate(l.to)}`;
  const part =
    l.startTime || l.endTime
      ? ` (from ${l.startTime ?? 'the start of the day'} to ${l.endTime ?? 'the end of the day'})`
      : '';
  return `${days}${part}: ${l.reason || 'Leave'}`;
}

export function LeavePage() {
  const today = useToday();
  const [leave, setLeave] = useState<SavedLeave[]>([]);
  const [done, setDone] = useState<{ text: string; n: number } | null>(null);
  const [failed, setFailed] = useState(0);
  const [general, setGeneral] = useState<string | null>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);
  const empty: Values = { from: today, to: today, startTime: '', endTime: '', reason: '' };
  const {
    register,
    control,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<Values, unknown, LeaveSave>({
    resolver: schemaResolver<Values, LeaveSave>(
      leaveSchema,
      (v) => ({
        from: toCivilDate(v.from),
        to: toCivilDate(v.to),
        startTime: v.startTime.trim() ? tidyTime(v.startTime) : null,
        endTime: v.endTime.trim() ? tidyTime(v.endTime) : null,
        reason: v.reason.trim() || 'Leave',
      }),
      ['from', 'to'],
    ),
    defaultValues: empty,
    shouldFocusError: false,
  });

  const load = useCallback(async () => {
    const result = await call('diary:leave', {});
    return result.ok ? result.value : [];
  }, []);
  useEffect(() => {
    let live = true;
    void load().then((l) => live && setLeave(l));
    return () => {
      live = false;
    };
  }, [load]);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const announce = async (text: string) => {
    setLeave(await load());
    setDone((d) => ({ text, n: (d?.n ?? 0) + 1 }));
  };

  const onValid = async (values: LeaveSave) => {
    setGeneral(null);
    const result = await call('diary:addLeave', values);
    if (!result.ok) {
      const field = result.error.field;
      if (field && field in IDS)
        setError(field as keyof Values, { type: 'server', message: result.error.message });
      else setGeneral(result.error.message);
      return setFailed((n) => n + 1);
    }
    reset(empty);
    const moving = result.value.appointmentsAffected;
    await announce(
      moving === 0
        ? 'Leave added. No booked appointments fall in it.'
        : `Leave added. ${moving === 1 ? 'One booked appointment falls' : `${moving} booked appointments fall`} in it and needs moving.`,
    );
  };

  const remove = async (l: SavedLeave) => {
    const result = await call('diary:removeLeave', { id: l.id });
    await announce(
      result.ok ? 'Leave removed' : `The leave could not be removed: ${result.error.message}`,
    );
  };

  return (
    <>
      <a className="back-link" href={hrefFor({ name: 'diary-settings' })}>
        Back to diary settings
      </a>
      <PageHeading focusOnMount={!done}>Your leave</PageHeading>
      {done && (
        <p className="body" role="status" tabIndex={-1} ref={doneRef} key={done.n}>
          {done.text}
        </p>
      )}
      <p className="body">No appointment is offered or can be booked while you are on leave.</p>
      {leave.length === 0 ? (
        <p className="body">No leave is recorded.</p>
      ) : (
        <ul className="list" aria-label="Your recorded leave">
          {leave.map((l) => (
            <li key={l.id}>
              {describeLeave(l)}{' '}
              <button
                type="button"
                className="button button--secondary"
                onClick={() => void remove(l)}
              >
                Remove<span className="visually-hidden"> leave {describeLeave(l)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        noValidate
        aria-labelledby="leave-form-title"
        onSubmit={(e) => void handleSubmit(onValid, () => setFailed((n) => n + 1))(e)}
      >
        <h2 className="heading-m" id="leave-form-title">
          Add leave
        </h2>
        <ErrorSummary errors={summaryOf(errors, IDS, general)} focusKey={failed} />
        <ControlledDateInput
          control={control}
          name="from"
          id={IDS.from}
          legend="First day"
          hint="For example, 7 11 2026"
          error={errors.from?.message}
        />
        <ControlledDateInput
          control={control}
          name="to"
          id={IDS.to}
          legend="Last day"
          hint="At most a year after the first day"
          error={errors.to?.message}
        />
        <TextInput
          id={IDS.startTime}
          label="Starting at (optional)"
          hint="On the first day, for example 13:00. Leave empty for the whole day."
          width="5"
          error={errors.startTime?.message}
          {...register('startTime')}
        />
        <TextInput
          id={IDS.endTime}
          label="Back at (optional)"
          hint="On the last day, for example 12:30. Leave empty for the whole day."
          width="5"
          error={errors.endTime?.message}
          {...register('endTime')}
        />
        <TextInput
          id={IDS.reason}
          label="Reason (optional)"
          hint="For example, annual leave or training"
          error={errors.reason?.message}
          {...register('reason')}
        />
        <button type="submit" className="button" disabled={isSubmitting}>
          Add leave
        </button>
      </form>
    </>
  );
}
