import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { BackupPage } from '../../src-renderer/features/backup/backup-page';
import { installRealBackend, type RealBackend } from './real-backend';
import { errorSummary, recordCalls, summaryItems } from './form-probe';

let real: RealBackend;
afterEach(async () => {
  cleanup();
  await real.close();
});

const expectFieldError = (label: string, message: string) => {
  const field = screen.getByLabelText(label);
  expect(field).toHaveAttribute('aria-invalid', 'true');
  expect(field).toHaveAccessibleDescription(expect.stringContaining(`Error: ${message}`));
};

describe('the backup page refuses bad input next to the field and in the summary', () => {
  it('a folder path too long, and a new recovery key without the passphrase, send nothing', async () => {
    real = await installRealBackend();
    const sent = recordCalls();
    const user = userEvent.setup();
    render(<BackupPage />);
    await screen.findByText(/No backup has been made/);
    await user.click(screen.getByLabelText('Backup folder'));
    await user.paste(`E:\\${'a'.repeat(1030)}`);
    await user.click(screen.getByRole('button', { name: 'Save schedule' }));
    await waitFor(() => expect(errorSummary()).toHaveFocus());
    expect(summaryItems()).toEqual(['The backup folder is too long']);
    expectFieldError('Backup folder', 'The backup folder is too long');

    await user.click(screen.getByRole('button', { name: 'Back up now' }));
    await waitFor(() => expect(summaryItems()).toEqual(['The backup folder is too long']));

    await user.click(screen.getByRole('button', { name: 'Make a new recovery key' }));
    await waitFor(() => expect(summaryItems()).toEqual(['Enter your passphrase']));
    expect(errorSummary()).toHaveFocus();
    expectFieldError('Your passphrase', 'Enter your passphrase');
    // Only the form just sent lists its problems.
    expect(screen.getByLabelText('Backup folder')).not.toHaveAttribute('aria-invalid');

    expect(sent.to('backup:configure')).toEqual([]);
    expect(sent.to('backup:now')).toEqual([]);
    expect(sent.to('recovery:replace')).toEqual([]);
  });
});
