import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { SessionProvider } from '../../src-renderer/app/session';
import { SetupPage } from '../../src-renderer/features/session/setup-page';
import { UnlockPage } from '../../src-renderer/features/session/unlock-page';
import { RecoverPage } from '../../src-renderer/features/session/recover-page';
import { RestorePage } from '../../src-renderer/features/session/restore-page';
import { SecurityPage } from '../../src-renderer/features/session/security-page';
import { installRealBackend, type RealBackend } from './real-backend';
import { errorSummary, recordCalls, summaryItems } from './form-probe';

let real: RealBackend;
afterEach(async () => {
  cleanup();
  await real.close();
});

const inSession = (page: ReactNode) => render(<SessionProvider>{page}</SessionProvider>);
const noop = () => undefined;

/** The field's inline error, as a screen reader hears it with the field. */
const expectFieldError = (label: string, message: string) => {
  const field = screen.getByLabelText(label, { exact: true });
  expect(field).toHaveAttribute('aria-invalid', 'true');
  expect(field).toHaveAccessibleDescription(expect.stringContaining(`Error: ${message}`));
};

describe('session forms refuse bad input next to the field and in the summary', () => {
  it('set-up: a missing name, a short passphrase and a mismatch send nothing', async () => {
    real = await installRealBackend({ setUp: false });
    const sent = recordCalls();
    const user = userEvent.setup();
    inSession(<SetupPage onRestore={noop} />);
    await user.click(screen.getByRole('button', { name: 'Set up Waymark' }));
    await waitFor(() => expect(errorSummary()).toHaveFocus());
    expect(summaryItems()).toEqual([
      'Enter your name',
      'Use at least 12 characters; a few unrelated words work well',
    ]);
    expectFieldError('Your name', 'Enter your name');
    expectFieldError('Create a passphrase', 'Use at least 12 characters');

    await user.type(screen.getByLabelText('Your name'), 'Ada Adviser');
    await user.type(screen.getByLabelText('Create a passphrase'), 'tiny pass');
    await user.click(screen.getByRole('button', { name: 'Set up Waymark' }));
    await waitFor(() =>
      expect(summaryItems()).toEqual([
        expect.stringContaining('at least 12'),
        'The passphrases do not match',
      ]),
    );
    // What was typed as a passphrase is never repeated in an error.
    expect(document.body.textContent).not.toContain('tiny pass');

    await user.clear(screen.getByLabelText('Create a passphrase'));
    await user.type(screen.getByLabelText('Create a passphrase'), 'a long enough passphrase');
    await user.type(screen.getByLabelText('Confirm your passphrase'), 'something else');
    await user.click(screen.getByRole('button', { name: 'Set up Waymark' }));
    await waitFor(() => expect(summaryItems()).toEqual(['The passphrases do not match']));
    expectFieldError('Confirm your passphrase', 'The passphrases do not match');
    // A summary link moves focus to its field.
    await user.click(screen.getByRole('link', { name: 'The passphrases do not match' }));
    expect(screen.getByLabelText('Confirm your passphrase')).toHaveFocus();

    expect(sent.to('session:setup')).toEqual([]);
    const status = await window.waymark['session:status']({});
    expect(status.ok && status.value.state).toBe('uninitialised');
  });

  it('unlock: an empty passphrase is refused without a try; a wrong one is cleared', async () => {
    real = await installRealBackend();
    await real.backend.session.lock('adviser');
    const status = await window.waymark['session:status']({});
    if (!status.ok) throw new Error('no status');
    const sent = recordCalls();
    const user = userEvent.setup();
    inSession(<UnlockPage status={status.value} onForgotten={noop} />);
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    await waitFor(() => expect(errorSummary()).toHaveFocus());
    expect(summaryItems()).toEqual(['Enter your passphrase']);
    expectFieldError('Passphrase', 'Enter your passphrase');
    expect(sent.to('session:unlock')).toEqual([]);

    await user.type(screen.getByLabelText('Passphrase'), 'not the passphrase');
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    await waitFor(() => expect(summaryItems()).toEqual([expect.stringMatching(/not right/)]));
    expectFieldError('Passphrase', 'That passphrase is not right');
    expect(screen.getByLabelText('Passphrase')).toHaveValue('');
    expect(document.body.textContent).not.toContain('not the passphrase');
    expect(sent.to('session:unlock')).toEqual([{ passphrase: 'not the passphrase' }]);
  });

  it('recovery: a missing key and a weak new passphrase send nothing', async () => {
    real = await installRealBackend();
    await real.backend.session.lock('adviser');
    const sent = recordCalls();
    const user = userEvent.setup();
    inSession(<RecoverPage onCancel={noop} />);
    await user.type(screen.getByLabelText('New passphrase'), 'short');
    await user.type(screen.getByLabelText('Confirm the new passphrase'), 'short');
    await user.click(screen.getByRole('button', { name: 'Unlock and set new passphrase' }));
    await waitFor(() => expect(errorSummary()).toHaveFocus());
    expect(summaryItems()).toEqual([
      'Enter your recovery key',
      'Use at least 12 characters; a few unrelated words work well',
    ]);
    expectFieldError('Recovery key', 'Enter your recovery key');
    expectFieldError('New passphrase', 'Use at least 12 characters');
    expect(sent.to('recovery:unlock')).toEqual([]);
  });

  it('restore: a missing file and passphrase send nothing', async () => {
    real = await installRealBackend({ setUp: false });
    const sent = recordCalls();
    const user = userEvent.setup();
    inSession(<RestorePage onCancel={noop} />);
    await user.type(screen.getByLabelText('Backup file'), '   ');
    await user.click(screen.getByRole('button', { name: 'Restore caseload' }));
    await waitFor(() => expect(errorSummary()).toHaveFocus());
    expect(summaryItems()).toEqual(['Enter the backup file', 'Enter the passphrase']);
    expectFieldError('Backup file', 'Enter the backup file');
    expectFieldError('Passphrase', 'Enter the passphrase');
    expect(sent.to('backup:restore')).toEqual([]);
  });

  it('security: a weak new passphrase and minutes out of range send nothing', async () => {
    real = await installRealBackend();
    const sent = recordCalls();
    const user = userEvent.setup();
    inSession(<SecurityPage />);
    await user.type(screen.getByLabelText('New passphrase'), 'short');
    await user.click(screen.getByRole('button', { name: 'Change passphrase' }));
    await waitFor(() => expect(errorSummary()).toHaveFocus());
    expect(summaryItems()).toEqual([
      'Enter your passphrase',
      'Use at least 12 characters; a few unrelated words work well',
      'The new passphrases do not match',
    ]);
    expectFieldError('Current passphrase', 'Enter your passphrase');
    expectFieldError('New passphrase', 'Use at least 12 characters');

    const minutes = screen.getByLabelText('Lock after this many minutes without activity');
    await waitFor(() => expect(minutes).toHaveValue('10'));
    await user.clear(minutes);
    await user.type(minutes, '90');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const words = 'Enter a whole number of minutes from 1 to 60';
    await waitFor(() => expect(summaryItems()).toEqual([words]));
    expectFieldError('Lock after this many minutes without activity', words);
    expect(sent.to('session:changePassphrase')).toEqual([]);
    expect(sent.to('session:setAutoLock')).toEqual([]);
  });
});
