/** Unlock: the passphrase; a countdown while repeated failures make the vault wait. */
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { SessionStatus } from '@shared/ipc/channels/session';
import { unlockSchema, type UnlockInput } from '@shared/schemas/session';
import { call } from '../../api';
import { useSession } from '../../app/session';
import { PageHeading } from '../../components/page-heading';
import { ErrorSummary } from '../../components/error-summary';
import { TextInput } from '../../components/fields';
import { schemaResolver, summaryOf } from '../../components/form-support';
import { SessionLayout } from './session-layout';

interface Values {
  passphrase: string;
}

const IDS = { passphrase: 'unlock-passphrase' };

function secondsUntil(iso: string | null, now: number): number {
  if (!iso) return 0;
  return Math.max(0, Math.ceil((new Date(iso).getTime() - now) / 1000));
}

export function waitMessage(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  const parts = [
    m ? `${m} minute${m === 1 ? '' : 's'}` : '',
    s ? `${s} second${s === 1 ? '' : 's'}` : '',
  ];
  return `Too many attempts. You can try again in ${parts.filter(Boolean).join(' ')}.`;
}

export function UnlockPage({
  status,
  onForgotten,
}: {
  status: SessionStatus;
  onForgotten: () => void;
}) {
  const { setStatus, refresh } = useSession();
  const [now, setNow] = useState(() => Date.now());
  const [failed, setFailed] = useState(0);
  const {
    register,
    handleSubmit,
    setError,
    clearErrors,
    setValue,
    formState: { errors, isSubmitting },
  } = useForm<Values, unknown, UnlockInput>({
    resolver: schemaResolver<Values, UnlockInput>(unlockSchema, (v) => v, []),
    defaultValues: { passphrase: '' },
    shouldFocusError: false,
  });
  const wait = secondsUntil(status.retryAfter, now);

  useEffect(() => {
    if (!status.retryAfter) return;
    const tick = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(tick);
  }, [status.retryAfter]);

  const onValid = async (values: UnlockInput) => {
    const result = await call('session:unlock', values);
    if (result.ok) return setStatus(result.value);
    // A wrong passphrase is cleared, never kept on screen or repeated in the message.
    setValue('passphrase', '');
    // While the vault makes the adviser wait, the countdown says so instead of a field error.
    if (result.error.code === 'too-many-attempts') clearErrors('passphrase');
    else setError('passphrase', { type: 'server', message: result.error.message });
    setNow(Date.now());
    await refresh();
    setFailed((n) => n + 1);
  };

  return (
    <SessionLayout>
      <ErrorSummary errors={summaryOf(errors, IDS, null)} focusKey={failed} />
      <PageHeading caption="Waymark is locked">Unlock your caseload</PageHeading>
      {wait > 0 && (
        <div className="inset-text" role="status">
          {waitMessage(wait)}
        </div>
      )}
      <form
        noValidate
        onSubmit={(e) => void handleSubmit(onValid, () => setFailed((n) => n + 1))(e)}
      >
        <TextInput
          id={IDS.passphrase}
          type="password"
          label="Passphrase"
          autoComplete="current-password"
          error={errors.passphrase?.message}
          {...register('passphrase')}
        />
        <button type="submit" className="button" disabled={isSubmitting || wait > 0}>
          {isSubmitting ? 'Unlocking…' : 'Unlock'}
        </button>
      </form>
      {status.recoveryKeySet && (
        <p className="body">
          <button type="button" className="link-button" onClick={onForgotten}>
            I have forgotten my passphrase
          </button>
        </p>
      )}
    </SessionLayout>
  );
}
