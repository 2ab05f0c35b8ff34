/**
 * The manager's retention screen over the real router and a real encrypted caseload: records
 * past retention listed with plain dates; nothing chosen is refused with an error summary; a
 * confirmation names the count and takes focus; anonymise and delete (select all) change the
 * caseload; a legal hold is listed and lifted with a reason; other roles are refused.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RetentionPage } from '../../src-renderer/features/retention/retention-page';
import { RetentionService } from '../../src-main/services/protection/retention';
import { installRealBackend, type RealBackend } from './real-backend';
import { personWithRecords, TODAY } from '../retention/fixture';

let real: RealBackend;
afterEach(async () => {
  cleanup();
  await real.close();
});

async function caseload(people: { givenName: string; referralId: string; niNumber: string }[]) {
  let now = new Date('2019-06-30T10:00:00Z');
  real = await installRealBackend({ now: () => now });
  const { services } = real.backend.session.require();
  await services.wp.db.updateTable('advisers').set({ role: 'manager' }).execute();
  const ids: string[] = [];
  for (const p of people)
    ids.push(
      await personWithRecords(
        { services },
        { ...p, referralDate: '2019-01-07', exit: '2019-06-28', letter: false },
      ),
    );
  now = new Date(`${TODAY}T10:00:00Z`);
  return { services, ids };
}

describe('the retention screen', () => {
  it('anonymises one, then deletes all after a confirmation that names the count', async () => {
    const { services } = await caseload([
      { givenName: 'Ignatius', referralId: 'JCP-3001', niNumber: 'ZX 10 20 30 A' },
      { givenName: 'Hortensia', referralId: 'JCP-3002', niNumber: 'ZX 40 50 60 B' },
    ]);
    const user = userEvent.setup();
    render(<RetentionPage />);
    const table = await screen.findByRole('table', { name: 'Records past their retention period' });
    expect(within(table).getByText('Ignatius Quillfeather')).toBeInTheDocument();
    expect(within(table).getAllByText('28 June 2019')).toHaveLength(2);
    expect(within(table).getAllByText('28 June 2025')).toHaveLength(2);

    await user.click(screen.getByRole('button', { name: 'Delete selected' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Choose at least one record');

    await user.click(screen.getByRole('checkbox', { name: 'Select Ignatius Quillfeather' }));
    expect(screen.getByText('1 record selected')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Anonymise selected' }));
    expect(screen.getByRole('heading', { name: 'Anonymise 1 record?' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Yes, anonymise 1 record' }));
    expect(await screen.findByText('1 record anonymised')).toBeInTheDocument();
    expect(await screen.findByText('Anonymised participant')).toBeInTheDocument();
    expect(screen.getByText('1 December 2026')).toBeInTheDocument();

    await user.click(screen.getByRole('checkbox', { name: 'Select all 2 records' }));
    expect(screen.getByText('2 records selected')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Delete selected' }));
    expect(screen.getByRole('heading', { name: 'Delete 2 records?' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await services.wp.db.selectFrom('participants').select('id').execute()).toHaveLength(2);
    await user.click(screen.getByRole('button', { name: 'Delete selected' }));
    await user.click(screen.getByRole('button', { name: 'Yes, delete 2 records' }));
    expect(await screen.findByText('2 records deleted')).toBeInTheDocument();
    expect(
      await screen.findByText('No records are past their retention period.'),
    ).toBeInTheDocument();
    expect(await services.wp.db.selectFrom('participants').select('id').execute()).toEqual([]);
  }, 60_000);

  it('lists a legal hold and lifts it with a reason, after which the record is listed', async () => {
    const { services, ids } = await caseload([
      { givenName: 'Leopoldine', referralId: 'JCP-3003', niNumber: 'ZX 70 80 90 C' },
    ]);
    await new RetentionService(services.wp, services.profiles).placeHold({
      participantId: ids[0]!,
      reason: 'Employment tribunal',
    });
    const user = userEvent.setup();
    render(<RetentionPage />);
    expect(
      await screen.findByText('No records are past their retention period.'),
    ).toBeInTheDocument();
    expect(screen.getByText(/Employment tribunal/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Lift the hold on Leopoldine/ }));
    const reason = screen.getByLabelText('Why is the hold no longer needed?');
    expect(reason).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Lift the hold' }));
    expect(await screen.findByText(/Enter the reason for lifting the hold/)).toBeInTheDocument();
    await user.type(reason, 'Claim withdrawn');
    await user.click(screen.getByRole('button', { name: 'Lift the hold' }));
    expect(
      await screen.findByText('Legal hold on Leopoldine Quillfeather’s records lifted'),
    ).toBeInTheDocument();
    expect(await screen.findByRole('table')).toHaveTextContent('Leopoldine Quillfeather');
    expect(screen.getByText('No records are under a legal hold.')).toBeInTheDocument();
  }, 60_000);

  it('tells an adviser the screen is not for their role', async () => {
    real = await installRealBackend();
    render(<RetentionPage />);
    expect(await screen.findByRole('alert')).toHaveTextContent(/role/i);
  });
});
