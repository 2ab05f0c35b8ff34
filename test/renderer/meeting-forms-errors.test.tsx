/**
 * The meeting, follow-up, life-event, travel-claim and status forms over the real router and a
 * real encrypted caseload: an impossible date or a missing answer is an error beside its field
 * and in the focused error summary, and nothing reaches the main process.
 */
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { SessionProvider } from '../../src-renderer/app/session';
import { StatusForm } from '../../src-renderer/features/participant/status-form';
import { LifeEvents } from '../../src-renderer/features/meetings/life-event-form';
import { TravelClaims } from '../../src-renderer/features/meetings/travel-claims';
import { ContactForm, FollowUp } from '../../src-renderer/features/meetings/follow-up';
import { LogMeetingForm } from '../../src-renderer/features/meetings/log-meeting-form';
import { referralSchema } from '../../src-shared/schemas/participant';
import { referral } from '../support/referrals';
import { formTestBackend } from './form-test-backend';

const TODAY = '2026-11-16';
const { services, probe, sent, ask, days } = formTestBackend(TODAY);

async function startedParticipant(): Promise<string> {
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
  return id;
}

async function meetingFor(participantId: string) {
  await services().diary.book({
    participantId,
    start: `${TODAY}T09:00`,
    end: `${TODAY}T10:00`,
    kind: 'regular',
    channel: 'phone',
  });
  const overview = await ask('meetings:overview', { participantId });
  return overview.meetings[0]!;
}

function show(ui: ReactNode) {
  return render(<SessionProvider>{ui}</SessionProvider>);
}

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

/** The summary is focused and names each problem; each field says its own, and is marked. */
async function expectProblems(problems: { message: string; field: HTMLElement }[]) {
  const summary = await screen.findByRole('alert');
  await waitFor(() => expect(summary).toHaveFocus());
  expect(within(summary).getByText('There is a problem')).toBeInTheDocument();
  const items = within(summary)
    .getAllByRole('listitem')
    .map((li) => li.textContent);
  expect(items).toEqual(problems.map((p) => p.message));
  for (const { message, field } of problems) {
    const group = field.closest('.form-group')!;
    expect(group).toHaveClass('form-group--error');
    expect(within(group as HTMLElement).getByText(message)).toHaveClass('error-message');
  }
}

const DATE_WORDS = 'Enter a real date, for example 7 11 2026';

