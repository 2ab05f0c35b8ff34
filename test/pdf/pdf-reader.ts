/**
 * Reads real PDFs back in-process with pdf.js (pdfjs-dist, the engine of Firefox's viewer): text
 * in reading order, fonts, word boxes and page images. Nothing here needs a tool from the OS, so
 * the PDF tests run wherever `npm install` ran. Page images are drawn on @napi-rs/canvas, the
 * canvas pdf.js itself loads in Node (its optional dependency, with prebuilt binaries per OS).
 */
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { checkPdfCanvasHere } from '../support/pdf-canvas';

/**
 * No standard-font data is offered, on purpose: a font the PDF does not embed must stay "missing"
 * (pdf.js would otherwise substitute its own copy and the embedded-font check could not fail).
 */
async function withDocument<T>(
  bytes: Uint8Array,
  work: (doc: PDFDocumentProxy) => Promise<T>,
): Promise<T> {
  // pdf.js transfers (detaches) the buffer it is given: hand it a copy, never the caller's bytes.
  const task = getDocument({
    data: new Uint8Array(bytes),
    fontExtraProperties: true,
    verbosity: 0,
  });
  try {
    return await work(await task.promise);
  } finally {
    await task.destroy();
  }
}

async function eachPage<T>(
  doc: PDFDocumentProxy,
  work: (page: PDFPageProxy, number: number) => Promise<T>,
): Promise<T[]> {
  const out: T[] = [];
  for (let n = 1; n <= doc.numPages; n++) out.push(await work(await doc.getPage(n), n));
  return out;
}

export const pageCount = (bytes: Uint8Array): Promise<number> =>
  withDocument(bytes, async (doc) => doc.numPages);

/** A run of text as drawn: its string, baseline start, advance width and font size, in points. */
interface Run {
  text: string;
  x: number;
  baseline: number;
  width: number;
  size: number;
  font: string;
  endsLine: boolean;
}

async function runsOf(page: PDFPageProxy): Promise<{ runs: Run[]; styles: FontStyles }> {
  const content = await page.getTextContent();
  const runs: Run[] = [];
  for (const item of content.items) {
    if (!('str' in item)) continue;
    const t = (item as TextItem).transform as number[];
    runs.push({
      text: item.str,
      x: t[4]!,
      baseline: t[5]!,
      width: item.width,
      size: Math.hypot(t[2]!, t[3]!),
      font: item.fontName,
      endsLine: item.hasEOL,
    });
  }
  return { runs, styles: content.styles as FontStyles };
}

type FontStyles = Record<string, { ascent: number; descent: number }>;

/**
 * The page's text in content order, one line per printed line, pages separated by form feeds
 * (as pdftotext did). pdf.js marks most line ends itself; a run that starts on another baseline,
 * or to the left of where the last one ended, also starts a new line, and a visible gap between
 * two runs on one line becomes a space.
 */
function pageText(runs: Run[]): string {
  let out = '';
  let prev: Run | undefined;
  for (const run of runs) {
    if (prev && !prev.endsLine && run.text !== '') {
      const sameLine = Math.abs(run.baseline - prev.baseline) < prev.size / 2;
      const gap = run.x - (prev.x + prev.width);
      if (!sameLine || gap < -prev.size / 2) out += '\n';
      else if (gap > prev.size / 10 && !/\s$/.test(out) && !/^\s/.test(run.text)) out += ' ';
    }
    out += run.text;
    if (run.endsLine) out += '\n';
    if (run.text !== '' || run.endsLine) prev = run;
  }
  return out.replace(/[ \t]+\n/g, '\n').replace(/\n+$/, '') + '\n';
}

export const pdfText = (bytes: Uint8Array): Promise<string> =>
  withDocument(bytes, async (doc) =>
    (await eachPage(doc, async (page) => pageText((await runsOf(page)).runs))).join('\f'),
  );

export interface EmbeddedFont {
  name: string;
  type: string;
  embedded: boolean;
}

/** The font objects a page's drawing uses, by pdf.js' per-document font id. */
async function fontsOf(page: PDFPageProxy): Promise<Map<string, FontObject>> {
  const ops = await page.getOperatorList();
  const fonts = new Map<string, FontObject>();
  ops.fnArray.forEach((fn, i) => {
    if (fn !== OPS.setFont) return;
    const id = (ops.argsArray[i] as [string, number])[0];
    fonts.set(id, page.commonObjs.get(id) as FontObject);
  });
  return fonts;
}

