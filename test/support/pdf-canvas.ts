/**
 * Page images of PDFs are drawn on @napi-rs/canvas, which pdf.js loads in Node. It is pdf.js'
 * optional dependency, so `npm install --omit=optional` (or a platform without a prebuilt
 * binary) leaves it out: this says so in one line instead of a module-not-found stack.
 */
import { createRequire } from 'node:module';

export const PDF_CANVAS_MISSING =
  "The PDF page-image tests need @napi-rs/canvas (pdf.js' optional dependency) and it did not load: run `npm install` again on this machine, without --omit=optional.";

export type CanvasCheck = { ok: true } | { ok: false; message: string };

/** `load` requires the package; injected so the message can be tested without uninstalling. */
export function checkPdfCanvas(load: () => unknown): CanvasCheck {
  try {
    const canvas = load() as { createCanvas?: unknown } | undefined;
    if (typeof canvas?.createCanvas === 'function') return { ok: true };
  } catch {
    // Not installed, or its native binary does not load here: the same advice either way.
  }
  return { ok: false, message: PDF_CANVAS_MISSING };
}

export const checkPdfCanvasHere = (): CanvasCheck =>
  checkPdfCanvas(() => createRequire(import.meta.url)('@napi-rs/canvas'));
