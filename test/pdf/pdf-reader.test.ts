/**
 * The PDF reader the document tests rely on, checked against PDFs built here with pdf-lib whose
 * contents are known exactly: if the reader went wrong, the document tests could pass vacuously.
 */
import { describe, expect, it } from 'vitest';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { PNG } from 'pngjs';
import { pageCount, pageImages, pdfFonts, pdfText, pdfWords } from './pdf-reader';

const A4 = [595.28, 841.89] as const;

async function twoPages(): Promise<{ bytes: Uint8Array; width: (text: string) => number }> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const one = doc.addPage([...A4]);
  one.drawText('Hello wide world', { x: 100, y: 700, size: 20, font });
  one.drawText('Second line', { x: 100, y: 650, size: 20, font });
  one.drawRectangle({ x: 300, y: 300, width: 144, height: 72, color: rgb(0, 0, 0) });
  doc.addPage([...A4]).drawText('Page two', { x: 72, y: 72, size: 12, font });
  return {
    bytes: await doc.save(),
    width: (text) => font.widthOfTextAtSize(text, 20),
  };
}

describe('the PDF reader', () => {
  it('reads the text line by line, pages apart, and counts the pages', async () => {
    const { bytes } = await twoPages();
    expect(await pageCount(bytes)).toBe(2);
    expect(await pdfText(bytes)).toBe('Hello wide world\nSecond line\n\fPage two\n');
  });

  it('puts each word in its own box, measured from the top-left in points', async () => {
    const { bytes, width } = await twoPages();
    const words = await pdfWords(bytes);
    expect(words.map((w) => `${w.page}:${w.text}`)).toEqual([
      '1:Hello',
      '1:wide',
      '1:world',
      '1:Second',
      '1:line',
      '2:Page',
      '2:two',
    ]);
    const [hello, wide] = words;
    expect(hello!.xMin).toBeCloseTo(100, 1);
    expect(hello!.xMax).toBeCloseTo(100 + width('Hello'), 1);
    expect(wide!.xMin).toBeCloseTo(100 + width('Hello '), 1);
    // The baseline is 700 pt up a 841.89 pt page; the box spans the font's ascent and descent.
    expect(hello!.yMin).toBeLessThan(A4[1] - 700 - 0.6 * 20);
    expect(hello!.yMax).toBeGreaterThan(A4[1] - 700);
    expect(hello!.yMax).toBeLessThan(A4[1] - 700 + 0.4 * 20);
  });

  it('says a font is not embedded when the PDF only names it', async () => {
    const { bytes } = await twoPages();
    expect(await pdfFonts(bytes)).toEqual([
      { name: 'Helvetica', type: expect.any(String), embedded: false },
    ]);
  });

  it('draws each page: black where the PDF fills a rectangle, white around it', async () => {
    const { bytes } = await twoPages();
    const images = await pageImages(bytes, 72);
    expect(images).toHaveLength(2);
    const png = PNG.sync.read(images[0]!);
    expect([png.width, png.height]).toEqual([Math.ceil(A4[0]), Math.ceil(A4[1])]);
    const at = (x: number, y: number) => {
      const i = (png.width * Math.round(A4[1] - y) + x) * 4;
      return [...png.data.subarray(i, i + 3)];
    };
    expect(at(372, 336)).toEqual([0, 0, 0]);
    expect(at(290, 336)).toEqual([255, 255, 255]);
    expect(at(372, 390)).toEqual([255, 255, 255]);
  });

  it('does not change the bytes it is given', async () => {
    const { bytes } = await twoPages();
    const copy = Uint8Array.from(bytes);
    await pdfText(bytes);
    await pageImages(bytes);
    expect(Buffer.compare(bytes, copy)).toBe(0);
  });
});
