import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { SessionProvider } from '../../src-renderer/app/session';
import { PlacesPage } from '../../src-renderer/features/places/places-page';
import { ImportPage } from '../../src-renderer/features/import/import-page';
import { installRealBackend, type RealBackend } from './real-backend';
import { errorSummary, recordCalls, summaryItems } from './form-probe';

const NOW = new Date('2026-12-01T09:00:00Z');

let real: RealBackend;
afterEach(async () => {
  cleanup();
  await real.close();
});

const inSession = (page: ReactNode) => render(<SessionProvider>{page}</SessionProvider>);

async function fillDate(user: UserEvent, group: HTMLElement, d: string, m: string, y: string) {
  for (const [label, value] of [
    ['Day', d],
    ['Month', m],
    ['Year', y],
  ] as const) {
    await user.clear(within(group).getByLabelText(label));
    await user.type(within(group).getByLabelText(label), value);
  }
}

describe('places and import refuse bad input next to the field and in the summary', () => {
  it('closing a venue: no date, an impossible date and a past date send nothing', async () => {
    real = await installRealBackend({ now: () => NOW });
    const saved = await window.waymark['diary:saveOffice']({
      office: {
        kind: 'outreach',
        name: 'Splott library',
        nation: 'england-and-wales',
        address: { line1: '1 Singleton Road', town: 'Cardiff', postcode: 'CF24 2ET' },
        phone: '029 2018 0002',
        email: 'outreach@waymark.example',
        stepFree: true,
      } as never,
    });
    expect(saved.ok).toBe(true);
    const sent = recordCalls();
    const user = userEvent.setup();
    inSession(<PlacesPage />);
    const form = await screen.findByRole('form', { name: 'Close Splott library' });
    const close = () =>
      user.click(within(form).getByRole('button', { name: 'Close Splott library' }));
    const group = within(form).getByRole('group', { name: 'First day it is closed' });
    const expectError = async (message: string) => {
      await waitFor(() => expect(summaryItems()).toEqual([message]));
      expect(errorSummary()).toHaveFocus();
      expect(group).toHaveAccessibleDescription(expect.stringContaining(`Error: ${message}`));
      expect(within(group).getByLabelText('Day')).toHaveAttribute('aria-invalid', 'true');
    };

    await close();
    await expectError('Enter the first day it is closed');
    await fillDate(user, group, '30', '2', '2030');
    await close();
    await expectError('Enter a real date, for example 31 3 2027');
    await fillDate(user, group, '30', '11', '2026');
    await close();
    await expectError('The closing date must be today or later');
    expect(sent.to('diary:closeOffice')).toEqual([]);

    // A right date closes it, and the page says so.
    await fillDate(user, group, '1', '1', '2030');
    await close();
    expect(await screen.findByText(/Splott library is closed from 1 January 2030/)).toBeVisible();
    expect(sent.to('diary:closeOffice')).toEqual([
      expect.objectContaining({ closedOn: '2030-01-01' }),
    ]);
  });

  it('import: no file, and an empty file, start nothing', async () => {
    real = await installRealBackend({ now: () => NOW });
    const sent = recordCalls();
    const user = userEvent.setup();
    render(<ImportPage />);
    const button = screen.getByRole('button', { name: 'Import referrals' });
    await user.click(button);
    await waitFor(() => expect(errorSummary()).toHaveFocus());
    expect(summaryItems()).toEqual(['Select a CSV file of referrals']);
    const input = screen.getByLabelText('Referral file (CSV)');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(
      expect.stringContaining('Error: Select a CSV file of referrals'),
    );

    await user.upload(input, new File([''], 'empty.csv', { type: 'text/csv' }));
    await user.click(button);
    await waitFor(() => expect(summaryItems()).toEqual(['The file is empty']));
    expect(input).toHaveAccessibleDescription(expect.stringContaining('Error: The file is empty'));
    expect(sent.to('import:start')).toEqual([]);
  });
});
