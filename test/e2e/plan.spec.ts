import { test, expect, expectNoAxeViolations } from './fixtures';
import { setUpDirectly } from './helpers';
import { daysFromToday, startedParticipant } from './plan-setup';

test('write a PPEP in the guided editor, survive a reload mid-edit, agree it and review it', async ({
  app,
  harness,
}) => {
  await setUpDirectly(app);
  const id = await startedParticipant(harness);
  await app.goto(`${harness.url}/#/participants/${id}`);
  await app.getByRole('link', { name: /^Plan/ }).click();
  await expect(app.getByRole('heading', { level: 1, name: /PPEP/ })).toBeVisible();
  await app.getByRole('button', { name: 'Write the PPEP' }).click();

  const tasks = app.getByRole('navigation', { name: 'Sections' });
  await expect(tasks).toContainText('0 of 5 sections completed');
  await app
    .getByLabel('About me', { exact: true })
    .fill('Ten years in a warehouse; likes being busy.');
  await app.getByLabel('Strengths', { exact: true }).fill('Reliable\nGood with people');
  await expect(app.getByRole('status').filter({ hasText: 'Draft saved' })).toBeVisible();
  await expectNoAxeViolations(app);

  // A reload (or a crash) mid-edit loses nothing: the draft comes back as typed.
  await app.reload();
  await expect(app.getByLabel('About me', { exact: true })).toHaveValue(
    'Ten years in a warehouse; likes being busy.',
  );
  await expect(app.getByLabel('Strengths', { exact: true })).toHaveValue(
    'Reliable\nGood with people',
  );
  await expect(tasks).toContainText('1 of 5 sections completed');

  // Keyboard only from here: Continue moves through the sections.
  await app.getByRole('button', { name: 'Continue' }).focus();
  await app.keyboard.press('Enter');
  await expect(app.getByRole('heading', { level: 2, name: 'Job goals' })).toBeFocused();
  await app.getByLabel('Short-term job goals').fill('Forklift licence');
  await app.getByLabel('Long-term job goals').fill('Warehouse supervisor');
  await app.getByRole('button', { name: 'Continue' }).click();
  await app.getByRole('button', { name: 'Add a barrier' }).click();
  await app.getByLabel('What makes it harder').fill('Back pain when lifting');
  await app.getByLabel('Support agreed').fill('Occupational health assessment');
  await app.getByLabel(/health-related need/).check();
  await expect(
    app.getByRole('heading', { name: 'Occupational health referral decision' }),
  ).toBeVisible();
  await expectNoAxeViolations(app);
  await tasks.getByRole('button', { name: 'Steps' }).click();
  await app.getByRole('button', { name: 'Add a step' }).click();
  await app.getByLabel('What will be done').fill('Update my CV');
  const due = app.getByRole('group', { name: 'Step 1 due date' });
  const [y, m, d] = daysFromToday(14).split('-');
  await due.getByLabel('Day').fill(d!);
  await due.getByLabel('Month').fill(m!);
  await due.getByLabel('Year').fill(y!);
  await app.getByLabel(/Mandatory/).check();
  await expect(app.getByRole('status').filter({ hasText: 'Draft saved' })).toBeVisible();

  await tasks.getByRole('button', { name: 'Agreement' }).click();
  // Agreeing without saying how shows the error summary, focused.
  await app.getByRole('button', { name: 'Agree PPEP' }).click();
  const summary = app.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Choose how the participant agreed');
  await app.getByLabel('In person at a meeting').check();
  await app.getByLabel(/wrote this PPEP together/).check();
  await expectNoAxeViolations(app);
  await app.getByRole('button', { name: 'Agree PPEP' }).click();
  await expect(app.getByRole('alert').filter({ hasText: 'PPEP version 1 agreed' })).toBeVisible();
  await expect(app.getByText(/Next review due by/)).toBeVisible();
  await expect(app.getByRole('heading', { name: /PPEP version 1, agreed/ })).toBeVisible();
  await expect(app.getByText('Update my CV (participant')).toBeVisible();
  await expectNoAxeViolations(app);

  // A review makes version 2 and shows what changed since version 1.
  await app.getByRole('button', { name: 'Start a review of the PPEP' }).click();
  await tasks.getByRole('button', { name: 'Steps' }).click();
  await app.getByLabel('Status', { exact: true }).selectOption('done');
  await tasks.getByRole('button', { name: 'Agreement' }).click();
  await app.getByLabel('By phone').check();
  await app.getByLabel(/wrote this PPEP together/).check();
  await app.getByRole('button', { name: 'Agree PPEP' }).click();
  await expect(app.getByRole('alert').filter({ hasText: 'PPEP version 2 agreed' })).toBeVisible();
  await app.getByRole('button', { name: 'Show version 2' }).click();
  const diff = app.locator('.plan-diff');
  await expect(diff).toContainText('What changed since version 1');
  await expect(diff).toContainText(
    'Steps: "Update my CV" changed: status from not started to done',
  );
  await expectNoAxeViolations(app);
});

test('no IPC channel can edit an agreed plan version', async ({ app, harness }) => {
  await setUpDirectly(app);
  const participantId = await startedParticipant(harness);
  const plans = harness.backend.session.require().services.plans;
  await plans.saveDraft(
    participantId,
    {
      aboutMe: 'Original words',
      strengths: [],
      goals: { shortTerm: ['Forklift licence'], longTerm: [] },
      barriers: [],
      skills: [],
      qualifications: [],
      training: [],
      steps: [
        {
          id: 's1',
          action: 'Update CV',
          owner: 'participant',
          due: daysFromToday(7),
          status: 'not-started',
          mandatory: false,
        },
      ],
    },
    null,
  );
  const v1 = await plans.agree(participantId, 1, {
    agreedOn: daysFromToday(0),
    method: 'in-person',
    participantAgreed: true,
  });
  // From the page, as the renderer would: every channel, every way of naming the version.
  const after = await app.evaluate(
    async ({ participantId, versionId }) => {
      const edited = {
        aboutMe: 'Rewritten',
        strengths: [],
        goals: { shortTerm: ['x'], longTerm: [] },
        barriers: [],
        skills: [],
        qualifications: [],
        training: [],
        steps: [],
      };
      const inputs = [
        { versionId, content: edited },
        { participantId, versionId, expectedRevision: null, content: edited },
        { participantId, expectedRevision: null, content: edited },
        { participantId, expectedRevision: 1 },
        {
          participantId,
          expectedRevision: 1,
          agreement: { agreedOn: '2020-01-01', method: 'phone', participantAgreed: true },
        },
      ];
      const api = window.waymark as unknown as Record<string, (i: unknown) => Promise<unknown>>;
      for (const channel of Object.keys(api).filter((c) => c.startsWith('plan:')))
        for (const input of inputs) await api[channel]!(input);
      return window.waymark['plan:version']({ versionId });
    },
    { participantId, versionId: v1.id },
  );
  expect(after).toMatchObject({
    ok: true,
    value: { number: 1, content: { aboutMe: 'Original words' } },
  });
});
