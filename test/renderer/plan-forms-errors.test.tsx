/**
 * The plan editor and its referral and occupational-health panels over the real router and a
 * real encrypted caseload: 31 November stays on screen with its error beside the field and in
 * the summary, and is never saved or sent; a missing answer stops agreeing and sends nothing.
 */
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { SessionProvider } from '../../src-renderer/app/session';
import { PlanEditor } from '../../src-renderer/features/plan/plan-editor';
import { HealthDecisionForm, ReferralsPanel } from '../../src-renderer/features/plan/plan-support';
import { referralSchema } from '../../src-shared/schemas/participant';
import type { PlanView } from '../../src-shared/schemas/plan';
import { referral } from '../support/referrals';
import { formTestBackend } from './form-test-backend';

const TODAY = '2026-11-16';
const { services, probe, ask, days } = formTestBackend(TODAY);

async function planView(): Promise<PlanView> {
  const { id } = await services().participants.create(
    referralSchema.parse(referral({ referralDate: days(-30) })),
  );
  for (const [status, n] of [
    ['allocated', -29],
    ['contacted', -28],
    ['induction-booked', -27],
    ['started', -20],
  ] as const)
    await services().participants.setStatus({ id, status, date: days(n) });
  await ask('plan:startReview', { participantId: id });
  return getView(id);
}

async function getView(participantId: string): Promise<PlanView> {
  return ask('plan:get', { participantId });
}

const show = (ui: ReactNode) => render(<SessionProvider>{ui}</SessionProvider>);

async function typeDate(user: UserEvent, group: HTMLElement, [d, m, y]: string[]) {
  for (const [label, value] of [
    ['Day', d!],
    ['Month', m!],
    ['Year', y!],
  ] as const) {
    const box = within(group).getByLabelText(label);
    await user.clear(box);
    await user.type(box, value);
  }
}

const summaryItems = (summary: HTMLElement) =>
  within(summary)
    .getAllByRole('listitem')
    .map((li) => li.textContent);

/** Each field says its own problem, inside a group marked as in error. */
function expectBeside(field: HTMLElement, message: string) {
  const group = field.closest('.form-group') as HTMLElement;
  expect(group).toHaveClass('form-group--error');
  expect(within(group).getByText(message)).toHaveClass('error-message');
}

const DATE_WORDS = 'Enter a real date, for example 7 11 2026';
const DUE_WORDS = "Enter step 1's due date as a real date, for example 27 3 2027";
const savedDrafts = () =>
  probe()
    .to('plan:saveDraft')
    .map((input) => JSON.stringify(input));

