/**
 * Renders pdfmake document definitions to PDF bytes with the fonts parsed ONCE per process.
 *
 * pdfmake (through pdfkit and fontkit) parses every font file again for every document: measured
 * here, that set-up is ~90% of a one-page letter's cost (500 letters took over a minute). pdfmake
 * has no option to reuse a parsed font, so this module teaches its PDFDocument to embed the
 * already-parsed fontkit font (a fresh per-document subset, so output is unchanged) for the
 * families it registers. Every other family still goes through pdfmake's own code.
 */
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';

/** The family every Waymark document uses: Noto Sans, which covers Latin Extended and Vietnamese. */
export const FONT_FAMILY = 'NotoSans';

const FONT_FILES = {
  normal: 'NotoSans-Regular.ttf',
  bold: 'NotoSans-Bold.ttf',
  italics: 'NotoSans-Italic.ttf',
  bolditalics: 'NotoSans-BoldItalic.ttf',
} as const;
type FontStyle = keyof typeof FONT_FILES;

/** The parts of pdfmake/pdfkit this module touches: untyped internals, so typed here by hand. */
interface FontkitFont {
  layout(text: string, features?: string[] | Record<string, boolean>): unknown;
}
interface PdfKitFont {
  font: FontkitFont;
  layoutCache?: Record<string, unknown>;
  constructor: new (doc: PdfKitDocument, font: object, id: string) => PdfKitFont;
}
interface PdfKitDocument {
  _font: PdfKitFont;
  _fontCount: number;
  _fontFamilies: Record<string, PdfKitFont>;
  fontCache: Record<string, Partial<Record<FontStyle, PdfKitFont>>>;
  font(src: Uint8Array): PdfKitDocument;
}
interface PdfmakeDocumentClass {
  new (
    fonts: object,
    images: object,
    patterns: object,
    attachments: object,
    options: object,
  ): PdfKitDocument;
  prototype: {
    provideFont(this: PdfKitDocument, family: string, bold: boolean, italics: boolean): PdfKitFont;
  };
}
interface Pdfmake {
  setFonts(fonts: object): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  createPdf(doc: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
}

// pdfmake is CommonJS; requiring it and its PDFDocument through one require shares one instance.
const requireCjs = createRequire(import.meta.url);

/** Finds resources/fonts by walking up from this file (source tree, or out/main when built). */
export function defaultFontDir(): string {
  let dir = import.meta.dirname;
  for (;;) {
    const candidate = join(dir, 'resources', 'fonts', 'noto-sans');
    if (existsSync(join(candidate, FONT_FILES.normal))) return candidate;
    const up = dirname(dir);
    if (up === dir)
      throw new Error('The document fonts (resources/fonts/noto-sans) were not found');
    dir = up;
  }
}

let installed: { fontDir: string; pdfmake: Pdfmake } | null = null;
/** Bounds the shared shaping cache in a long-running app: it starts afresh every N documents. */
const REFRESH_SHAPED_EVERY = 2000;

function styleOf(bold: boolean, italics: boolean): FontStyle {
  if (bold && italics) return 'bolditalics';
  if (bold) return 'bold';
  return italics ? 'italics' : 'normal';
}

/**
 * Turns off the 'ccmp' feature: with it, fontkit splits a precomposed letter such as ị into
 * i + combining dot below, and pdfkit then maps the plain 'i' glyph to U+1ECB in the text layer,
 * so copied or extracted text changes. Noto has precomposed glyphs for every letter we print.
 */
function keepPrecomposed(font: FontkitFont): void {
  const layout = font.layout.bind(font);
  font.layout = (text, features) => {
    const asObject = Array.isArray(features)
      ? Object.fromEntries(features.map((f) => [f, true]))
      : (features ?? {});
    return layout(text, { ...asObject, ccmp: false });
  };
}

/** Parses the fonts and installs the reuse hook; idempotent per process (and per worker). */
function install(fontDir: string): Pdfmake {
  if (installed) {
    if (installed.fontDir !== resolve(fontDir))
      throw new Error('The document fonts were already loaded from another folder');
    return installed.pdfmake;
  }
  const pdfmake = requireCjs('pdfmake') as Pdfmake;
  const PdfDocument = (requireCjs('pdfmake/js/PDFDocument') as { default: PdfmakeDocumentClass })
    .default;
  const scratch = new PdfDocument({}, {}, {}, {}, { autoFirstPage: false });
  const parsed = {} as Record<FontStyle, PdfKitFont>;
  for (const style of Object.keys(FONT_FILES) as FontStyle[]) {
    parsed[style] = scratch.font(readFileSync(join(fontDir, FONT_FILES[style])))._font;
    keepPrecomposed(parsed[style].font);
  }
  // Shaped words, shared by every document: shaping (GSUB/GPOS) is most of a letter's cost once
  // the fonts are parsed, and a word shapes the same way in every document. Only read after.
  const shaped = {} as Record<FontStyle, Record<string, unknown>>;
  let documents = 0;
  const original = PdfDocument.prototype.provideFont;
  PdfDocument.prototype.provideFont = function (family, bold, italics) {
    if (family !== FONT_FAMILY) return original.call(this, family, bold, italics);
    const style = styleOf(bold, italics);
    const cache = (this.fontCache[family] ??= {});
    let font = cache[style];
    if (!font) {
      const template = parsed[style];
      font = new template.constructor(this, template.font, `F${++this._fontCount}`);
      if (style === 'normal' && ++documents % REFRESH_SHAPED_EVERY === 0)
        for (const st of Object.keys(FONT_FILES) as FontStyle[]) shaped[st] = Object.create(null);
      font.layoutCache = shaped[style] ??= Object.create(null);
      // Registered under a name so pdfkit embeds (subsets) it when the document ends.
      this._fontFamilies[`${family}-${style}`] = font;
      cache[style] = font;
    }
    return font;
  };
  // The files are never opened by pdfmake itself (the hook above answers), but it wants names.
  pdfmake.setFonts({ [FONT_FAMILY]: { ...FONT_FILES } });
  // Documents are built from data only: no remote or local files may be pulled in.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  installed = { fontDir: resolve(fontDir), pdfmake };
  return pdfmake;
}

export interface PdfRenderer {
  render(doc: TDocumentDefinitions): Promise<Buffer>;
}

/** A renderer over the shipped fonts. Cheap to call again: the fonts are parsed once. */
export function createPdfRenderer(fontDir: string = defaultFontDir()): PdfRenderer {
  const pdfmake = install(fontDir);
  return {
    render: (doc) => pdfmake.createPdf(doc).getBuffer(),
  };
}
