/**
 * `tsx test/support/preflight.ts <stage>...`: checks that what a test stage needs from the
 * machine is there before the stage starts, so a missing browser or PostgreSQL is one clear line
 * saying how to get it (exit code 1) instead of a stack trace deep in a test run.
 *   pdf       the canvas pdf.js draws PDF pages on (test/support/pdf-canvas.ts)
 *   e2e       a Chromium or Chrome for Playwright (test/support/find-browser.ts)
 *   postgres  PostgreSQL's server programs (test/support/find-postgres.ts)
 */
import { findBrowserHere } from './find-browser';
import { findPostgresHere } from './find-postgres';
import { checkPdfCanvasHere } from './pdf-canvas';

const CHECKS: Record<string, () => { ok: true; line: string } | { ok: false; line: string }> = {
  pdf: () => {
    const canvas = checkPdfCanvasHere();
    return canvas.ok ? { ok: true, line: '' } : { ok: false, line: canvas.message };
  },
  e2e: () => {
    const browser = findBrowserHere();
    return browser.found
      ? { ok: true, line: `End-to-end browser: ${browser.path} (from ${browser.from}).` }
      : { ok: false, line: browser.message };
  },
  postgres: () => {
    const pg = findPostgresHere();
    return pg.found
      ? { ok: true, line: `PostgreSQL: ${pg.binDir} (from ${pg.from}).` }
      : { ok: false, line: pg.message };
  },
};

const stages = process.argv.slice(2);
const unknown = stages.filter((s) => !(s in CHECKS));
if (stages.length === 0 || unknown.length > 0) {
  console.error(`Usage: preflight.ts <${Object.keys(CHECKS).join('|')}>...`);
  process.exit(2);
}
let missing = false;
for (const stage of stages) {
  const result = CHECKS[stage]!();
  if (result.ok) {
    if (result.line !== '') console.log(result.line);
  } else {
    console.error(result.line);
    missing = true;
  }
}
process.exit(missing ? 1 : 0);
