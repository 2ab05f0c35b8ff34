/**
 * More of the adviser's screens with the keyboard only, at 640 x 800 (a 1280-wide window at 200%
 * zoom), in the manner of keyboard-day.spec.ts: every control reached with Tab and used with the
 * keys a browser gives it (page.keyboard only: no clicks, no fill, no calls over IPC for the
 * actions under test), focus checked after every action, and each screen checked with axe, for
 * sideways scroll at 640 px and for reflow at 320 CSS px. What each walk starts from is made
 * through the harness's services, which is not under test here.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { setUpDirectly } from './helpers';
import { daysFromToday, startedParticipant } from './plan-setup';
import type { E2eServer } from '../support/e2e-server';
import { mondayOf } from '../../src-renderer/features/diary/week-model';
import { toDayNumber } from '../../src-shared/domain/calendar/civil-date';
import {
  activate,
  checkScreen,
  chooseOption,
  chooseRadio,
  expectFocusLanded,
  h1,
  tabTo,
  typeInto,
} from './keyboard';

test.use({ viewport: { width: 640, height: 800 } });

const NAME = 'Zofia Wiśniewska';

/** A started participant with appointments booked by phone on `day`, at each `HH:MM` for an hour. */
async function bookedOn(harness: E2eServer, day: string, times: string[]) {
  const id = await startedParticipant(harness);
  const services = harness.backend.session.require().services;
  for (const t of times) {
    const end = `${String(Number(t.slice(0, 2)) + 1).padStart(2, '0')}${t.slice(2)}`;
    await services.diary.book({
      participantId: id,
      start: `${day}T${t}`,
      end: `${day}T${end}`,
      kind: 'regular',
      channel: 'phone',
    });
  }
  return id;
}

/** Select what is in the focused box and type over it. */
async function retype(page: Page, text: string) {
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

const problem = (page: Page) => page.getByRole('alert').filter({ hasText: 'There is a problem' });

test('the week: move, cancel, print the day sheet and book again, with the keyboard only', async ({
  app,
  harness,
}) => {
  test.setTimeout(600_000);
  await setUpDirectly(app);
  const day = daysFromToday(1);
  await bookedOn(harness, day, ['10:00', '13:00']);
  await app.goto(`${harness.url}/#/week`);
  await expect(h1(app, 'Your week')).toBeVisible();
  await checkScreen(app);

  // Tomorrow may be in next week.
  const weeksAhead = (toDayNumber(mondayOf(day)) - toDayNumber(mondayOf(daysFromToday(0)))) / 7;
  const range = app.getByRole('heading', { level: 2 }).first();
  for (let i = 0; i < weeksAhead; i++) {
    await activate(app, app.getByRole('button', { name: 'Next week' }));
    await expectFocusLanded(app, range, { indicator: false });
  }
  const message = app.getByRole('status').filter({ hasText: NAME });
  const first = app.getByRole('listitem').filter({ hasText: '10:00 to 11:00' });
  const second = app.getByRole('listitem').filter({ hasText: '13:00 to 14:00' });

  await test.step('move: a wrong time, then a right one', async () => {
    const move = first.getByRole('button', { name: `Move ${NAME}’s appointment` });
    await activate(app, move);
    // A disclosure: focus stays on the button, which says it is open, and Tab goes into the form.
    await expect(move).toHaveAttribute('aria-expanded', 'true');
    await expectFocusLanded(app, move);
    const form = app.getByRole('form', { name: /^Move/ });
    await tabTo(app, form.getByLabel('New start time'));
    await retype(app, '25:00');
    await checkScreen(app);
    await activate(app, form.getByRole('button', { name: 'Move appointment' }));
    await expectFocusLanded(app, problem(app));
    await activate(app, problem(app).getByRole('link', { name: /hours and minutes/ }));
    await expectFocusLanded(app, form.getByLabel('New start time'));
    await retype(app, '15:30');
    await activate(app, form.getByRole('button', { name: 'Move appointment' }));
    await expectFocusLanded(app, message.filter({ hasText: 'moved to' }));
    await expect(app.getByRole('listitem').filter({ hasText: '15:30 to 16:30' })).toBeVisible();
    await checkScreen(app);
  });

  await test.step('cancel opened and closed again: focus goes back to its button', async () => {
    const cancel = second.getByRole('button', { name: `Cancel ${NAME}’s appointment` });
    await activate(app, cancel, { back: true });
    await expect(cancel).toHaveAttribute('aria-expanded', 'true');
    await activate(
      app,
      app.getByRole('form', { name: /^Cancel/ }).getByRole('button', { name: 'Keep it' }),
    );
    await expectFocusLanded(app, cancel);
    await expect(cancel).toHaveAttribute('aria-expanded', 'false');
  });

  await test.step('cancel: who cancelled is asked, then it is cancelled', async () => {
    const cancel = second.getByRole('button', { name: `Cancel ${NAME}’s appointment` });
    await app.keyboard.press('Enter');
    const form = app.getByRole('form', { name: /^Cancel/ });
    await activate(app, form.getByRole('button', { name: 'Cancel appointment' }));
    await expectFocusLanded(app, problem(app));
    await activate(app, problem(app).getByRole('link', { name: 'Say who cancelled' }));
    await expectFocusLanded(app, form.getByRole('radio').first());
    await chooseRadio(app, form.getByRole('group', { name: 'Who cancelled?' }), 'We did');
    await checkScreen(app);
    await activate(app, form.getByRole('button', { name: 'Cancel appointment' }));
    await expectFocusLanded(app, message.filter({ hasText: 'is cancelled' }));
    await expect(second).toContainText('Cancelled by us');
    await expect(cancel).toHaveCount(0);
    await checkScreen(app);
  });

  await test.step('the day sheet printed', async () => {
    const sheet = app
      .getByRole('button', { name: /^Print day sheet/ })
      .nth(toDayNumber(day) - toDayNumber(mondayOf(day)));
    await activate(app, sheet, { max: 60 });
    await expectFocusLanded(app, app.getByRole('status').filter({ hasText: 'The day sheet for' }));
    expect(harness.desktop.calls).toHaveLength(1);
  });

  await test.step('another time booked from the cancelled one', async () => {
    await activate(app, second.getByRole('link', { name: /^Book another time/ }), {
      back: true,
      max: 60,
    });
    await expectFocusLanded(app, h1(app, 'Book appointment'), { indicator: false });
    await checkScreen(app);
  });
});
