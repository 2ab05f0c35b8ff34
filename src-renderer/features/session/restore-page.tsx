/**
 * A new computer: restore the caseload from a backup file (for example on a USB stick) with the
 * passphrase it had. Waymark checks the backup before keeping it (the key opens it, the audit log
 * verifies); a forgotten passphrase is handled after, from the unlock screen's recovery key.
 */
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { restoreSchema, type RestoreInput } from '@shared/schemas/backup';
import { call } from '../../api';
import { useSession } from '../../app/session';
import { PageHeading } from '../../components/page-heading';
import { ErrorSummary } from '../../components/error-summary';
import { TextInput } from '../../components/fields';
import { schemaResolver, summaryOf } from '../../components/form-support';
import { SessionLayout } from './session-layout';

interface Values {
  file: string;
  passphrase: string;
}

const IDS = { file: 'backup-file', passphrase: 'backup-passphrase' };

export function RestorePage({ onCancel }: { onCancel: () => void }) {
  const { setStatus } = useSession();
  const [general, setGeneral] = useState<string | null>(null);
  const [failed, setFailed] = useState(0);
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    formState: { errors, isSubmitting },
  } = useForm<Values, unknown, RestoreInput>({
    resolver: schemaResolver<Values, RestoreInput>(restoreSchema, (v) => v, []),
    defaultValues: { file: '', passphrase: '' },
    shouldFocusError: false,
  });

  const onValid = async (values: RestoreInput) => {
    setGeneral(null);
    const result = await call('backup:restore', values);
    if (result.ok) return setStatus(result.value);
    // The passphrase is cleared after a refusal, never kept on screen.
    setValue('passphrase', '');
    const field = result.error.field;
    if (field && field in IDS)
      setError(field as keyof Values, { type: 'server', message: result.error.message });
    else setGeneral(result.error.message);
    setFailed((n) => n + 1);
  };

  return (
    <SessionLayout>
      <ErrorSummary errors={summaryOf(errors, IDS, general)} focusKey={failed} />
      <PageHeading caption="Set up Waymark">Restore your caseload from a backup</PageHeading>
      <p className="body">
        Waymark backups end in .wmbackup. Waymark checks the backup before using it, and changes
        nothing if it cannot be restored.
      </p>
      <form
        noValidate
        onSubmit={(e) => void handleSubmit(onValid, () => setFailed((n) => n + 1))(e)}
      >
        <TextInput
          id={IDS.file}
          label="Backup file"
          hint="The full path, for example E:\Waymark backups\waymark-backup-20261101T090000Z.wmbackup"
          spellCheck={false}
          error={errors.file?.message}
          {...register('file')}
        />
        <TextInput
          id={IDS.passphrase}
          type="password"
          label="Passphrase"
          hint="The passphrase you used when the backup was made."
          autoComplete="current-password"
          error={errors.passphrase?.message}
          {...register('passphrase')}
        />
        <div className="button-group">
          <button type="submit" className="button" disabled={isSubmitting}>
            {isSubmitting ? 'Restoring…' : 'Restore caseload'}
          </button>
          <button type="button" className="link-button" onClick={onCancel}>
            Set up a new caseload instead
          </button>
        </div>
      </form>
    </SessionLayout>
  );
}