describe('the plan editor', () => {
  it('keeps 31 November on screen with its error, never saves it, and will not agree until it is right', async () => {
    const view = await planView();
    const user = userEvent.setup();
    let agreed = 0;
    show(
      <PlanEditor
        view={view}
        draft={view.draft!}
        adviserName="Ada Adviser"
        onAgreed={() => (agreed += 1)}
        onReferralSaved={() => {}}
      />,
    );
    const tasks = screen.getByRole('navigation', { name: 'Sections' });
    await user.click(within(tasks).getByRole('button', { name: 'Job goals' }));
    await user.type(screen.getByLabelText('Short-term job goals'), 'Forklift licence');
    await user.click(within(tasks).getByRole('button', { name: 'Steps' }));
    await user.click(screen.getByRole('button', { name: 'Add a step' }));
    await user.type(screen.getByLabelText('What will be done'), 'Update my CV');
    // The valid draft so far is saved.
    await screen.findByText(/^Draft saved/, {}, { timeout: 5000 });
    const due = screen.getByRole('group', { name: 'Step 1 due date' });
    await typeDate(user, due, ['31', '11', '2026']);

    // Beside the field and in the summary at once, without taking focus from the typing.
    await waitFor(() => expectBeside(within(due).getByLabelText('Day'), DUE_WORDS));
    expect(within(due).getByLabelText('Day')).toHaveValue('31');
    expect(within(due).getByLabelText('Month')).toHaveValue('11');
    expect(summaryItems(screen.getByRole('alert'))).toEqual([DUE_WORDS]);
    expect(
      await screen.findByText(
        /Not all saved: the rest is saved; put right the problems shown to save them/,
      ),
    ).toBeInTheDocument();
    expect(savedDrafts().some((d) => d.includes('2026-11-31'))).toBe(false);
    expect((await getView(view.participantId)).draft!.content.steps[0]!.due).toBe('');

    // What is typed elsewhere while the date is wrong is still saved (and the date still is not),
    // so leaving the page now would lose only the impossible date.
    await user.type(screen.getByLabelText('What will be done'), ' and cover letter');
    await waitFor(
      async () =>
        expect((await getView(view.participantId)).draft!.content.steps[0]!.action).toBe(
          'Update my CV and cover letter',
        ),
      { timeout: 5000 },
    );
    expect((await getView(view.participantId)).draft!.content.steps[0]!.due).toBe('');
    expect(within(due).getByLabelText('Day')).toHaveValue('31');
    expect(savedDrafts().some((d) => d.includes('2026-11-31'))).toBe(false);

    // Agreeing with the date still wrong and no method chosen: all of it, focused, nothing sent.
    await user.click(within(tasks).getByRole('button', { name: 'Agreement' }));
    await user.click(screen.getByRole('button', { name: 'Agree PPEP' }));
    const summary = screen.getByRole('alert');
    await waitFor(() => expect(summary).toHaveFocus());
    expect(summaryItems(summary)).toEqual([
      DUE_WORDS,
      'Choose how the participant agreed',
      'Confirm the participant agreed this PPEP',
    ]);
    // The editor opens the section of the first problem.
    expect(screen.getByRole('heading', { level: 2, name: 'Steps' })).toBeInTheDocument();
    expect(probe().to('plan:agree')).toEqual([]);
    expect(agreed).toBe(0);

    // Put right, the error goes and the real date is saved.
    await typeDate(user, screen.getByRole('group', { name: 'Step 1 due date' }), [
      '1',
      '12',
      '2026',
    ]);
    await waitFor(() =>
      expect(
        screen.queryByText(DUE_WORDS, { selector: '.error-message *, .error-message' }),
      ).toBeNull(),
    );
    await screen.findByText(/^Draft saved/, {}, { timeout: 5000 });
    expect((await getView(view.participantId)).draft!.content.steps[0]!.due).toBe('2026-12-01');
    expect(savedDrafts().some((d) => d.includes('2026-11-31'))).toBe(false);
  });
});

describe('the plan panels', () => {
  it('a referral with no one to refer to and 31 November is refused beside each field', async () => {
    const view = await planView();
    const user = userEvent.setup();
    show(<ReferralsPanel view={view} onSaved={() => {}} />);
    const date = screen.getByRole('group', { name: 'Date referred' });
    await typeDate(user, date, ['31', '11', '2026']);
    probe().clear();
    await user.click(screen.getByRole('button', { name: 'Add referral' }));
    const summary = await screen.findByRole('alert');
    await waitFor(() => expect(summary).toHaveFocus());
    expect(summaryItems(summary)).toEqual(['Say who the referral is to', DATE_WORDS]);
    expectBeside(screen.getByLabelText('Referred to'), 'Say who the referral is to');
    expectBeside(within(date).getByLabelText('Day'), DATE_WORDS);
    expect(probe().formCalls()).toEqual([]);
    expect((await getView(view.participantId)).referrals).toEqual([]);
  });

  it('an occupational health decision with no choice and 31 November is refused beside each field', async () => {
    const view = await planView();
    const user = userEvent.setup();
    show(<HealthDecisionForm view={view} onSaved={() => {}} />);
    const noted = screen.getByRole('group', { name: 'When the need was noted' });
    await typeDate(user, noted, ['31', '11', '2026']);
    probe().clear();
    await user.click(screen.getByRole('button', { name: 'Record the decision' }));
    const summary = await screen.findByRole('alert');
    await waitFor(() => expect(summary).toHaveFocus());
    expect(summaryItems(summary)).toEqual(['Choose whether to refer', DATE_WORDS]);
    expectBeside(within(noted).getByLabelText('Day'), DATE_WORDS);
    expect(
      within(screen.getByRole('group', { name: 'Decision' })).getByText('Choose whether to refer'),
    ).toHaveClass('error-message');
    expect(probe().formCalls()).toEqual([]);
    expect((await getView(view.participantId)).healthDecisions).toEqual([]);
  });
});
