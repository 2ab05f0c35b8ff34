/**
 * Keyboard-only helpers for the e2e walks (keyboard-day, keyboard-more): every control reached with
 * Tab (which proves it is in the tab order and shows its focus), chosen with the keys a browser
 * gives it, and after every action a check of where focus landed. checkScreen is the per-screen
 * check: axe, no sideways scroll at 640 px (a 1280 window at 200% zoom), and reflow at 320 CSS px.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, expectNoAxeViolations } from './fixtures';
import { expectReflow } from './helpers';

/**
 * Where focus is, in words, and whether it shows: an outline that is not transparent, or a
 * box-shadow (the GOV.UK yellow and black). Runs in the page.
 */
export function focusState() {
  const el = document.activeElement;
  if (!el || el === document.body) return { where: '<body>', visible: false, style: '' };
  const named =
    el.getAttribute('aria-label') ??
    (el as HTMLInputElement).labels?.[0]?.textContent ??
    el.textContent ??
    '';
  const where = `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}> "${named.trim().replace(/\s+/g, ' ').slice(0, 60)}"`;
  const s = getComputedStyle(el);
  const transparent = (c: string) => c === 'transparent' || /rgba\(.*,\s*0\)$/.test(c);
  const outline =
    s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 && !transparent(s.outlineColor);
  return {
    where,
    visible: outline || s.boxShadow !== 'none',
    style: `outline ${s.outline}, box-shadow ${s.boxShadow}`,
  };
}

export async function expectVisibleFocus(page: Page): Promise<void> {
  const focus = await page.evaluate(focusState);
  expect(focus.visible, `no visible focus indicator on ${focus.where} (${focus.style})`).toBe(true);
}

/**
 * Presses Tab (or Shift+Tab) until the target has focus: proof that it is in the tab order. Fails
 * with the number of presses and where focus was. Every stop on the way must show its focus too.
 */
export async function tabTo(page: Page, target: Locator, { back = false, max = 40 } = {}) {
  await expect(target.first()).toBeVisible();
  const key = back ? 'Shift+Tab' : 'Tab';
  for (let presses = 0; ; presses++) {
    const here = await target.evaluateAll((els) => els.some((el) => el === document.activeElement));
    if (here) break;
    if (presses === max)
      throw new Error(
        `${target.toString()} not reached after ${presses} presses of ${key}; focus was on ${(await page.evaluate(focusState)).where}`,
      );
    await page.keyboard.press(key);
    const stop = await page.evaluate(focusState);
    // Leaving the document (past the last control) is the only stop allowed to show nothing.
    if (stop.where !== '<body>')
      expect(stop.visible, `no visible focus indicator on ${stop.where} (${stop.style})`).toBe(
        true,
      );
  }
  await expectVisibleFocus(page);
}

/** Tab to a text box and type into it. */
export async function typeInto(page: Page, target: Locator, text: string) {
  await tabTo(page, target);
  await page.keyboard.type(text);
}

/** Tab into a radio group, then arrow keys to the option (arrows check it, as in every browser). */
export async function chooseRadio(page: Page, group: Locator, option: string | RegExp) {
  await tabTo(page, group.getByRole('radio'));
  const wanted = group.getByRole('radio', { name: option });
  const count = await group.getByRole('radio').count();
  for (let i = 0; i <= count; i++) {
    if (await wanted.evaluate((el) => el === document.activeElement)) break;
    await page.keyboard.press('ArrowDown');
  }
  await expect(wanted).toBeFocused();
  if (!(await wanted.isChecked())) await page.keyboard.press('Space');
  await expect(wanted).toBeChecked();
}

/** Tab to a checkbox and tick it with Space. */
export async function tick(page: Page, box: Locator) {
  await tabTo(page, box);
  if (!(await box.isChecked())) await page.keyboard.press('Space');
  await expect(box).toBeChecked();
}

/** Tab to a select and move with the arrow keys to the option. */
export async function chooseOption(page: Page, select: Locator, label: string) {
  await tabTo(page, select);
  const count = await select.locator('option').count();
  for (let i = 0; i <= count; i++) {
    const shown = await select.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text);
    if (shown === label) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`${select.toString()}: no option "${label}" reached with the arrow keys`);
}

/** The three boxes of a GOV.UK date input, typed in order. */
export async function typeDate(page: Page, group: Locator, [d, m, y]: string[]) {
  await typeInto(page, group.getByLabel('Day'), d!);
  await typeInto(page, group.getByLabel('Month'), m!);
  await typeInto(page, group.getByLabel('Year'), y!);
}

/** Tabs to a link or button and presses Enter. */
export async function activate(page: Page, target: Locator, { back = false, max = 40 } = {}) {
  await tabTo(page, target, { back, max });
  await page.keyboard.press('Enter');
}

/**
 * After an action: focus is on the expected landing place, never the body. A heading that takes
 * focus shows no outline (GOV.UK: it is not a control), so { indicator: false } for headings.
 */
export async function expectFocusLanded(page: Page, where: Locator, { indicator = true } = {}) {
  await expect(where).toBeFocused();
  if (indicator) await expectVisibleFocus(page);
}

/** No horizontal page scroll at 640 px (200% zoom), axe, and reflow at 320 CSS px. */
export async function checkScreen(page: Page): Promise<void> {
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: document.documentElement.clientWidth,
  }));
  expect(scroll, 'the page scrolls sideways at 640 px').toBeLessThanOrEqual(width + 1);
  await expectNoAxeViolations(page);
  await expectReflow(page);
}

/** The page's level-1 heading. */
export const h1 = (page: Page, name: string | RegExp) =>
  page.getByRole('heading', { level: 1, name });
