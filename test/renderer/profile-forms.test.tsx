/**
 * The charter-profile editor over the real router and a real encrypted caseload: bad input is
 * named beside its box and in the focused summary and nothing is sent; good input is saved and
 * the form then shows exactly what was saved.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ProfilePage } from '../../src-renderer/features/profiles/profile-page';
import { shippedProfile } from '../../src-shared/domain/charter/shipped-profiles';
import { errorSummary, recordCalls, summaryItems } from './form-probe';
import { installRealBackend, type RealBackend } from './real-backend';

let real: RealBackend;
afterEach(async () => {
  cleanup();
  await real.close();
});

async function asManager() {
  real = await installRealBackend();
  const { services } = real.backend.session.require();
  await services.wp.db.updateTable('advisers').set({ role: 'manager' }).execute();
  return services;
}

/** A box's inline error: marked invalid and described by "Error: …". */
function expectFieldError(field: HTMLElement, message: string) {
  expect(field).toHaveAttribute('aria-invalid', 'true');
  expect(field).toHaveAccessibleDescription(expect.stringContaining(`Error: ${message}`));
}

describe('the charter-profile editor', () => {
  it('refuses a bad id, an empty name and a zero beside each box and in the summary, sending nothing', async () => {
    const services = await asManager();
    const sent = recordCalls();
    const user = userEvent.setup();
    render(<ProfilePage id="work-programme" />);
    const id = await screen.findByLabelText('Id for your copy');
    await user.clear(id);
    await user.type(id, 'Acme Work');
    await user.clear(screen.getByLabelText('Name', { exact: true }));
    const r1 = screen.getByRole('group', { name: /^R1:/ });
    const days = within(r1).getByLabelText('Days');
    await user.clear(days);
    await user.type(days, '0');
    const r7 = screen.getByRole('group', { name: /^R7:/ });
    const months = within(r7).getByLabelText('Months between reviews');
    await user.clear(months);
    await user.type(months, 'six');
    await user.click(screen.getByRole('button', { name: 'Save copy' }));

    await waitFor(() => expect(errorSummary()).toHaveFocus());
    const words = {
      id: 'Id must be lower-case letters, numbers and hyphens, like acme-work-programme',
      name: 'Name cannot be empty',
      days: 'R1 days must be 1 or more',
      months: 'R7 months between reviews must be a whole number',
    };
    expect(summaryItems()).toEqual([words.id, words.name, words.days, words.months]);
    expectFieldError(id, words.id);
    expectFieldError(screen.getByLabelText('Name', { exact: true }), words.name);
    expectFieldError(days, words.days);
    expectFieldError(months, words.months);
    // The summary's links move to the box.
    await user.click(within(errorSummary()).getByRole('link', { name: words.days }));
    expect(days).toHaveFocus();

    expect(sent.to('profiles:saveCopy')).toEqual([]);
    expect((await services.profiles.list()).profiles.filter((p) => p.kind === 'copy')).toEqual([]);
  });

  it('saves a new version of a copy and then shows exactly what was saved', async () => {
    const services = await asManager();
    const shipped = shippedProfile('work-programme')!;
    await services.profiles.saveCopy({
      basedOn: 'work-programme',
      profile: { ...shipped, id: 'acme-work-programme', name: 'Acme Work Programme' },
    });
    const sent = recordCalls();
    const user = userEvent.setup();
    render(<ProfilePage id="acme-work-programme" />);
    const r1 = await screen.findByRole('group', { name: /^R1:/ });
    await user.clear(within(r1).getByLabelText('Days'));
    await user.type(within(r1).getByLabelText('Days'), '5');
    const promise = within(r1).getByLabelText('Promise, as participants are told it');
    await user.clear(promise);
    await user.type(promise, '  Allocate you to an adviser within 5 days of referral.  ');
    await user.click(screen.getByRole('button', { name: 'Save new version' }));

    expect(await screen.findByText('Saved Acme Work Programme, version 2')).toBeInTheDocument();
    expect(sent.to('profiles:saveCopy')).toHaveLength(1);
    const saved = (await services.profiles.get('acme-work-programme')).profile;
    expect(saved.rules.R1.days).toBe(5);
    expect(saved.rules.R1.promise).toBe('Allocate you to an adviser within 5 days of referral.');
    // The form now holds version 2 as saved (trimmed by the schema), not what was typed.
    const after = screen.getByRole('group', { name: /^R1:/ });
    expect(within(after).getByLabelText('Days')).toHaveValue(String(saved.rules.R1.days));
    expect(within(after).getByLabelText('Promise, as participants are told it')).toHaveValue(
      saved.rules.R1.promise,
    );
    expect(screen.getByText(/version 2, saved/)).toBeInTheDocument();
  });
});
