import '@testing-library/jest-dom/vitest';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { IpcError } from '../../src-shared/ipc/result';
import { betterOff, type BetterOffInput } from '../../src-shared/domain/better-off';
import {
  BetterOffForm,
  type Submitted,
} from '../../src-renderer/features/better-off/better-off-form';
import { pounds, toFormValues } from '../../src-renderer/features/better-off/form-model';
import { household } from '../domain/better-off/households';

afterEach(cleanup);

const TODAY = '2026-03-30';

function renderForm(h: BetterOffInput = household({ job: { hoursPerWeek: 16 } })) {
  const saved: Submitted[] = [];
  const printed: Submitted[] = [];
  const answer = { save: null as IpcError | null };
  render(
    <BetterOffForm
      defaultValues={toFormValues(h, TODAY)}
      taxYears={['2025-26', '2026-27']}
      today={TODAY}
      onSave={async (v) => {
        saved.push(v);
        return answer.save;
      }}
      onPrint={async (v) => {
        printed.push(v);
        return null;
      }}
    />,
  );
  return { saved, printed, answer };
}

const headline = () => screen.getByTestId('better-off-monthly');
const expected = (h: BetterOffInput) =>
  `${pounds(betterOff(h).output.betterOffMonthly)} a month better off in work`;

// Every keystroke re-renders the figures, chart and scenarios: jsdom is slow at that, so allow time.
describe('BetterOffForm', { timeout: 60_000 }, () => {
  it('works the figures out from the prefilled household and again as the adviser types', async () => {
    const user = userEvent.setup();
    renderForm();
    expect(headline()).toHaveTextContent(expected(household({ job: { hoursPerWeek: 16 } })));

    const hours = screen.getByLabelText('Hours a week');
    await user.clear(hours);
    await user.type(hours, '30');
    expect(headline()).toHaveTextContent(expected(household({ job: { hoursPerWeek: 30 } })));

    // With a child and social rent the work allowance and child element come in.
    await user.click(screen.getByRole('button', { name: 'Add a child' }));
    const child = screen.getByRole('group', { name: 'Child 1: date of birth' });
    await user.type(within(child).getByLabelText('Day'), '1');
    await user.type(within(child).getByLabelText('Month'), '9');
    await user.type(within(child).getByLabelText('Year'), '2019');
    expect(headline()).toHaveTextContent(
      expected(household({ job: { hoursPerWeek: 30 }, children: [{ birthDate: '2019-09-01' }] })),
    );
  });

  it('opens each figure to show its working in plain English, and says what is left out', async () => {
    const user = userEvent.setup();
    renderForm();
    const uc = document.getElementById('bo-working-inWork-universalCredit') as HTMLDetailsElement;
    expect(uc).not.toBeNull();
    await user.click(within(uc).getByText('Universal Credit'));
    expect(uc.open).toBe(true);
    expect(uc).toHaveTextContent(/Standard allowance \(single, 25 or over\)/);
    expect(uc).toHaveTextContent(/Earnings deduction: 55% of/);
    const left = screen.getByRole('heading', { name: 'What these figures do not include' });
    expect(left.nextElementSibling).toHaveTextContent(/Council Tax Reduction/);
    expect(left.nextElementSibling).toHaveTextContent(/Free school meals, free prescriptions/);
    expect(left.nextElementSibling).toHaveTextContent(/five weekly paydays/);
  });

  it('draws the chart as an image with a description and a table that marks the taper', () => {
    renderForm(household({ job: { hoursPerWeek: 16 }, children: [{ birthDate: '2019-09-01' }] }));
    const chart = screen.getByRole('img', { name: /Monthly income by hours worked a week/ });
    expect(chart).toHaveAccessibleName(/The work allowance ends at about [\d.]+ hours/);
    const table = screen.getByRole('table', { name: 'Monthly income by hours worked a week' });
    expect(within(table).getByText(/\(work allowance ends\)/)).toBeInTheDocument();
    expect(within(table).getAllByRole('row').length).toBeGreaterThan(10);
  });

  it('compares scenarios side by side; a scenario can be removed, added or used', async () => {
    const user = userEvent.setup();
    renderForm();
    const table = screen.getByRole('table', { name: 'Scenarios compared' });
    const rows = () => within(table).getAllByRole('row').length - 1;
    expect(rows()).toBe(8);
    const row3 = within(table).getByLabelText('Hours a week, scenario 3').closest('tr')!;
    expect(row3).toHaveTextContent(
      pounds(betterOff(household({ job: { hoursPerWeek: 30 } })).output.betterOffMonthly),
    );
    await user.click(screen.getByRole('button', { name: 'Remove scenario 8' }));
    expect(rows()).toBe(7);
    await user.click(screen.getByRole('button', { name: 'Add a scenario' }));
    expect(rows()).toBe(8);
    expect(within(table).getAllByText('Enter hours from 0 to 100')).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Use scenario 4' }));
    expect(screen.getByLabelText('Hours a week')).toHaveValue('37.5');
    expect(headline()).toHaveTextContent(expected(household({ job: { hoursPerWeek: 37.5 } })));
  });

  it('lists every problem in a focused error summary and saves nothing', async () => {
    const user = userEvent.setup();
    const { saved } = renderForm();
    await user.clear(screen.getByLabelText('Hours a week'));
    const explained = screen.getByRole('group', {
      name: 'Date it was explained to the participant',
    });
    await user.clear(within(explained).getByLabelText('Day'));
    await user.type(within(explained).getByLabelText('Day'), '31');
    expect(screen.getByRole('status')).toHaveTextContent('Complete the household and the job');

    await user.click(screen.getByRole('button', { name: 'Save calculation' }));
    const summary = screen.getByRole('alert');
    await waitFor(() => expect(summary).toHaveFocus());
    const items = within(summary)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual([
      'Enter the hours per week (with an hourly wage) or an annual salary',
      'The date it was explained cannot be in the future',
    ]);
    expect(screen.getByLabelText('Hours a week')).toHaveAttribute('aria-invalid', 'true');
    await user.click(within(summary).getByRole('link', { name: /hours per week/ }));
    expect(screen.getByLabelText('Hours a week')).toHaveFocus();
    expect(saved).toEqual([]);
  });

  it('saves the validated household with the date it was explained, and shows a refusal on its field', async () => {
    const user = userEvent.setup();
    const { saved, answer } = renderForm();
    await user.type(screen.getByLabelText('Label (optional)'), 'Café job');
    answer.save = {
      code: 'invalid-input',
      message: 'The hourly wage looks too large',
      field: 'household.job.hourlyWage',
    };
    await user.click(screen.getByRole('button', { name: 'Save calculation' }));
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent('The hourly wage looks too large'),
    );
    expect(screen.getByLabelText('Hourly wage (£)')).toHaveAttribute('aria-invalid', 'true');

    answer.save = null;
    await user.click(screen.getByRole('button', { name: 'Save calculation' }));
    await waitFor(() => expect(saved).toHaveLength(2));
    const last = saved[1]!;
    expect(last.explainedOn).toBe(TODAY);
    expect(last.label).toBe('Café job');
    expect(last.household).toMatchObject({ taxYear: '2025-26', job: { hoursPerWeek: 16 } });
    expect(last.live.result.output).toEqual(
      betterOff(household({ job: { hoursPerWeek: 16 } })).output,
    );
  });
});
