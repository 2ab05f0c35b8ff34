/**
 * P9: the caseload in Chromium through the loopback harness (the real renderer bundle in out/,
 * the real router over a real encrypted caseload), 5,000 participants:
 * - unlock to the first caseload row drawn (the harness's scrypt cost is the test one; P1
 *   measures the real key derivation), with the main process's step timers in the note;
 * - a search keystroke to the updated rows drawn (debounce included);
 * - frame times while scrolling the table a screenful a frame.
 * Needs `npm run -s build` first and a Chromium (test/support/find-browser.ts).
 */
import { existsSync } from 'node:fs';
import { chromium, type Page } from 'playwright';
import type { Benchmark, BenchResult } from './harness';
import { percentile } from './harness';
import { findBrowserHere } from '../support/find-browser';
import { initScript, startE2eServer } from '../support/e2e-server';
import { tempDir } from '../support/temp-caseload';
import { seedReferrals } from '../support/bulk-referrals';
import { E2E_PASSPHRASE, ADVISER } from '../e2e/helpers';

// WAYMARK_P9_N only to try the benchmark out on a smaller caseload; the floor is for 5,000.
const N = Number(process.env.WAYMARK_P9_N ?? 5_000);
const round = (x: number) => Math.round(x * 100) / 100;
const stats = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return { medianMs: round(percentile(sorted, 50)), p95Ms: round(percentile(sorted, 95)) };
};

/** Clicks Unlock and times, in the page, until the first row's link is in the DOM. */
async function unlockToFirstRow(page: Page): Promise<number> {
  await page.getByLabel('Passphrase').fill(E2E_PASSPHRASE);
  return page.evaluate(
    () =>
      new Promise<number>((done) => {
        const button = [...document.querySelectorAll('button')].find(
          (b) => b.textContent === 'Unlock',
        )!;
        const t0 = performance.now();
        const check = () => {
          if (document.querySelector('tbody tr[aria-rowindex="2"] a')) done(performance.now() - t0);
          else requestAnimationFrame(check);
        };
        button.click();
        requestAnimationFrame(check);
      }),
  );
}

/** Types one more character into the search box and times until the first row changes. */
async function keystrokeToRows(page: Page, text: string): Promise<number> {
  return page.evaluate(
    (value) =>
      new Promise<number>((done) => {
        const input = document.getElementById('caseload-search') as HTMLInputElement;
        const firstRow = () =>
          document.querySelector('tbody tr[aria-rowindex="2"]')?.textContent ?? '';
        const count = () => document.querySelector('.result-count')?.textContent ?? '';
        const before = `${firstRow()}|${count()}`;
        const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
        const t0 = performance.now();
        setter.call(input, value);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        const check = () => {
          if (`${firstRow()}|${count()}` !== before) done(performance.now() - t0);
          else if (performance.now() - t0 > 5000) done(NaN);
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
    text,
  );
}

async function scrollFrames(page: Page): Promise<number[]> {
  return page.evaluate(
    () =>
      new Promise<number[]>((done) => {
        const el = document.getElementById('caseload-results')!;
        const times: number[] = [];
        let last = performance.now();
        el.scrollTop = 0;
        const step = () => {
          const now = performance.now();
          times.push(now - last);
          last = now;
          el.scrollTop += el.clientHeight;
          if (times.length < 150) requestAnimationFrame(step);
          else done(times.slice(1));
        };
        requestAnimationFrame(step);
      }),
  );
}

async function measure(): Promise<BenchResult[]> {
  const browserPath = findBrowserHere();
  if (!browserPath.found) throw new Error(browserPath.message);
  if (!existsSync('out/renderer/index.html'))
    throw new Error('P9 needs the built renderer: run `npm run -s build` first');
  const { dir, cleanup } = tempDir('waymark p9 ');
  const server = await startE2eServer(dir);
  const browser = await chromium.launch({
    executablePath: browserPath.path,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    // tsx keeps function names with a __name helper that functions sent to the page call.
    await page.addInitScript('globalThis.__name = (f) => f;');
    await page.addInitScript(initScript);
    await page.goto(server.url);
    const setup = await page.evaluate(
      ([name, passphrase]) =>
        window.waymark['session:setup']({
          adviserName: name!,
          passphrase: passphrase!,
          confirm: passphrase!,
        }),
      [ADVISER, E2E_PASSPHRASE],
    );
    if (!setup.ok) throw new Error('setup failed');
    await seedReferrals(server.backend.session.require().services, N, '2026-11-20');

    const unlock: number[] = [];
    // The main process's own step timers for each unlock (key, open, services, audit,
    // after-open, caseload-warm), so a slow unlock shows which step to look at.
    const steps: Record<string, number[]> = {};
    for (let i = 0; i < 8; i++) {
      await page.evaluate(() => window.waymark['session:lock']({}));
      await page.reload();
      await page.getByLabel('Passphrase').waitFor();
      unlock.push(await unlockToFirstRow(page));
      for (const [name, ms] of Object.entries(server.backend.session.lastUnlockSteps))
        (steps[name] ??= []).push(ms);
    }
    const stepNote = Object.entries(steps)
      .map(([name, ms]) => `${name} ${stats(ms).medianMs}`)
      .join(', ');
    process.stderr.write(`P9 unlock steps, main process medians (ms): ${stepNote}\n`);

    const search: number[] = [];
    const words = ['s', 'sh', 'sha', 'shar', 'a', 'al', 'ali', 'k', 'kh', 'kha', 'm', 'mo', 'moh'];
    await keystrokeToRows(page, ''); // settle
    for (let round = 0; round < 3; round++)
      for (const w of words) {
        const ms = await keystrokeToRows(page, w);
        if (!Number.isNaN(ms)) search.push(ms);
      }
    await page.evaluate(() => {
      const input = document.getElementById('caseload-search') as HTMLInputElement;
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, '');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.waitForFunction(() =>
      document.querySelector('.result-count')?.textContent?.includes('on your caseload'),
    );
    await scrollFrames(page); // warm: pages of rows load
    const frames = await scrollFrames(page);

    const note = 'Chromium via the loopback harness; shared 2-core machine';
    return [
      {
        id: 'P9',
        name: `unlock to first caseload row, ${N} participants`,
        n: unlock.length,
        ...stats(unlock),
        floorMs: 400,
        note: `${note}; main-process step medians (ms): ${stepNote}`,
      },
      {
        id: 'P9',
        name: `search keystroke to updated rows, ${N} participants`,
        n: search.length,
        ...stats(search),
        floorMs: 50,
        note,
      },
      {
        id: 'P9',
        name: `scrolling frame time, ${N} participants`,
        n: frames.length,
        ...stats(frames),
        floorMs: 20,
        note,
      },
    ];
  } finally {
    await browser.close();
    await server.close();
    cleanup();
  }
}

let cached: Promise<BenchResult[]> | null = null;
const once = () => (cached ??= measure());

export const browserCaseloadBenchmarks: Benchmark[] = [0, 1, 2].map((i) => ({
  id: 'P9',
  name: ['unlock to first row', 'search keystroke to rows', 'scrolling frames'][i]!,
  measure: async () => (await once())[i]!,
}));
