/**
 * A new computer: restore the caseload from a backup file (for example on a USB stick) with the
 * passphrase it had. Waymark checks the backup before keeping it (the key opens it, the audit log
 * verifies); a forgotten passphrase is handled after, from the unlock screen's recovery key.
 */
import { useState, type FormEvent } from 'react';
import { call } from '../../api';
import { useSession } from '../../app/session';
import { PageHeading } from '../../components/page-heading';
import { ErrorSummary, type SummaryError } from '../../components/error-summary';
import { TextInput } from '../../components/fields';
import { SessionLayout } from './session-layout';

const FIELD_IDS: Record<string, string> = { file: 'backup-file', passphrase: 'backup-passphrase' };

export function RestorePage({ onCancel }: { onCancel: () => void }) {
  const { setStatus } = useSession();
  const [values, setValues] = useState({ file: '', passphrase: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [failedSubmits, setFailedSubmits] = useState(0);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const result = await call('backup:restore', values);
    setBusy(false);
    if (result.ok) return setStatus(result.value);
    const field = result.error.field;
    setErrors({ [field && FIELD_IDS[field] ? field : 'general']: result.error.message });
    setValues((v) => ({ ...v, passphrase: '' }));
    setFailedSubmits((n) => n + 1);
  };

  const summary: SummaryError[] = Object.entries(errors).map(([field, message]) => ({
    targetId: FIELD_IDS[field],
    message,
  }));

  return (
    <SessionLayout>
      <ErrorSummary errors={summary} focusKey={failedSubmits} />
      <PageHeading caption="Set up Waymark">Restore your caseload from a backup</PageHeading>
      <p className="body">
        Waymark backups end in .wmbackup. Waymark checks the backup before using it, and changes
        nothing if it cannot be restored.
      </p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextInput
          id="backup-file"
          label="Backup file"
          hint="The full path, for example E:\Waymark backups\waymark-backup-20261101T090000Z.wmbackup"
          spellCheck={false}
          value={values.file}
          error={errors.file}
          onChange={(e) => setValues((v) => ({ ...v, file: e.target.value }))}
        />
        <TextInput
          id="backup-passphrase"
          type="password"
          label="Passphrase"
          hint="The passphrase you used when the backup was made."
          autoComplete="current-password"
          value={values.passphrase}
          error={errors.passphrase}
          onChange={(e) => setValues((v) => ({ ...v, passphrase: e.target.value }))}
        />
        <div className="button-group">
          <button type="submit" className="button" disabled={busy}>
            {busy ? 'Restoring…' : 'Restore caseload'}
          </button>
          <button type="button" className="link-button" onClick={onCancel}>
            Set up a new caseload instead
          </button>
        </div>
      </form>
    </SessionLayout>
  );
}