interface FontObject {
  name: string;
  type: string;
  missingFile: boolean;
}

/** Every font the document draws with, once each (what pdffonts listed). */
export const pdfFonts = (bytes: Uint8Array): Promise<EmbeddedFont[]> =>
  withDocument(bytes, async (doc) => {
    const all = new Map<string, FontObject>();
    for (const fonts of await eachPage(doc, fontsOf))
      for (const [id, font] of fonts) all.set(id, font);
    return [...all.values()].map((f) => ({
      name: f.name,
      type: f.type,
      embedded: !f.missingFile,
    }));
  });

export interface Word {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Glyph advance widths (in 1/1000 em) per font and character, as the page actually drew them. */
async function advancesOf(page: PDFPageProxy): Promise<Map<string, Map<string, number>>> {
  const ops = await page.getOperatorList();
  const byFont = new Map<string, Map<string, number>>();
  let font = '';
  ops.fnArray.forEach((fn, i) => {
    const args = ops.argsArray[i] as unknown[];
    if (fn === OPS.setFont) font = args[0] as string;
    if (fn !== OPS.showText) return;
    let widths = byFont.get(font);
    if (!widths) byFont.set(font, (widths = new Map()));
    for (const glyph of args[0] as unknown[])
      if (glyph && typeof glyph === 'object') {
        const { unicode, width } = glyph as { unicode: string; width: number };
        widths.set(unicode, width);
      }
  });
  return byFont;
}

/**
 * Every word with its box in points from the page's top-left (what `pdftotext -bbox` gave): top
 * and bottom from the font's ascent and descent; left and right by sharing the run's drawn width
 * among its characters in proportion to their glyph advances (so kerning is spread evenly, a few
 * hundredths of a point per character).
 */
export const pdfWords = (bytes: Uint8Array): Promise<Word[]> =>
  withDocument(bytes, async (doc) => {
    const words: Word[] = [];
    await eachPage(doc, async (page, number) => {
      const height = page.view[3]! - page.view[1]!;
      const { runs, styles } = await runsOf(page);
      const advances = await advancesOf(page);
      for (const run of runs) {
        const chars = [...run.text];
        if (chars.length === 0) continue;
        const known = advances.get(run.font);
        const units = chars.map((c) => known?.get(c) ?? known?.get(c.normalize('NFD')[0]!) ?? 500);
        const scale = run.width / units.reduce((a, b) => a + b, 0);
        const style = styles[run.font] ?? { ascent: 1, descent: 0 };
        const yMin = height - (run.baseline + style.ascent * run.size);
        const yMax = height - (run.baseline + style.descent * run.size);
        let x = run.x;
        let word = '';
        let start = x;
        const flush = () => {
          if (word !== '')
            words.push({ page: number, text: word, xMin: start, xMax: x, yMin, yMax });
          word = '';
        };
        chars.forEach((c, i) => {
          const advance = units[i]! * scale;
          if (/\s/.test(c)) {
            flush();
            x += advance;
            return;
          }
          if (word === '') start = x;
          word += c;
          x += advance;
        });
        flush();
      }
    });
    return words;
  });

/** Page images as PNG bytes, at a low resolution so approved fixtures stay small. */
export const pageImages = (bytes: Uint8Array, dpi = 50): Promise<Buffer[]> =>
  withDocument(bytes, (doc) =>
    eachPage(doc, async (page) => {
      const viewport = page.getViewport({ scale: dpi / 72 });
      const factory = doc.canvasFactory as CanvasFactory;
      let drawing: ReturnType<CanvasFactory['create']>;
      try {
        drawing = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
      } catch (error) {
        const check = checkPdfCanvasHere();
        throw check.ok ? error : new Error(check.message);
      }
      const { canvas, context } = drawing;
      await page.render({ canvas: null, canvasContext: context, viewport }).promise;
      const png = canvas.toBuffer('image/png');
      page.cleanup();
      return png;
    }),
  );

/** pdf.js' Node canvas factory (over @napi-rs/canvas), as far as this module uses it. */
interface CanvasFactory {
  create(
    width: number,
    height: number,
  ): { canvas: { toBuffer(mime: 'image/png'): Buffer }; context: CanvasRenderingContext2D };
}
