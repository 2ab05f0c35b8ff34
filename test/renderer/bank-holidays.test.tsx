import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BankHolidays } from '../../src-renderer/features/diary/bank-holidays';

/** The caseload's today is passed in (useToday), so the years offered never follow the computer. */
async function checkPanel() {
  render(<BankHolidays today="2026-12-01" />);
  const user = userEvent.setup();
  await user.selectOptions(screen.getByLabelText('Nation'), 'scotland');
  const years = within(screen.getByLabelText('Year'))
    .getAllByRole('option')
    .map((o) => o.textContent);
  expect(years).toEqual(['2025', '2026', '2027', '2028']);
  // One year inside and one beyond the published data.
  await user.selectOptions(screen.getByLabelText('Year'), '2027');
  expect(screen.getByRole('cell', { name: /St Andrew’s Day/ })).toBeInTheDocument();
  expect(screen.queryByText('Projected')).not.toBeInTheDocument();
  expect(screen.getAllByText('Published by gov.uk')).toHaveLength(9);
  await user.selectOptions(screen.getByLabelText('Year'), '2028');
  expect(screen.getAllByText('Projected')).toHaveLength(9);
  expect(screen.getByText(/has not published 2028 yet/)).toBeInTheDocument();
  expect(screen.getByRole('cell', { name: 'Tuesday 4 January 2028' })).toBeInTheDocument();
}

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('the bank holidays panel', () => {
  // Typing through user-event is slow on a loaded machine: a guard, not a timing assertion.
  it(
    'marks computed years as projected and published ones as gov.uk',
    { timeout: 30_000 },
    checkPanel,
  );

  it(
    'offers the same years whatever year the computer’s clock says',
    { timeout: 30_000 },
    async () => {
      vi.useFakeTimers({ toFake: ['Date'], now: new Date('2031-07-01T12:00:00Z') });
      await checkPanel();
    },
  );
});
