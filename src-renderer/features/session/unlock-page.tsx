/** Unlock: the passphrase; a countdown while repeated failures make the vault wait. */
import { useEffect, useState, type FormEvent } from 'react';
import type { SessionStatus } from '@shared/ipc/channels/session';
import { call } from '../../api';
import { useSession } from '../../app/session';
import { PageHeading } from '../../components/page-heading';
import { ErrorSummary } from '../../components/error-summary';
import { TextInput } from '../../components/fields';
import { SessionLayout } from './session-layout';

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
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  const [failedSubmits, setFailedSubmits] = useState(0);
  const wait = secondsUntil(status.retryAfter, now);

  useEffect(() => {
    if (!status.retryAfter) return;
    const tick = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(tick);
  }, [status.retryAfter]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const result = await call('session:unlock', { passphrase });
    setBusy(false);
    if (result.ok) return setStatus(result.value);
    setPassphrase('');
    setError(result.error.code === 'too-many-attempts' ? null : result.error.message);
    setNow(Date.now());
    await refresh();
    setFailedSubmits((n) => n + 1);
  };

  return (
    <SessionLayout>
      <ErrorSummary
        focusKey={failedSubmits}
        errors={error ? [{ targetId: 'unlock-passphrase', message: error }] : []}
      />
      <PageHeading caption="Waymark is locked">Unlock your caseload</PageHeading>
      {wait > 0 && (
        <div className="inset-text" role="status">
          {waitMessage(wait)}
        </div>
      )}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextInput
          id="unlock-passphrase"
          type="password"
          label="Passphrase"
          autoComplete="current-password"
          value={passphrase}
          error={error ?? undefined}
          onChange={(e) => setPassphrase(e.target.value)}
        />
        <button type="submit" className="button" disabled={busy || wait > 0}>
          {busy ? 'Unlocking…' : 'Unlock'}
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
