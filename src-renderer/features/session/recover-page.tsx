/**
 * Forgotten passphrase: the recovery key opens the caseload and a new passphrase replaces the old
 * one. Wrong recovery keys count towards the same wait as wrong passphrases.
 */
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import {
  PASSPHRASE_MIN,
  recoveryUnlockSchema,
  type RecoveryUnlockInput,
} from '@shared/schemas/session';
import { call } from '../../api';
import { useSession } from '../../app/session';
import { PageHeading } from '../../components/page-heading';
import { ErrorSummary } from '../../components/error-summary';
import { TextInput } from '../../components/fields';
import { schemaResolver, summaryOf } from '../../components/form-support';
import { SessionLayout } from './session-layout';

interface Values {
  recoveryKey: string;
  next: string;
  confirm: string;
}

const IDS = {
  recoveryKey: 'recovery-key',
  next: 'recovery-new-passphrase',
  confirm: 'recovery-confirm',
};

export function RecoverPage({ onCancel }: { onCancel: () => void }) {
  const { setStatus, refresh } = useSession();
  const [general, setGeneral] = useState<string | null>(null);
  const [failed, setFailed] = useState(0);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Values, unknown, RecoveryUnlockInput>({
    resolver: schemaResolver<Values, RecoveryUnlockInput>(recoveryUnlockSchema, (v) => v, []),
    defaultValues: { recoveryKey: '', next: '', confirm: '' },
    shouldFocusError: false,
  });

  const onValid = async (values: RecoveryUnlockInput) => {
    setGeneral(null);
    const result = await call('recovery:unlock', values);
    if (result.ok) return setStatus(result.value);
    const field = result.error.field;
    if (field && field in IDS)
      setError(field as keyof Values, { type: 'server', message: result.error.message });
    else setGeneral(result.error.message);
    await refresh();
    setFailed((n) => n + 1);
  };

  return (
    <SessionLayout>
      <ErrorSummary errors={summaryOf(errors, IDS, general)} focusKey={failed} />
      <PageHeading caption="Waymark is locked">Use your recovery key</PageHeading>
      <p className="body">
        Enter the recovery key you wrote down when you set up Waymark, then choose a new passphrase.
        Your old passphrase will stop working.
      </p>
      <form
        noValidate
        onSubmit={(e) => void handleSubmit(onValid, () => setFailed((n) => n + 1))(e)}
      >
        <TextInput
          id={IDS.recoveryKey}
          label="Recovery key"
          hint="24 letters and numbers, in groups of four. Capital or small letters both work."
          autoComplete="off"
          spellCheck={false}
          error={errors.recoveryKey?.message}
          {...register('recoveryKey')}
        />
        <TextInput
          id={IDS.next}
          type="password"
          label="New passphrase"
          hint={`Use at least ${PASSPHRASE_MIN} characters. A few unrelated words work well.`}
          autoComplete="new-password"
          error={errors.next?.message}
          {...register('next')}
        />
        <TextInput
          id={IDS.confirm}
          type="password"
          label="Confirm the new passphrase"
          autoComplete="new-password"
          error={errors.confirm?.message}
          {...register('confirm')}
        />
        <div className="button-group">
          <button type="submit" className="button" disabled={isSubmitting}>
            {isSubmitting ? 'Unlocking…' : 'Unlock and set new passphrase'}
          </button>
          <button type="button" className="link-button" onClick={onCancel}>
            Unlock with your passphrase instead
          </button>
        </div>
      </form>
    </SessionLayout>
  );
}
