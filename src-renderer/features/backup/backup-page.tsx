/**
 * Backup and recovery: a backup now, a scheduled backup to a folder (for example a USB stick),
 * when the last one was made, and a new recovery key. Backups are the caseload still encrypted,
 * with its key file, so they open with the passphrase or the recovery key on a new computer.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { BackupStatus } from '@shared/ipc/channels/backup';
import { call } from '../../api';
import { PageHeading } from '../../components/page-heading';
import { ErrorSummary, type SummaryError } from '../../components/error-summary';
import { Choice, Fieldset, TextInput } from '../../components/fields';
import { NotificationBanner } from '../../components/notification-banner';
import { formatInstant } from '../../labels';
import { RecoveryKeyPanel } from '../session/recovery-key-panel';

const FIELD_IDS: Record<string, string> = {
  folder: 'backup-folder',
  everyDays: 'backup-every-1',
  passphrase: 'recovery-passphrase',
};

const EVERY: { value: 1 | 7; label: string }[] = [
  { value: 1, label: 'Every day' },
  { value: 7, label: 'Every week' },
];

export function BackupPage() {
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [folder, setFolder] = useState('');
  const [everyDays, setEveryDays] = useState<1 | 7>(7);
  const [passphrase, setPassphrase] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);
  const [failedSubmits, setFailedSubmits] = useState(0);
  const [busy, setBusy] = useState(false);
  const [newKey, setNewKey] = useState<string | null>(null);

  useEffect(() => {
    void call('backup:status', {}).then((r) => {
      if (!r.ok) return setErrors({ general: r.error.message });
      setStatus(r.value);
      setFolder(r.value.folder ?? '');
      setEveryDays(r.value.everyDays);
    });
  }, []);

  const fail = (field: string | undefined, message: string) => {
    setErrors({ [field && FIELD_IDS[field] ? field : 'general']: message });
    setDone(null);
    setFailedSubmits((n) => n + 1);
  };

  const backUpNow = async () => {
    setBusy(true);
    const result = await call('backup:now', folder.trim() ? { folder } : {});
    setBusy(false);
    if (!result.ok) return fail(result.error.field, result.error.message);
    setErrors({});
    setDone(`Backup saved as ${result.value.fileName}.`);
    const fresh = await call('backup:status', {});
    if (fresh.ok) setStatus(fresh.value);
  };

  const saveSchedule = async (e: FormEvent) => {
    e.preventDefault();
    const result = await call('backup:configure', { folder: folder.trim() || null, everyDays });
    if (!result.ok) return fail(result.error.field, result.error.message);
    setErrors({});
    setStatus(result.value);
    setDone(
      result.value.folder
        ? `Waymark will back up ${everyDays === 1 ? 'every day' : 'every week'} while it is unlocked.`
        : 'Scheduled backups are off.',
    );
  };

  const replaceKey = async (e: FormEvent) => {
    e.preventDefault();
    const result = await call('recovery:replace', { passphrase });
    setPassphrase('');
    if (!result.ok) return fail(result.error.field, result.error.message);
    setErrors({});
    setDone(null);
    setNewKey(result.value.recoveryKey);
  };

  if (newKey)
    return (
      <RecoveryKeyPanel
        caption="Backup and recovery"
        recoveryKey={newKey}
        onDone={() => {
          setNewKey(null);
          setDone('Your new recovery key is set. The old one no longer works.');
        }}
      />
    );

  const summary: SummaryError[] = Object.entries(errors).map(([field, message]) => ({
    targetId: FIELD_IDS[field],
    message,
  }));

  return (
    <>
      <ErrorSummary errors={summary} focusKey={failedSubmits} />
      {done && (
        <NotificationBanner success title="Done">
          {done}
        </NotificationBanner>
      )}
      <PageHeading focusOnMount={!done}>Backup and recovery</PageHeading>
      <p className="body">
        A backup is your caseload still encrypted, with what is needed to open it on another
        computer using your passphrase or your recovery key. Keep backups away from this computer,
        for example on a USB stick you store safely.
      </p>
      <h2 className="heading-m">Last backup</h2>
      <p className="body" data-testid="last-backup">
        {status?.lastAt
          ? `${formatInstant(status.lastAt)} (${status.lastFile ?? 'file name not recorded'})`
          : 'No backup has been made from this computer yet.'}
      </p>
      {status?.lastProblem && (
        <div className="inset-text">
          <p className="body">The last scheduled backup was not made. {status.lastProblem}</p>
        </div>
      )}
      <form onSubmit={(e) => void saveSchedule(e)} noValidate>
        <TextInput
          id="backup-folder"
          label="Backup folder"
          hint="The full path of the folder, for example E:\Waymark backups. Waymark keeps the newest 10 backups there."
          spellCheck={false}
          value={folder}
          error={errors.folder}
          onChange={(e) => setFolder(e.target.value)}
        />
        <div className="button-group">
          <button
            type="button"
            className="button button--secondary"
            disabled={busy}
            onClick={() => void backUpNow()}
          >
            {busy ? 'Backing up…' : 'Back up now'}
          </button>
        </div>
        <Fieldset id="backup-every" legend="How often" legendSize="s" error={errors.everyDays}>
          <div className="radios">
            {EVERY.map((o) => (
              <Choice
                key={o.value}
                id={`backup-every-${o.value}`}
                type="radio"
                name="backup-every"
                label={o.label}
                checked={everyDays === o.value}
                onChange={() => setEveryDays(o.value)}
              />
            ))}
          </div>
        </Fieldset>
        <button type="submit" className="button">
          {folder.trim() ? 'Save schedule' : 'Turn scheduled backups off'}
        </button>
      </form>
      <h2 className="heading-m">Recovery key</h2>
      <p className="body">
        If you have lost your recovery key, or think someone else has seen it, make a new one. The
        old one stops opening this caseload and the backups made from now on. Backups made before
        still open with the old key, so delete them once a new backup is made.
      </p>
      <form onSubmit={(e) => void replaceKey(e)} noValidate>
        <TextInput
          id="recovery-passphrase"
          type="password"
          label="Your passphrase"
          autoComplete="current-password"
          value={passphrase}
          error={errors.passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
        />
        <button type="submit" className="button button--secondary">
          Make a new recovery key
        </button>
      </form>
    </>
  );
}
