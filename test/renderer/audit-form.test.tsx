import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { AuditPage } from '../../src-renderer/features/audit/audit-page';
import { installRealBackend, type RealBackend } from './real-backend';
import { errorSummary, recordCalls, summaryItems } from './form-probe';
import { PASSPHRASE } from '../support/temp-caseload';

let real: RealBackend;
afterEach(async () => {
  cleanup();
  await real.close();
});

async function fillDate(user: UserEvent, legend: string, d: string, m: string, y: string) {
  const group = screen.getByRole('group', { name: legend });
  for (const [label, value] of [
    ['Day', d],
    ['Month', m],
    ['Year', y],
  ] as const) {
    await user.clear(within(group).getByLabelText(label));
    await user.type(within(group).getByLabelText(label), value);
  }
  return group;
}

describe('the audit filter refuses bad dates next to the field and in the summary', () => {
  it('an impossible date and a range the wrong way round ask for nothing', async () => {
    real = await installRealBackend();
    await real.backend.session.lock('adviser');
    await real.backend.session.unlock(PASSPHRASE);
    real.backend.session
      .require()
      .opened.raw.prepare('UPDATE advisers SET role = ?')
      .run('manager');
    const sent = recordCalls();
    const user = userEvent.setup();
    render(<AuditPage />);
    await screen.findByRole('table', { name: 'Audit entries' });
    const listed = sent.to('audit:list').length;

    const from = await fillDate(user, 'From', '31', '2', '2026');
    await user.click(screen.getByRole('button', { name: 'Show entries' }));
    await waitFor(() => expect(errorSummary()).toHaveFocus());
    expect(summaryItems()).toEqual(['Enter a real date, for example 7 11 2026']);
    expect(from).toHaveAccessibleDescription(
      expect.stringContaining('Error: Enter a real date, for example 7 11 2026'),
    );

    await fillDate(user, 'From', '10', '2', '2026');
    const to = await fillDate(user, 'To', '1', '2', '2026');
    await user.click(screen.getByRole('button', { name: 'Show entries' }));
    await waitFor(() =>
      expect(summaryItems()).toEqual(['The range must end on or after it starts']),
    );
    expect(to).toHaveAccessibleDescription(
      expect.stringContaining('Error: The range must end on or after it starts'),
    );
    expect(sent.to('audit:list')).toHaveLength(listed);
  });
});
