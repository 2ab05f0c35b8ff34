/**
 * The adviser's own security settings: change the passphrase (the database key is re-wrapped,
 * never re-encrypted) and choose how long Waymark waits before locking itself.
 */
import { useState, type FormEvent } from 'react';
import { PASSPHRASE_MIN } from '@shared/ipc/channels/session';
import { call } from '../../api';
import { useSession } from '../../app/session';
import { PageHeading } from '../../components/page-heading';
import { ErrorSummary, type SummaryError } from '../../components/error-summary';
import { TextInput } from '../../components/fields';
import { NotificationBanner } from '../../components/notification-banner';

const FIELD_IDS: Record<string, string> = {
  current: 'current-passphrase',
  next: 'new-passphrase',
  confirm: 'confirm-passphrase',
  minutes: 'auto-lock-minutes',
};

export function SecurityPage() {
  const { status, setStatus } = useSession();
  const [values, setValues] = useState({ current: '', next: '', confirm: '' });
  const [minutes, setMinutes] = useState(String(status?.autoLockMinutes ?? 10));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);
  const [failedSubmits, setFailedSubmits] = useState(0);

  const fail = (field: string | undefined, message: string) => {
    setErrors(field && FIELD_IDS[field] ? { [field]: message } : { general: message });
    setDone(null);
    setFailedSubmits((n) => n + 1);
  };

  const changePassphrase = async (e: FormEvent) => {
    e.preventDefault();
    const result = await call('session:changePassphrase', values);
    if (!result.ok) return fail(result.error.field, result.error.message);
    setErrors({});
    setValues({ current: '', next: '', confirm: '' });
    setDone('Your passphrase has been changed. Use the new one next time you unlock Waymark.');
  };

  const saveAutoLock = async (e: FormEvent) => {
    e.preventDefault();
    const result = await call('session:setAutoLock', { minutes: Number(minutes) });
    if (!result.ok) return fail('minutes', result.error.message);
    setErrors({});
    setStatus(result.value);
    setDone(`Waymark will lock after ${result.value.autoLockMinutes} minutes without activity.`);
  };

  const summary: SummaryError[] = Object.entries(errors).map(([field, message]) => ({
    targetId: FIELD_IDS[field],
    message,
  }));
  const bind = (name: keyof typeof values) => ({
    value: values[name],
    onChange: (e: { target: { value: string } }) =>
      setValues((v) => ({ ...v, [name]: e.target.value })),
    error: errors[name],
  });

  return (
    <>
      <ErrorSummary errors={summary} focusKey={failedSubmits} />
      {done && (
        <NotificationBanner success title="Done">
          {done}
        </NotificationBanner>
      )}
      <PageHeading>Security</PageHeading>
      <h2 className="heading-m">Change your passphrase</h2>
      <form onSubmit={(e) => void changePassphrase(e)} noValidate>
        <TextInput
          id="current-passphrase"
          type="password"
          label="Current passphrase"
          autoComplete="current-password"
          {...bind('current')}
        />
        <TextInput
          id="new-passphrase"
          type="password"
          label="New passphrase"
          hint={`Use at least ${PASSPHRASE_MIN} characters. A few unrelated words work well.`}
          autoComplete="new-password"
          {...bind('next')}
        />
        <TextInput
          id="confirm-passphrase"
          type="password"
          label="Confirm the new passphrase"
          autoComplete="new-password"
          {...bind('confirm')}
        />
        <button type="submit" className="button">
          Change passphrase
        </button>
      </form>
      <h2 className="heading-m">Automatic lock</h2>
      <form onSubmit={(e) => void saveAutoLock(e)} noValidate>
        <TextInput
          id="auto-lock-minutes"
          label="Lock after this many minutes without activity"
          hint="From 1 to 60 minutes."
          inputMode="numeric"
          width="5"
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
          error={errors.minutes}
        />
        <button type="submit" className="button">
          Save
        </button>
      </form>
    </>
  );
}
