/**
 * The recovery key, shown once (at set-up, or when replaced): the words the user writes down and
 * keeps away from the computer. Waymark keeps only a wrap of the database key made with it.
 */
import { PageHeading } from '../../components/page-heading';

export function RecoveryKeyPanel({
  recoveryKey,
  onDone,
  caption,
}: {
  recoveryKey: string;
  onDone: () => void;
  caption: string;
}) {
  return (
    <>
      <PageHeading caption={caption}>Write down your recovery key</PageHeading>
      <p className="body">
        If you forget your passphrase, this recovery key is the only way back into your caseload. It
        also opens a backup on a new computer.
      </p>
      <div className="inset-text">
        <p className="body recovery-key" data-testid="recovery-key">
          {recoveryKey}
        </p>
      </div>
      <p className="body">
        <strong>
          Waymark will not show this again. Keep it on paper somewhere safe, away from this
          computer, and not with your backups.
        </strong>
      </p>
      <button type="button" className="button" onClick={onDone}>
        I have written down my recovery key
      </button>
    </>
  );
}
