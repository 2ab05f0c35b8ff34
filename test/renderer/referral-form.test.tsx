import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import type { IpcError } from '../../src-shared/ipc/result';
import type { Referral } from '../../src-shared/schemas/participant';
import { ReferralForm } from '../../src-renderer/features/referral/referral-form';
import { toCivilDate } from '../../src-renderer/components/date-input';

afterEach(cleanup);

function renderForm(answer: IpcError | null = null) {
  const saved: Referral[] = [];
  render(
    <ReferralForm
      submitLabel="Add referral"
      onSave={async (r) => {
        saved.push(r);
        return answer;
      }}
    />,
  );
  return saved;
}

async function fillDate(user: UserEvent, legend: string, d: string, m: string, y: string) {
  const group = screen.getByRole('group', { name: legend });
  await user.type(within(group).getByLabelText('Day'), d);
  await user.type(within(group).getByLabelText('Month'), m);
  await user.type(within(group).getByLabelText('Year'), y);
}

async function fillValid(user: UserEvent) {
  await user.type(screen.getByLabelText('First name'), 'Zofia');
  await user.type(screen.getByLabelText('Last name'), 'Wiśniewska');
  await fillDate(user, 'Date of birth', '12', '4', '1990');
  await user.type(screen.getByLabelText('National Insurance number'), 'ab 12 34 56 c');
  await user.type(screen.getByLabelText('Address line 1'), '12 Canal Street');
  await user.type(screen.getByLabelText('Town or city'), 'Sheffield');
  await user.type(screen.getByLabelText('Postcode'), 's1 2ab');
  await user.click(screen.getByLabelText('Letter'));
  await user.type(screen.getByLabelText('Referral reference'), 'JCP-0001');
  await fillDate(user, 'Referral date', '2', '11', '2026');
  await user.type(screen.getByLabelText('Jobcentre office'), 'Sheffield Eastern Avenue');
  await user.click(screen.getByLabelText('Universal Credit'));
  await user.click(screen.getByLabelText('No One Left Behind'));
  await user.click(screen.getByLabelText('Scotland'));
}

const summary = () => screen.getByRole('alert');

describe('ReferralForm', () => {
  it('lists every problem in an error summary that takes focus, and saves nothing', async () => {
    const user = userEvent.setup();
    const saved = renderForm();
    await user.click(screen.getByRole('button', { name: 'Add referral' }));
    await waitFor(() => expect(summary()).toHaveFocus());
    const items = within(summary())
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual(
      expect.arrayContaining([
        'Enter the first name',
        'Enter the last name',
        'Enter the date of birth as a real date, for example 27 3 1990',
        'Enter a real UK postcode, like SW1A 1AA',
        'Choose how they prefer to be contacted',
        'Choose a benefit',
        'Choose a programme',
        'Choose a nation',
      ]),
    );
    // In the order the fields appear.
    expect(items[0]).toBe('Enter the first name');
    expect(screen.getByLabelText('First name')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('First name')).toHaveAccessibleDescription(
      'Error: Enter the first name',
    );
    expect(saved).toEqual([]);

    // A summary link moves focus to its field without touching the route.
    await user.click(within(summary()).getByRole('link', { name: 'Enter the last name' }));
    expect(screen.getByLabelText('Last name')).toHaveFocus();
    expect(window.location.hash).toBe('');
  });

  it('applies the shared schema: cross-field rules and real dates', async () => {
    const user = userEvent.setup();
    const saved = renderForm();
    await fillValid(user);
    await user.click(screen.getByLabelText('Email'));
    const dob = screen.getByRole('group', { name: 'Date of birth' });
    await user.clear(within(dob).getByLabelText('Day'));
    await user.type(within(dob).getByLabelText('Day'), '31');
    await user.clear(within(dob).getByLabelText('Month'));
    await user.type(within(dob).getByLabelText('Month'), '2');
    await user.click(screen.getByRole('button', { name: 'Add referral' }));
    await waitFor(() =>
      expect(
        within(summary())
          .getAllByRole('listitem')
          .map((li) => li.textContent),
      ).toEqual([
        'Enter the date of birth as a real date, for example 27 3 1990',
        'Enter an email address, as email is the preferred channel',
      ]),
    );
    expect(saved).toEqual([]);
  });

  it('hands the parsed, normalised referral to onSave', async () => {
    const user = userEvent.setup();
    const saved = renderForm();
    await fillValid(user);
    await user.click(screen.getByRole('button', { name: 'Add referral' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]).toMatchObject({
      givenName: 'Zofia',
      dateOfBirth: '1990-04-12',
      referralDate: '2026-11-02',
      niNumber: 'AB123456C',
      address: { postcode: 'S1 2AB', line1: '12 Canal Street' },
      programme: 'no-one-left-behind',
      // Chosen for the adviser from the programme.
      charterProfile: 'no-one-left-behind',
      nation: 'scotland',
      contactChannel: 'letter',
      language: 'English',
      accessibleFormats: { largePrint: false, welsh: false, easyRead: false },
    });
    expect(saved[0]!.phone).toBeUndefined();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it("shows the main process's refusal on the field it names", async () => {
    const user = userEvent.setup();
    renderForm({
      code: 'conflict',
      message: 'Referral JCP-0001 is already on the caseload',
      field: 'referralId',
    });
    await fillValid(user);
    await user.click(screen.getByRole('button', { name: 'Add referral' }));
    await waitFor(() =>
      expect(summary()).toHaveTextContent('Referral JCP-0001 is already on the caseload'),
    );
    expect(screen.getByLabelText('Referral reference')).toHaveAttribute('aria-invalid', 'true');
    expect(
      within(summary()).getByRole('link', { name: 'Referral JCP-0001 is already on the caseload' }),
    ).toHaveAttribute('href', '#referral-referralId');
  });

  it('shows a refusal that names no field at the top of the summary', async () => {
    const user = userEvent.setup();
    renderForm({ code: 'conflict', message: 'Someone else changed this record' });
    await fillValid(user);
    await user.click(screen.getByRole('button', { name: 'Add referral' }));
    await waitFor(() => expect(summary()).toHaveTextContent('Someone else changed this record'));
    expect(within(summary()).queryByRole('link')).toBeNull();
  });
});

describe('toCivilDate', () => {
  it('pads day and month, and leaves what it cannot tidy to fail validation', () => {
    expect(toCivilDate('2026-3-7')).toBe('2026-03-07');
    expect(toCivilDate('')).toBe('');
    expect(toCivilDate('26-3-7')).toBe('26-03-07');
    expect(toCivilDate('2026--7')).toBe('2026--07');
  });
});
