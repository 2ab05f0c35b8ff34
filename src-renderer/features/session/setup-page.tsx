/** First run: the adviser's name and a passphrase that protects the caseload's key. */
import { useState, type FormEvent } from 'react';
import { PASSPHRASE_MIN, type SessionStatus } from '@shared/ipc/channels/session';
import { call } from '../../api';
import { useSession } from '../../app/session';
import { PageHeading } from '../../components/page-heading';
import { ErrorSummary, type SummaryError } from '../../components/error-summary';
import { TextInput } from '../../components/fields';
import { SessionLayout } from './session-layout';
import { RecoveryKeyPanel } from './recovery-key-panel';

const FIELD_IDS: Record<string, string> = {
  adviserName: 'adviser-name',
  passphrase: 'passphrase',
  confirm: 'confirm',
};

export function SetupPage({ onRestore }: { onRestore: () => void }) {
  const { setStatus } = useSession();
  const [made, setMade] = useState<SessionStatus | null>(null);
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [values, setValues] = useState({ adviserName: '', passphrase: '', confirm: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failedSubmits, setFailedSubmits] = useState(0);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const result = await call('session:setup', values);
    setBusy(false);
    if (result.ok) {
      // The recovery key is shown once, here, before the caseload opens.
      const { recoveryKey: code, ...status } = result.value;
      setValues({ adviserName: '', passphrase: '', confirm: '' });
      setMade(status);
      return setRecoveryKey(code);
    }
    const field = result.error.field;
    if (field && FIELD_IDS[field]) {
      setErrors({ [field]: result.error.message });
      setGeneral(null);
    } else {
      setErrors({});
      setGeneral(result.error.message);
    }
    setFailedSubmits((n) => n + 1);
  };

  const summaryErrors: SummaryError[] = [
    ...(general ? [{ message: general }] : []),
    ...Object.entries(errors).map(([f, message]) => ({ targetId: FIELD_IDS[f], message })),
  ];
  const bind = (name: keyof typeof values) => ({
    value: values[name],
    onChange: (e: { target: { value: string } }) =>
      setValues((v) => ({ ...v, [name]: e.target.value })),
    error: errors[name],
  });

  if (made && recoveryKey)
    return (
      <SessionLayout>
        <RecoveryKeyPanel
          caption="Set up Waymark"
          recoveryKey={recoveryKey}
          onDone={() => setStatus(made)}
        />
      </SessionLayout>
    );

  return (
    <SessionLayout>
      <ErrorSummary errors={summaryErrors} focusKey={failedSubmits} />
      <PageHeading caption="Set up Waymark">Protect your caseload</PageHeading>
      <p className="body">
        Your caseload is stored encrypted on this computer. You will need your passphrase each time
        you unlock Waymark. After set-up you will be shown a recovery key: with it you can get back
        in if you forget the passphrase.
      </p>
      <p className="body">
        Moving to a new computer?{' '}
        <button type="button" className="link-button" onClick={onRestore}>
          Restore your caseload from a backup
        </button>
      </p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextInput
          id="adviser-name"
          label="Your name"
          hint="This is recorded against every change you make."
          autoComplete="name"
          spellCheck={false}
          {...bind('adviserName')}
        />
        <TextInput
          id="passphrase"
          type="password"
          label="Create a passphrase"
          hint={`Use at least ${PASSPHRASE_MIN} characters. A few unrelated words work well.`}
          autoComplete="new-password"
          {...bind('passphrase')}
        />
        <TextInput
          id="confirm"
          type="password"
          label="Confirm your passphrase"
          autoComplete="new-password"
          {...bind('confirm')}
        />
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Setting up…' : 'Set up Waymark'}
        </button>
      </form>
    </SessionLayout>
  );
}