describe('forms that find a problem say so beside the field and in the summary, and send nothing', () => {
  it('status: no new status chosen and 31 November', async () => {
    const id = await startedParticipant();
    const participant = await services().participants.get(id);
    const user = userEvent.setup();
    let changed = 0;
    show(<StatusForm participant={participant} onChanged={() => (changed += 1)} />);
    const date = screen.getByRole('group', { name: /Date of the change/ });
    await typeDate(user, date, ['31', '11', '2026']);
    probe().clear();
    await user.click(screen.getByRole('button', { name: 'Change status' }));
    await expectProblems([
      { message: 'Choose the new status', field: screen.getAllByRole('radio')[0]! },
      { message: DATE_WORDS, field: within(date).getByLabelText('Day') },
    ]);
    expect(within(date).getByLabelText('Day')).toHaveAttribute('aria-invalid', 'true');
    expect(sent()).toEqual([]);
    expect(changed).toBe(0);
    expect((await services().participants.get(id)).status).toBe('started');

    // Put right, the change goes through with the date as typed.
    await user.click(screen.getByLabelText('In work'));
    await typeDate(user, date, ['10', '11', '2026']);
    await user.click(screen.getByRole('button', { name: 'Change status' }));
    await waitFor(() => expect(changed).toBe(1));
    expect(sent()).toEqual(['participant:setStatus']);
    expect((await services().participants.get(id)).status).toBe('in-work');
  });

  it('life event: a job start with no employer and 31 November', async () => {
    const id = await startedParticipant();
    const user = userEvent.setup();
    show(<LifeEvents participantId={id} events={[]} onSaved={() => {}} />);
    const date = screen.getByRole('group', { name: /Date/ });
    await typeDate(user, date, ['31', '11', '2026']);
    await user.type(screen.getByLabelText('Hours a week'), 'thirty');
    await user.type(screen.getByLabelText('Hourly wage (£)'), '12.71');
    probe().clear();
    await user.click(screen.getByRole('button', { name: 'Record life event' }));
    await expectProblems([
      { message: DATE_WORDS, field: within(date).getByLabelText('Day') },
      { message: 'Enter the employer', field: screen.getByLabelText('Employer') },
      {
        message: 'Enter hours a week as a number, like 16',
        field: screen.getByLabelText('Hours a week'),
      },
    ]);
    expect(screen.getByLabelText('Employer')).toHaveAttribute('aria-invalid', 'true');
    expect(sent()).toEqual([]);
    expect((await ask('meetings:overview', { participantId: id })).lifeEvents).toEqual([]);
  });

  it('travel claim: no amount, then an amount that is not money', async () => {
    const id = await startedParticipant();
    const meeting = await meetingFor(id);
    const user = userEvent.setup();
    show(<TravelClaims appointmentId={meeting.appointment.id} claims={[]} onSaved={() => {}} />);
    probe().clear();
    await user.click(screen.getByRole('button', { name: 'Add claim' }));
    await expectProblems([
      { message: 'Enter the amount', field: screen.getByLabelText('Amount (£)') },
    ]);
    await user.type(screen.getByLabelText('Amount (£)'), 'four pounds');
    await user.click(screen.getByRole('button', { name: 'Add claim' }));
    await expectProblems([
      {
        message: 'Enter the amount in pounds, like 4.80',
        field: screen.getByLabelText('Amount (£)'),
      },
    ]);
    expect(sent()).toEqual([]);
  });

  it('contact: 31 November, and an induction time offered without its date', async () => {
    const id = await startedParticipant();
    const user = userEvent.setup();
    show(
      <ContactForm
        participantId={id}
        appointmentId={null}
        kinds={['initial', 'general']}
        label="Log another contact"
        onSaved={() => {}}
      />,
    );
    const date = screen.getByRole('group', { name: 'Date of contact' });
    await typeDate(user, date, ['31', '11', '2026']);
    await user.type(screen.getByLabelText('Induction time offered (optional)'), '10:30');
    probe().clear();
    await user.click(screen.getByRole('button', { name: 'Log contact' }));
    const offered = screen.getByRole('group', { name: /Induction date offered/ });
    await expectProblems([
      { message: DATE_WORDS, field: within(date).getByLabelText('Day') },
      {
        message:
          'Enter the induction time offered as a real date and a time like 10:30, or leave both empty',
        field: within(offered).getByLabelText('Day'),
      },
    ]);
    expect(sent()).toEqual([]);
  });

  it('decision after a missed meeting: good reason not answered and 31 November', async () => {
    const id = await startedParticipant();
    const booked = await meetingFor(id);
    await ask('meetings:log', {
      appointmentId: booked.appointment.id,
      expectedVersion: booked.appointment.version,
      outcome: 'dna',
      priorNotice: false,
      channel: 'phone',
    });
    const meeting = (await ask('meetings:overview', { participantId: id })).meetings[0]!;
    const user = userEvent.setup();
    show(<FollowUp meeting={meeting} participantId={id} onSaved={() => {}} />);
    const decision = screen.getByRole('form', { name: 'Your decision' });
    const date = within(decision).getByRole('group', { name: 'Date of the decision' });
    await typeDate(user, date, ['31', '11', '2026']);
    probe().clear();
    await user.click(within(decision).getByRole('button', { name: 'Record decision' }));
    await expectProblems([
      {
        message: 'Say whether there was good reason',
        field: within(decision).getByLabelText('Yes'),
      },
      { message: DATE_WORDS, field: within(date).getByLabelText('Day') },
    ]);
    expect(sent()).toEqual([]);
  });

  it('logging a meeting: no outcome chosen, and the next appointment on 31 November', async () => {
    const id = await startedParticipant();
    const meeting = await meetingFor(id);
    const user = userEvent.setup();
    let logged = 0;
    show(
      <LogMeetingForm
        appointment={meeting.appointment}
        steps={[]}
        onLogged={() => (logged += 1)}
      />,
    );
    await user.click(screen.getByText('Book the next appointment (optional)'));
    const next = screen.getByRole('group', { name: 'Next appointment date' });
    await typeDate(user, next, ['31', '11', '2026']);
    await user.type(screen.getByLabelText('Start time'), '10:00');
    probe().clear();
    await user.click(screen.getByRole('button', { name: 'Log outcome' }));
    await expectProblems([
      { message: 'Choose what happened', field: screen.getByLabelText('Attended') },
      { message: DATE_WORDS, field: within(next).getByLabelText('Day') },
    ]);
    expect(sent()).toEqual([]);
    expect(logged).toBe(0);

    // A missed meeting asks whether they told us; a time with no date is not dropped.
    await user.click(screen.getByLabelText('Did not attend'));
    for (const box of within(next).getAllByRole('textbox')) await user.clear(box);
    await user.click(screen.getByRole('button', { name: 'Log outcome' }));
    await expectProblems([
      {
        message: 'Say whether the participant told you beforehand',
        field: within(
          screen.getByRole('group', { name: 'Did they tell you beforehand?' }),
        ).getByLabelText('Yes'),
      },
      {
        message: 'Enter the date of the next appointment, or leave the time empty',
        field: within(next).getByLabelText('Day'),
      },
    ]);
    expect(sent()).toEqual([]);
  });
});
