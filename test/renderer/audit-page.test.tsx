import { afterEach, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AuditPage, describeAction } from '../../src-renderer/features/audit/audit-page';
import { installRealBackend, type RealBackend } from './real-backend';
import { PASSPHRASE } from '../support/temp-caseload';

let real: RealBackend;
afterEach(() => real.close());

const provision = (role: string) =>
  real.backend.session.require().opened.raw.prepare('UPDATE advisers SET role = ?').run(role);

describe('the audit log page', () => {
  it('shows a manager the entries in plain English, filters them and offers a spreadsheet', async () => {
    real = await installRealBackend();
    await real.backend.session.lock('adviser');
    await real.backend.session.unlock(PASSPHRASE);
    provision('manager');
    render(<AuditPage />);
    const table = await screen.findByRole('table', { name: 'Audit entries' });
    expect(within(table).getAllByText('Ada Adviser').length).toBeGreaterThan(0);
    expect(within(table).getByText('Session: unlock')).toBeInTheDocument();
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Kind of action'), 'audit');
    await user.click(screen.getByRole('button', { name: 'Show entries' }));
    await screen.findByText('Audit: view', {}, { timeout: 2000 });
    expect(within(table).queryByText('Session: unlock')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Prepare a spreadsheet/ }));
    expect(await screen.findByRole('link', { name: /Download the spreadsheet/ })).toHaveAttribute(
      'download',
      expect.stringMatching(/^waymark-audit-.*\.csv$/),
    );
  }, 20_000);

  it('tells anyone but a manager that it is not for their role', async () => {
    real = await installRealBackend();
    render(<AuditPage />);
    expect(await screen.findByRole('alert')).toHaveTextContent('Your role does not give access');
  });

  it('names actions in words', () => {
    expect(describeAction('participant.subject-access-export')).toBe(
      'Participant: subject access export',
    );
    expect(describeAction('caseload.list')).toBe('Caseload: list');
  });
});
