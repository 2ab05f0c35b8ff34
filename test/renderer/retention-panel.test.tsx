/**
 * The retention panel on the participant page (manager) and the retention period on the profile
 * form, over the real router and a real encrypted caseload.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SessionProvider } from '../../src-renderer/app/session';
import { takeFlash } from '../../src-renderer/app/flash';
import { RetentionPanel } from '../../src-renderer/features/retention/retention-panel';
import { ProfilePage } from '../../src-renderer/features/profiles/profile-page';
import { retentionOf } from '../../src-shared/domain/charter/retention';
import { installRealBackend, type RealBackend } from './real-backend';
import { personWithRecords, TODAY } from '../retention/fixture';

let real: RealBackend;
afterEach(async () => {
  cleanup();
  await real.close();
});

async function managerWith(exit: string) {
  let now = new Date(`${exit}T12:00:00Z`);
  real = await installRealBackend({ now: () => now });
  const { services } = real.backend.session.require();
  await services.wp.db.updateTable('advisers').set({ role: 'manager' }).execute();
  const id = await personWithRecords(
    { services },
    {
      givenName: 'Perpetua',
      referralId: 'JCP-4001',
      niNumber: 'ZX 12 12 12 D',
      referralDate: '2024-01-08',
      exit,
      letter: false,
    },
  );
  now = new Date(`${TODAY}T10:00:00Z`);
  return { services, id };
}

describe('the retention panel on the participant page', () => {
  it('places a legal hold with a reason, and says why erasure is refused while it holds', async () => {
    const { id } = await managerWith('2024-02-29');
    const user = userEvent.setup();
    render(
      <SessionProvider>
        <RetentionPanel participantId={id} />
      </SessionProvider>,
    );
    expect(
      await screen.findByText(
        /Left the programme on 29 February 2024\. The records are kept until 28 February 2030\./,
      ),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Place a legal hold' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Enter the reason for the hold');
    await user.type(screen.getByLabelText('Reason for a legal hold'), 'Employment tribunal');
    await user.click(screen.getByRole('button', { name: 'Place a legal hold' }));
    expect(await screen.findByText('Legal hold placed')).toHaveFocus();
    expect(await screen.findByText(/Under a legal hold: Employment tribunal/)).toBeInTheDocument();
    expect(screen.getByText(/Art\. 17\(3\)\(e\)/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Erase/ })).not.toBeInTheDocument();
  }, 60_000);

  it('refuses erasure within retention with the reason, and lets a manager override with one', async () => {
    const { services, id } = await managerWith('2024-02-29');
    const user = userEvent.setup();
    render(
      <SessionProvider>
        <RetentionPanel participantId={id} />
      </SessionProvider>,
    );
    expect(
      await screen.findByText(/must be kept until 28 February 2030 as evidence/),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Erase anyway (manager override)' }));
    expect(
      screen.getByRole('heading', { name: 'Erase every record about this person?' }),
    ).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Yes, erase 1 record' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Enter the reason for overriding');
    expect(await services.wp.db.selectFrom('participants').select('id').execute()).toHaveLength(1);

    await user.type(
      screen.getByLabelText('Your reason for erasing now (recorded in the audit log)'),
      'No payment was claimed for this person',
    );
    await user.click(screen.getByRole('button', { name: 'Erase anyway (manager override)' }));
    await user.click(screen.getByRole('button', { name: 'Yes, erase 1 record' }));
    await expect.poll(() => window.location.hash).toBe('#/retention');
    expect(takeFlash()).toBe('The person’s records were erased');
    expect(await services.wp.db.selectFrom('participants').select('id').execute()).toEqual([]);
  }, 60_000);
});

describe('the retention period on a charter profile', () => {
  it('is shown on the form and saved on the provider’s copy', async () => {
    real = await installRealBackend();
    const { services } = real.backend.session.require();
    await services.wp.db.updateTable('advisers').set({ role: 'manager' }).execute();
    const user = userEvent.setup();
    render(<ProfilePage id="work-programme" />);
    const years = await screen.findByLabelText('Years after exit');
    expect(years).toHaveValue('6');
    await user.clear(years);
    await user.type(years, '0');
    await user.click(screen.getByRole('button', { name: 'Save copy' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Years records are kept after exit must be 1 or more',
    );
    await user.clear(years);
    await user.type(years, '7');
    const source = screen.getByLabelText('Why this period (the contract clause or the law)');
    await user.clear(source);
    await user.type(source, 'Contract schedule 4: end of contract plus seven years');
    await user.click(screen.getByRole('button', { name: 'Save copy' }));
    await expect
      .poll(async () => {
        const list = await services.profiles.list();
        return list.profiles.some((p) => p.id === 'work-programme-copy');
      })
      .toBe(true);
    expect(retentionOf((await services.profiles.get('work-programme-copy')).profile)).toEqual({
      yearsAfterExit: 7,
      source: 'Contract schedule 4: end of contract plus seven years',
    });
  }, 60_000);
});
