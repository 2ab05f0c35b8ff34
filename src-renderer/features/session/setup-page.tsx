/** First run: the adviser's name and a passphrase that protects the caseload's key. */
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { SessionStatus } from '@shared/ipc/channels/session';
import { PASSPHRASE_MIN, setupSchema, type SetupInput } from '@shared/schemas/session';
import { call } from '../../api';
import { useSession } from '../../app/session';
import { PageHeading } from '../../components/page-heading';
import { ErrorSummary } from '../../components/error-summary';
import { TextInput } from '../../components/fields';
import { schemaResolver, summaryOf } from '../../components/form-support';
import { SessionLayout } from './session-layout';
import { RecoveryKeyPanel } from './recovery-key-panel';

interface Values {
  adviserName: string;
  passphrase: string;
  confirm: string;
}

const IDS = { adviserName: 'adviser-name', passphrase: 'passphrase', confirm: 'confirm' };
const EMPTY: Values = { adviserName: '', passphrase: '', confirm: '' };

export function SetupPage({ onRestore }: { onRestore: () => void }) {
  const { setStatus } = useSession();
  const [made, setMade] = useState<SessionStatus | null>(null);
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [general, setGeneral] = useState<string | null>(null);
  const [failed, setFailed] = useState(0);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<Values, unknown, SetupInput>({
    resolver: schemaResolver<Values, SetupInput>(setupSchema, (v) => v, []),
    defaultValues: EMPTY,
    shouldFocusError: false,
  });

  const onValid = async (values: SetupInput) => {
    setGeneral(null);
    const result = await call('session:setup', values);
    if (result.ok) {
      // The recovery key is shown once, here, before the caseload opens.
      const { recoveryKey: code, ...status } = result.value;
      reset(EMPTY);
      setMade(status);
      return setRecoveryKey(code);
    }
    const field = result.error.field;
    if (field && field in IDS)
      setError(field as keyof Values, { type: 'server', message: result.error.message });
    else setGeneral(result.error.message);
    setFailed((n) => n + 1);
  };

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
      <ErrorSummary errors={summaryOf(errors, IDS, general)} focusKey={failed} />
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
      <form
        noValidate
        onSubmit={(e) => void handleSubmit(onValid, () => setFailed((n) => n + 1))(e)}
      >
        <TextInput
          id={IDS.adviserName}
          label="Your name"
          hint="This is recorded against every change you make."
          autoComplete="name"
          spellCheck={false}
          error={errors.adviserName?.message}
          {...register('adviserName')}
        />
        <TextInput
          id={IDS.passphrase}
          type="password"
          label="Create a passphrase"
          hint={`Use at least ${PASSPHRASE_MIN} characters. A few unrelated words work well.`}
          autoComplete="new-password"
          error={errors.passphrase?.message}
          {...register('passphrase')}
        />
        <TextInput
          id={IDS.confirm}
          type="password"
          label="Confirm your passphrase"
          autoComplete="new-password"
          error={errors.confirm?.message}
          {...register('confirm')}
        />
        <button type="submit" className="button" disabled={isSubmitting}>
          {isSubmitting ? 'Setting up…' : 'Set up Waymark'}
        </button>
      </form>
    </SessionLayout>
  );
}
