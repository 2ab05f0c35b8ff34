import { test, expect, expectNoAxeViolations } from './fixtures';
import { setUpDirectly } from './helpers';

test('books an induction through the slot finder, keyboard only, with no axe violations', async ({
  app,
}) => {
  await setUpDirectly(app);
  const ids = await app.evaluate(async () => {
    const weekdays = Object.fromEntries(
      ['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [['09:00', '17:00']]]),
    );
    const office = await window.waymark['diary:saveOffice']({
      office: {
        name: 'Sheffield Arundel Gate',
        nation: 'england-and-wales',
        address: { line1: '1 Arundel Gate', town: 'Sheffield', postcode: 'S1 2PN' },
        phone: '0114 496 0000',
        email: 'sheffield@waymark.example',
        stepFree: true,
        openingHours: weekdays,
      },
    });
    if (!office.ok) throw new Error(office.error.message);
    await window.waymark['diary:saveRoom']({
      officeId: office.value.id,
      name: 'Room 2',
      capacity: 4,
      stepFree: true,
      equipment: ['hearing-loop'],
    });
    const p = await window.waymark['participant:create']({
      givenName: 'Grace',
      familyName: 'Okafor',
      dateOfBirth: '1990-04-12',
      niNumber: 'AB 12 34 56 C',
      address: { line1: '12 Canal Street', town: 'Sheffield', postcode: 'S1 2AB' },
      phone: '0114 496 0982',
      referralId: 'JCP-0001',
      referralDate: '2026-01-05',
      jobcentreOffice: 'Sheffield Eastern Avenue',
      benefit: 'universal-credit',
      programme: 'work-programme',
      charterProfile: 'work-programme',
      nation: 'england-and-wales',
      contactChannel: 'phone',
    });
    if (!p.ok) throw new Error(p.error.message);
    return { participant: p.value.id };
  });

  await app.goto(`${app.url().split('#')[0]}#/participants/${ids.participant}`);
  const link = app.getByRole('link', { name: 'Book appointment' });
  await link.focus();
  await app.keyboard.press('Enter');
  await expect(app.getByRole('heading', { level: 1, name: 'Book appointment' })).toBeVisible();
  await expect(app.getByLabel('Kind of appointment')).toHaveValue('induction');

  await app.getByRole('button', { name: 'Find times' }).focus();
  await app.keyboard.press('Enter');
  const choices = app.getByRole('group', { name: 'Choose a time' }).getByRole('radio');
  await expect(choices).toHaveCount(5);
  // Nothing is pre-selected: the adviser picks the time, here the earliest, by keyboard.
  await expect(choices.first()).not.toBeChecked();
  await choices.first().focus();
  await app.keyboard.press('Space');
  await expect(choices.first()).toBeChecked();
  const label = await app.locator('label[for="slot-choice"]').innerText();
  expect(label).toContain('Sheffield Arundel Gate, Room 2');
  await expectNoAxeViolations(app);

  await app.getByRole('button', { name: 'Book this time' }).focus();
  await app.keyboard.press('Enter');
  await expect(app.getByRole('status').filter({ hasText: 'Booked: Induction' })).toBeVisible();
  const booked = await app.evaluate(
    (id) => window.waymark['diary:appointments']({ participantId: id }),
    ids.participant,
  );
  expect(booked.ok && booked.value.map((a) => [a.kind, a.room])).toEqual([['induction', 'Room 2']]);
  expect(label).toContain(booked.ok ? booked.value[0]!.start.slice(11, 16) : 'no appointment');
  await expectNoAxeViolations(app);
});
