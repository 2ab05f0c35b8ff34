import { describe, expect, it } from 'vitest';
import { checkPdfCanvas, checkPdfCanvasHere } from './pdf-canvas';

describe('the canvas PDF pages are drawn on', () => {
  it('is there after npm install', () => {
    expect(checkPdfCanvasHere()).toEqual({ ok: true });
  });

  it('when missing, or its binary does not load, says in one line how to get it', () => {
    const message =
      "The PDF page-image tests need @napi-rs/canvas (pdf.js' optional dependency) and it did not load: run `npm install` again on this machine, without --omit=optional.";
    const missing = checkPdfCanvas(() => {
      throw Object.assign(new Error("Cannot find module '@napi-rs/canvas'"), {
        code: 'MODULE_NOT_FOUND',
      });
    });
    expect(missing).toEqual({ ok: false, message });
    expect(checkPdfCanvas(() => ({}))).toEqual({ ok: false, message });
  });
});
