/**
 * Forgotten passphrase: the recovery key opens the caseload and a new passphrase replaces the old
 * one. Wrong recovery keys count towards the same wait as wrong passphrases.
 */
import { useState, type FormEvent } from 'react';
import { PASSPHRASE_MIN } from '@shared/ipc/channels/session';
import { call } from '../../api';
import { useSession } from '../../app/session';
import { PageHeading } from '../../components/page-heading';
import { ErrorSummary, type SummaryError } from '../../components/error-summary';
import { TextInput } from '../../components/fields';
import { SessionLayout } from './session-layout';

const FIELD_IDS: Record<string, string> = {
  recoveryKey: 'recovery-key',
  next: 'recovery-new-passphrase',
  confirm: 'recovery-confirm',
};

export function RecoverPage({ onCancel }: { onCancel: () => void }) {
  const { setStatus, refresh } = useSession();
  const [values, setValues] = useState({ recoveryKey: '', next: '', confirm: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [failedSubmits, setFailedSubmits] = useState(0);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const result = await call('recovery:unlock', values);
    setBusy(false);
    if (result.ok) return setStatus(result.value);
    const field = result.error.field;
    setErrors({ [field && FIELD_IDS[field] ? field : 'general']: result.error.message });
    await refresh();
    setFailedSubmits((n) => n + 1);
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
    <SessionLayout>
      <ErrorSummary errors={summary} focusKey={failedSubmits} />
      <PageHeading caption="Waymark is locked">Use your recovery key</PageHeading>
      <p className="body">
        Enter the recovery key you wrote down when you set up Waymark, then choose a new passphrase.
        Your old passphrase will stop working.
      </p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextInput
          id="recovery-key"
          label="Recovery key"
          hint="24 letters and numbers, in groups of four. Capital or small letters both work."
          autoComplete="off"
          spellCheck={false}
          {...bind('recoveryKey')}
        />
        <TextInput
          id="recovery-new-passphrase"
          type="password"
          label="New passphrase"
          hint={`Use at least ${PASSPHRASE_MIN} characters. A few unrelated words work well.`}
          autoComplete="new-password"
          {...bind('next')}
        />
        <TextInput
          id="recovery-confirm"
          type="password"
          label="Confirm the new passphrase"
          autoComplete="new-password"
          {...bind('confirm')}
        />
        <div className="button-group">
          <button type="submit" className="button" disabled={busy}>
            {busy ? 'Unlocking…' : 'Unlock and set new passphrase'}
          </button>
          <button type="button" className="link-button" onClick={onCancel}>
            Unlock with your passphrase instead
          </button>
        </div>
      </form>
    </SessionLayout>
  );
}
