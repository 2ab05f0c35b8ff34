/**
 * The adviser's own security settings: change the passphrase (the database key is re-wrapped,
 * never re-encrypted) and choose how long Waymark waits before locking itself.
 */
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import {
  autoLockSchema,
  changePassphraseSchema,
  PASSPHRASE_MIN,
  type AutoLockInput,
  type ChangePassphraseInput,
} from '@shared/schemas/session';
import { call } from '../../api';
import { useSession } from '../../app/session';
import { PageHeading } from '../../components/page-heading';
import { ErrorSummary } from '../../components/error-summary';
import { TextInput } from '../../components/fields';
import { schemaResolver, summaryOf } from '../../components/form-support';
import { NotificationBanner } from '../../components/notification-banner';

interface PassphraseValues {
  current: string;
  next: string;
  confirm: string;
}

interface AutoLockValues {
  minutes: string;
}

const PASSPHRASE_IDS = {
  current: 'current-passphrase',
  next: 'new-passphrase',
  confirm: 'confirm-passphrase',
};
const AUTO_LOCK_IDS = { minutes: 'auto-lock-minutes' };
const EMPTY: PassphraseValues = { current: '', next: '', confirm: '' };

/** What the adviser typed in the minutes box, as the number the schema checks. */
const minutesOf = (typed: string) => (typed.trim() === '' ? Number.NaN : Number(typed.trim()));

export function SecurityPage() {
  const { status, setStatus } = useSession();
  const [general, setGeneral] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [failed, setFailed] = useState(0);
  const passphraseForm = useForm<PassphraseValues, unknown, ChangePassphraseInput>({
    resolver: schemaResolver<PassphraseValues, ChangePassphraseInput>(
      changePassphraseSchema,
      (v) => v,
      [],
    ),
    defaultValues: EMPTY,
    shouldFocusError: false,
  });
  const autoLockForm = useForm<AutoLockValues, unknown, AutoLockInput>({
    resolver: schemaResolver<AutoLockValues, AutoLockInput>(
      autoLockSchema,
      (v) => ({ minutes: minutesOf(v.minutes) }),
      [],
    ),
    defaultValues: { minutes: String(status?.autoLockMinutes ?? 10) },
    shouldFocusError: false,
  });
  const passphraseErrors = passphraseForm.formState.errors;
  const autoLockErrors = autoLockForm.formState.errors;

  const fail = () => {
    setDone(null);
    setFailed((n) => n + 1);
  };

  const changePassphrase = async (values: ChangePassphraseInput) => {
    setGeneral(null);
    autoLockForm.clearErrors();
    const result = await call('session:changePassphrase', values);
    if (!result.ok) {
      const field = result.error.field;
      if (field && field in PASSPHRASE_IDS)
        passphraseForm.setError(field as keyof PassphraseValues, {
          type: 'server',
          message: result.error.message,
        });
      else setGeneral(result.error.message);
      return fail();
    }
    passphraseForm.reset(EMPTY);
    setDone('Your passphrase has been changed. Use the new one next time you unlock Waymark.');
  };

  const saveAutoLock = async (values: AutoLockInput) => {
    setGeneral(null);
    passphraseForm.clearErrors();
    const result = await call('session:setAutoLock', values);
    if (!result.ok) {
      autoLockForm.setError('minutes', { type: 'server', message: result.error.message });
      return fail();
    }
    setStatus(result.value);
    setDone(`Waymark will lock after ${result.value.autoLockMinutes} minutes without activity.`);
  };

  // One summary for the page: whichever form was sent last has its problems listed.
  const summary = [
    ...summaryOf(passphraseErrors, PASSPHRASE_IDS, general),
    ...summaryOf(autoLockErrors, AUTO_LOCK_IDS, null),
  ];

  return (
    <>
      <ErrorSummary errors={summary} focusKey={failed} />
      {done && (
        <NotificationBanner success title="Done">
          {done}
        </NotificationBanner>
      )}
      <PageHeading>Security</PageHeading>
      <h2 className="heading-m">Change your passphrase</h2>
      <form
        noValidate
        onSubmit={(e) => {
          autoLockForm.clearErrors();
          void passphraseForm.handleSubmit(changePassphrase, fail)(e);
        }}
      >
        <TextInput
          id={PASSPHRASE_IDS.current}
          type="password"
          label="Current passphrase"
          autoComplete="current-password"
          error={passphraseErrors.current?.message}
          {...passphraseForm.register('current')}
        />
        <TextInput
          id={PASSPHRASE_IDS.next}
          type="password"
          label="New passphrase"
          hint={`Use at least ${PASSPHRASE_MIN} characters. A few unrelated words work well.`}
          autoComplete="new-password"
          error={passphraseErrors.next?.message}
          {...passphraseForm.register('next')}
        />
        <TextInput
          id={PASSPHRASE_IDS.confirm}
          type="password"
          label="Confirm the new passphrase"
          autoComplete="new-password"
          error={passphraseErrors.confirm?.message}
          {...passphraseForm.register('confirm')}
        />
        <button type="submit" className="button" disabled={passphraseForm.formState.isSubmitting}>
          Change passphrase
        </button>
      </form>
      <h2 className="heading-m">Automatic lock</h2>
      <form
        noValidate
        onSubmit={(e) => {
          passphraseForm.clearErrors();
          setGeneral(null);
          void autoLockForm.handleSubmit(saveAutoLock, fail)(e);
        }}
      >
        <TextInput
          id={AUTO_LOCK_IDS.minutes}
          label="Lock after this many minutes without activity"
          hint="From 1 to 60 minutes."
          inputMode="numeric"
          width="5"
          error={autoLockErrors.minutes?.message}
          {...autoLockForm.register('minutes')}
        />
        <button type="submit" className="button" disabled={autoLockForm.formState.isSubmitting}>
          Save
        </button>
      </form>
    </>
  );
}
