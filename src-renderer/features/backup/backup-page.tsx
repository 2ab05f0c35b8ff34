/**
 * Backup and recovery: a backup now, a scheduled backup to a folder (for example a USB stick),
 * when the last one was made, and a new recovery key. Backups are the caseload still encrypted,
 * with its key file, so they open with the passphrase or the recovery key on a new computer.
 */
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { BackupStatus } from '@shared/ipc/channels/backup';
import {
  backupConfigureSchema,
  backupNowSchema,
  type BackupConfigureInput,
} from '@shared/schemas/backup';
import { recoveryReplaceSchema, type RecoveryReplaceInput } from '@shared/schemas/session';
import { call } from '../../api';
import { PageHeading } from '../../components/page-heading';
import { ErrorSummary } from '../../components/error-summary';
import { Choice, Fieldset, TextInput } from '../../components/fields';
import { schemaResolver, summaryOf } from '../../components/form-support';
import { NotificationBanner } from '../../components/notification-banner';
import { formatInstant } from '../../labels';
import { RecoveryKeyPanel } from '../session/recovery-key-panel';

interface ScheduleValues {
  folder: string;
  everyDays: '1' | '7';
}

interface KeyValues {
  passphrase: string;
}

const SCHEDULE_IDS = { folder: 'backup-folder', everyDays: 'backup-every-1' };
const KEY_IDS = { passphrase: 'recovery-passphrase' };

const EVERY: { value: '1' | '7'; label: string }[] = [
  { value: '1', label: 'Every day' },
  { value: '7', label: 'Every week' },
];

export function BackupPage() {
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [general, setGeneral] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [failedSubmits, setFailedSubmits] = useState(0);
  const [busy, setBusy] = useState(false);
  const [newKey, setNewKey] = useState<string | null>(null);
  const schedule = useForm<ScheduleValues, unknown, BackupConfigureInput>({
    resolver: schemaResolver<ScheduleValues, BackupConfigureInput>(
      backupConfigureSchema,
      (v) => ({ folder: v.folder.trim() || null, everyDays: Number(v.everyDays) }),
      [],
    ),
    defaultValues: { folder: '', everyDays: '7' },
    shouldFocusError: false,
  });
  const keyForm = useForm<KeyValues, unknown, RecoveryReplaceInput>({
    resolver: schemaResolver<KeyValues, RecoveryReplaceInput>(recoveryReplaceSchema, (v) => v, []),
    defaultValues: { passphrase: '' },
    shouldFocusError: false,
  });
  const folder = schedule.watch('folder');

  useEffect(() => {
    void call('backup:status', {}).then((r) => {
      if (!r.ok) return setGeneral(r.error.message);
      setStatus(r.value);
      schedule.reset({
        folder: r.value.folder ?? '',
        everyDays: String(r.value.everyDays) as '1' | '7',
      });
    });
    // Once, when the page opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  /** Only the problems of the form just sent are listed. */
  const clearAll = () => {
    setGeneral(null);
    schedule.clearErrors();
    keyForm.clearErrors();
  };
  const fail = () => {
    setDone(null);
    setFailedSubmits((n) => n + 1);
  };
  const failOn = (
    field: string | undefined,
    message: string,
    set: (name: never, error: { type: string; message: string }) => void,
    ids: Record<string, string>,
  ) => {
    if (field && field in ids) set(field as never, { type: 'server', message });
    else setGeneral(message);
    fail();
  };

  const backUpNow = async () => {
    clearAll();
    const typed = schedule.getValues('folder').trim();
    const query = backupNowSchema.safeParse(typed ? { folder: typed } : {});
    if (!query.success) {
      schedule.setError('folder', {
        type: 'validate',
        message: query.error.issues[0]?.message ?? 'Enter the backup folder',
      });
      return fail();
    }
    setBusy(true);
    const result = await call('backup:now', query.data);
    setBusy(false);
    if (!result.ok)
      return failOn(result.error.field, result.error.message, schedule.setError, SCHEDULE_IDS);
    setDone(`Backup saved as ${result.value.fileName}.`);
    const fresh = await call('backup:status', {});
    if (fresh.ok) setStatus(fresh.value);
  };

  const saveSchedule = async (values: BackupConfigureInput) => {
    clearAll();
    const result = await call('backup:configure', values);
    if (!result.ok)
      return failOn(result.error.field, result.error.message, schedule.setError, SCHEDULE_IDS);
    setStatus(result.value);
    setDone(
      result.value.folder
        ? `Waymark will back up ${values.everyDays === 1 ? 'every day' : 'every week'} while it is unlocked.`
        : 'Scheduled backups are off.',
    );
  };

  const replaceKey = async (values: RecoveryReplaceInput) => {
    clearAll();
    const result = await call('recovery:replace', values);
    // The passphrase never stays on screen, whatever the answer.
    keyForm.reset({ passphrase: '' });
    if (!result.ok)
      return failOn(result.error.field, result.error.message, keyForm.setError, KEY_IDS);
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

  const scheduleErrors = schedule.formState.errors;
  const keyErrors = keyForm.formState.errors;
  const summary = [
    ...summaryOf(scheduleErrors, SCHEDULE_IDS, general),
    ...summaryOf(keyErrors, KEY_IDS, null),
  ];

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
      <form
        noValidate
        onSubmit={(e) => {
          clearAll();
          void schedule.handleSubmit(saveSchedule, fail)(e);
        }}
      >
        <TextInput
          id={SCHEDULE_IDS.folder}
          label="Backup folder"
          hint="The full path of the folder, for example E:\Waymark backups. Waymark keeps the newest 10 backups there."
          spellCheck={false}
          error={scheduleErrors.folder?.message}
          {...schedule.register('folder')}
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
        <Fieldset
          id="backup-every"
          legend="How often"
          legendSize="s"
          error={scheduleErrors.everyDays?.message}
        >
          <div className="radios">
            {EVERY.map((o) => (
              <Choice
                key={o.value}
                id={`backup-every-${o.value}`}
                type="radio"
                label={o.label}
                value={o.value}
                {...schedule.register('everyDays')}
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
      <form
        noValidate
        onSubmit={(e) => {
          clearAll();
          void keyForm.handleSubmit(replaceKey, fail)(e);
        }}
      >
        <TextInput
          id={KEY_IDS.passphrase}
          type="password"
          label="Your passphrase"
          autoComplete="current-password"
          error={keyErrors.passphrase?.message}
          {...keyForm.register('passphrase')}
        />
        <button type="submit" className="button button--secondary">
          Make a new recovery key
        </button>
      </form>
    </>
  );
}
