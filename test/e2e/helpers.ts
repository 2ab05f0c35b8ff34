/** Steps the end-to-end specs share: set up through the UI, and fill the intake form. */
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

export const E2E_PASSPHRASE = 'correct horse battery staple';
export const ADVISER = 'Ada Adviser';

export async function setUpThroughUi(page: Page): Promise<void> {
  await expect(
    page.getByRole('heading', { level: 1, name: /Protect your caseload/ }),
  ).toBeVisible();
  await page.getByLabel('Your name').fill(ADVISER);
  await page.getByLabel('Create a passphrase').fill(E2E_PASSPHRASE);
  await page.getByLabel('Confirm your passphrase').fill(E2E_PASSPHRASE);
  await page.getByRole('button', { name: 'Set up Waymark' }).click();
  // The recovery key is shown once, before the caseload opens.
  await page.getByRole('button', { name: 'I have written down my recovery key' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Caseload' })).toBeVisible();
}

/** Sets up over IPC (faster) when a test is not about set-up, then loads the app. */
export async function setUpDirectly(page: Page): Promise<void> {
  const result = await page.evaluate(
    ([name, passphrase]) =>
      window.waymark['session:setup']({
        adviserName: name!,
        passphrase: passphrase!,
        confirm: passphrase!,
      }),
    [ADVISER, E2E_PASSPHRASE],
  );
  expect(result.ok).toBe(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Caseload' })).toBeVisible();
}

export interface FormReferral {
  givenName: string;
  familyName: string;
  preferredName?: string;
  dob: [string, string, string];
  ni: string;
  line1: string;
  town: string;
  postcode: string;
  phone: string;
  referralId: string;
  referralDate: [string, string, string];
  office: string;
  largePrint?: boolean;
}

export const SAMPLE: FormReferral = {
  givenName: 'Siân',
  familyName: 'ap Gruffydd',
  preferredName: 'Sian',
  dob: ['12', '4', '1990'],
  ni: 'AB 12 34 56 C',
  line1: '12 Heol y Frenhines',
  town: 'Cardiff',
  postcode: 'cf10 2ge',
  phone: '029 2018 0000',
  referralId: 'JCP-E2E-0001',
  referralDate: ['2', '11', '2026'],
  office: 'Cardiff Charles Street',
  largePrint: true,
};

async function fillDate(page: Page, legend: string, [d, m, y]: [string, string, string]) {
  const group = page.getByRole('group', { name: legend });
  await group.getByLabel('Day').fill(d);
  await group.getByLabel('Month').fill(m);
  await group.getByLabel('Year').fill(y);
}

export async function fillReferralForm(page: Page, r: FormReferral): Promise<void> {
  await page.getByLabel('First name').fill(r.givenName);
  await page.getByLabel('Last name').fill(r.familyName);
  if (r.preferredName) await page.getByLabel('Preferred name (optional)').fill(r.preferredName);
  await fillDate(page, 'Date of birth', r.dob);
  await page.getByLabel('National Insurance number').fill(r.ni);
  await page.getByLabel('Address line 1').fill(r.line1);
  await page.getByLabel('Town or city').fill(r.town);
  await page.getByLabel('Postcode').fill(r.postcode);
  await page
    .getByRole('group', { name: /prefer to be contacted/ })
    .getByLabel('Phone')
    .check();
  await page.getByLabel(/^Phone number/).fill(r.phone);
  await page.getByLabel('Referral reference').fill(r.referralId);
  await fillDate(page, 'Referral date', r.referralDate);
  await page.getByLabel('Jobcentre office').fill(r.office);
  await page.getByLabel('Universal Credit').check();
  await page.getByRole('group', { name: 'Programme' }).getByLabel('Restart').check();
  await page.getByLabel('England and Wales').check();
  if (r.largePrint) await page.getByLabel('Large print').check();
}

/**
 * WCAG 1.4.10 at 200% zoom of a 640 px window (320 CSS px): nothing but a data table's own
 * scrolling region may be wider than the window.
 */
export async function expectReflow(page: Page): Promise<void> {
  const before = page.viewportSize()!;
  await page.setViewportSize({ width: 320, height: 640 });
  const overflow = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide: string[] = [];
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      // Data tables scroll in their own region; hidden text and the unfocused skip link are
      // deliberately off-screen.
      if (el.closest('.table-scroll, .table-scroller, table, .visually-hidden, .skip-link'))
        continue;
      const r = el.getBoundingClientRect();
      if (r.width > 0 && (r.right > width + 1 || r.left < -1))
        wide.push(`${el.tagName.toLowerCase()}.${el.className}`);
    }
    return { scroll: document.documentElement.scrollWidth, width, wide: wide.slice(0, 5) };
  });
  expect(overflow.wide).toEqual([]);
  expect(overflow.scroll).toBeLessThanOrEqual(overflow.width);
  await page.setViewportSize(before);
}
