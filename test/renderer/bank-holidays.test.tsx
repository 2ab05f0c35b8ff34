import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { BankHolidays } from '../../src-renderer/features/diary/bank-holidays';

describe('the bank holidays panel', () => {
  it('marks computed years as projected and published ones as gov.uk', async () => {
    render(<BankHolidays />);
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Nation'), 'scotland');
    const years = within(screen.getByLabelText('Year'))
      .getAllByRole('option')
      .map((o) => o.textContent);
    // Three of the four years on offer; pick one inside and one beyond the published data.
    await user.selectOptions(screen.getByLabelText('Year'), '2027');
    expect(screen.getByRole('cell', { name: /St Andrew’s Day/ })).toBeInTheDocument();
    expect(screen.queryByText('Projected')).not.toBeInTheDocument();
    expect(screen.getAllByText('Published by gov.uk')).toHaveLength(9);
    if (years.includes('2028')) {
      await user.selectOptions(screen.getByLabelText('Year'), '2028');
      expect(screen.getAllByText('Projected')).toHaveLength(9);
      expect(screen.getByText(/has not published 2028 yet/)).toBeInTheDocument();
      expect(screen.getByRole('cell', { name: /^Tuesday,? 4 January 2028$/ })).toBeInTheDocument();
    }
  });
});
