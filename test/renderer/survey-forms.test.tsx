import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SessionProvider } from '../../src-renderer/app/session';
import { SurveysPage } from '../../src-renderer/features/surveys/surveys-page';
import { SurveyModePage } from '../../src-renderer/features/surveys/survey-mode-page';
import { referral } from '../support/referrals';
import { installRealBackend, type RealBackend } from './real-backend';
import { errorSummary, recordCalls, summaryItems } from './form-probe';

let real: RealBackend;
afterEach(async () => {
  cleanup();
  await real.close();
});

describe('the paper survey form refuses bad input next to the field and in the summary', () => {
  it('no answers, no participant for a named form and an impossible date send nothing', async () => {
    real = await installRealBackend();
    const sent = recordCalls();
    const user = userEvent.setup();
    render(
      <SessionProvider>
        <SurveysPage />
      </SessionProvider>,
    );
    await user.selectOptions(await screen.findByLabelText('Which survey'), 'work-programme/exit');
    await user.click(screen.getByLabelText(/A participant on my caseload/));
    const date = screen.getByRole('group', { name: 'Date on the form' });
    await user.clear(within(date).getByLabelText('Day'));
    await user.type(within(date).getByLabelText('Day'), '31');
    await user.clear(within(date).getByLabelText('Month'));
    await user.type(within(date).getByLabelText('Month'), '2');
    await user.click(screen.getByRole('button', { name: 'Save the paper form' }));
    await waitFor(() => expect(errorSummary()).toHaveFocus());
    expect(summaryItems()).toEqual([
      'Choose whose form this is',
      'Enter a real date, for example 7 11 2026',
      'Enter at least one answer from the form',
    ]);
    expect(screen.getByLabelText('Participant')).toHaveAccessibleDescription(
      'Error: Choose whose form this is',
    );
    expect(date).toHaveAccessibleDescription(
      expect.stringContaining('Error: Enter a real date, for example 7 11 2026'),
    );
    const [first] = screen.getAllByRole('group', { name: /^1\. / });
    expect(first).toHaveAccessibleDescription(
      expect.stringContaining('Error: Enter at least one answer from the form'),
    );
    // The summary link goes to the first question.
    await user.click(screen.getByRole('link', { name: 'Enter at least one answer from the form' }));
    expect(within(first!).getAllByRole('radio')[0]).toHaveFocus();
    expect(sent.to('surveys:recordPaper')).toEqual([]);
  });
});

describe('the locked survey mode refuses leaving without the passphrase', () => {
  it('an empty passphrase is said beside the field and in the summary, and nothing is sent', async () => {
    real = await installRealBackend({ now: () => new Date('2026-12-01T09:00:00Z') });
    const created = await window.waymark['participant:create'](
      referral({ referralId: 'JCP-S1', referralDate: '2026-10-01' }),
    );
    if (!created.ok) throw new Error(created.error.message);
    const exited = await window.waymark['participant:setStatus']({
      id: created.value.id,
      status: 'exited',
      date: '2026-12-01',
      exitReason: 'moved-away',
    } as never);
    expect(exited.ok).toBe(true);
    const locked = await window.waymark['surveys:startLocked']({
      participantId: created.value.id,
      surveyId: 'exit',
      anonymous: true,
    });
    expect(locked.ok).toBe(true);
    const sent = recordCalls();
    const user = userEvent.setup();
    render(
      <SessionProvider>
        <SurveyModePage />
      </SessionProvider>,
    );
    await user.click(await screen.findByRole('button', { name: 'Return to Waymark' }));
    await waitFor(() => expect(errorSummary()).toHaveFocus());
    expect(summaryItems()).toEqual(['Enter your passphrase']);
    expect(screen.getByLabelText('Adviser’s passphrase')).toHaveAccessibleDescription(
      'Error: Enter your passphrase',
    );
    expect(sent.to('surveys:leave')).toEqual([]);
  });
});
