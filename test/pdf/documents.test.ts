import { describe, expect, it } from 'vitest';
import { createPdfRenderer } from '../../src-main/pdf/render';
import { buildDocument } from '../../src-main/pdf/documents';
import { previewText } from '../../src-main/pdf/preview';
import { mm, ADDRESS_WINDOW } from '../../src-main/pdf/layout';
import { betterOffSample, inductionSample, ppepSample } from './sample-data';
import { pageCount, pageImages, pdfFonts, pdfText, pdfWords } from './pdf-reader';
import { APPROVED_PAGES, compareWithApproved } from './approved-images';
import type { DocumentSnapshot } from '../../src-main/pdf/documents';

const renderer = createPdfRenderer();
const render = (s: DocumentSnapshot) => renderer.render(buildDocument(s));
const squash = (s: string) => s.normalize('NFC').replace(/\s+/g, '');
/** A word hyphenated across lines reads "10-" then "minute": compare without hyphens. */
const loose = (s: string) => squash(s).replace(/-/g, '');
/** The words of `part` appear in order, close together (a table cell may wrap beside another). */
function inOrder(pdf: string, part: string): boolean {
  const words = part
    .split(/\s+/)
    .filter((w) => w !== '')
    .map(loose);
  if (words.length === 0) return true;
  for (let start = pdf.indexOf(words[0]!); start >= 0; start = pdf.indexOf(words[0]!, start + 1)) {
    let at = start;
    let ok = true;
    for (const word of words.slice(1)) {
      const next = pdf.indexOf(word, at + 1);
      if (next < 0 || next - at > 120) {
        ok = false;
        break;
      }
      at = next;
    }
    if (ok) return true;
  }
  return false;
}

describe('the induction letter', () => {
  it('says everything the charter requires, in plain English', async () => {
    const text = await pdfText(await render(inductionSample()));
    for (const expected of [
      'Dear Łukasz,',
      'Waymark Employment Cardiff, Unit 4, Capital Quarter, Tyndall Street, Cardiff, CF10 4BZ',
      'Tuesday 1 December 2026',
      '10:30am to 11:30am',
      'Ada Adviser',
      '029 2018 0000',
      'cardiff@waymark.example',
      'Buses 1, 2 and 6 stop outside',
      'Pay and display on Tyndall Street',
      'Yes. There is step-free access',
      'Job clubs every Tuesday',
      'What to bring',
      'A quiet room, please',
      'We will meet you in person at least twice a month.',
      'What we expect from you',
      'If you need to change the date',
      'What happens next',
      'At the meeting on Tuesday 1 December 2026',
      'Feedback and complaints',
      'Your information',
      'Our reference: REF-2026-0042',
    ])
      expect(squash(text)).toContain(squash(expected));
  });

  it('puts the postal address inside a DL envelope window on page 1', async () => {
    const words = await pdfWords(await render(inductionSample()));
    const addressWords = ['Flat', 'Gwyn', 'Heol', 'Caerdydd', 'CF10', '2BU'].map((w) =>
      words.find((x) => x.page === 1 && x.text === w && x.xMin < mm(110))!,
    );
    for (const w of addressWords) {
      expect(w.xMin).toBeGreaterThanOrEqual(ADDRESS_WINDOW.x);
      expect(w.xMax).toBeLessThanOrEqual(ADDRESS_WINDOW.x + ADDRESS_WINDOW.width);
      expect(w.yMin).toBeGreaterThanOrEqual(ADDRESS_WINDOW.y);
      expect(w.yMax).toBeLessThanOrEqual(ADDRESS_WINDOW.y + ADDRESS_WINDOW.height);
    }
    // Nothing else printed inside the window area.
    const intruders = words.filter(
      (w) =>
        w.page === 1 &&
        w.xMin < ADDRESS_WINDOW.x + ADDRESS_WINDOW.width &&
        w.yMin > ADDRESS_WINDOW.y &&
        w.yMax < ADDRESS_WINDOW.y + ADDRESS_WINDOW.height &&
        !addressWords.includes(w) &&
        !['Łukasz', 'Wiśniewski', '3,', 'Tŷ', '12', 'y', 'Frenhines'].includes(w.text),
    );
    expect(intruders.map((w) => w.text)).toEqual([]);
  });

  it('wraps a very long address inside the window width', async () => {
    const line1 =
      'Flat 14b, The Old Co-operative Wholesale Society Buildings, Ffordd Llanfairpwllgwyngyll';
    const bytes = await render(
      inductionSample({
        address: {
          line1,
          line2: 'Ystad Ddiwydiannol Parc Menai',
          town: 'Bangor',
          county: 'Gwynedd',
          postcode: 'LL57 4FA',
        },
      }),
    );
    expect(squash(await pdfText(bytes))).toContain(squash(line1));
    const words = (await pdfWords(bytes)).filter(
      (w) => w.page === 1 && w.yMin < mm(88) && w.xMin < mm(110),
    );
    expect(words.some((w) => w.text === 'Llanfairpwllgwyngyll')).toBe(true);
    for (const w of words)
      expect(w.xMax).toBeLessThanOrEqual(ADDRESS_WINDOW.x + ADDRESS_WINDOW.width);
  });

  it.each([
    ['Łukasz Wiśniewski', 'Łukasz', 'Wiśniewski'],
    ['Ștefan Țurcanu', 'Ștefan', 'Țurcanu'],
    ['Siân ap Gruffydd', 'Siân', 'ap Gruffydd'],
    ['Dafydd Llŷr', 'Dafydd', 'Llŷr'],
    ['Gwenllian Ŵyn', 'Gwenllian', 'Ŵyn'],
    ['Kateřina Dvořáková', 'Kateřina', 'Dvořáková'],
    ['Yiğit Işıkoğlu', 'Yiğit', 'Işıkoğlu'],
    ['Nguyễn Thị Hương', 'Hương', 'Nguyễn Thị'],
    ['Seán Ó Briain', 'Seán', 'Ó Briain'],
    ['Mairéad Ní Dhónaill', 'Mairéad', 'Ní Dhónaill'],
  ])('prints %s exactly, in embedded Noto Sans only', async (_label, given, family) => {
    const bytes = await render(
      inductionSample({ givenName: given, familyName: family, preferredName: null }),
    );
    const text = (await pdfText(bytes)).normalize('NFC');
    expect(text).toContain(`${given} ${family}`.normalize('NFC').split(' ')[0]);
    expect(squash(text)).toContain(squash(`${given} ${family}`));
    expect(text).toContain(`Dear ${given},`);
    const fonts = await pdfFonts(bytes);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) {
      expect(f.name).toMatch(/^[A-Z]{6}\+NotoSans-(Regular|Bold|Italic|BoldItalic)$/);
      expect(f.embedded).toBe(true);
    }
  });

  it('prints a name with braces or markup exactly as written', async () => {
    const odd = '{{participant.familyName}} <b>Bo</b> **y** {{x}}';
    const text = await pdfText(await render(inductionSample({ preferredName: odd })));
    expect(text).toContain(`Dear ${odd},`);
    expect(text).not.toContain('Dear Wiśniewski');
  });

  it('large print uses at least 16 pt for the body and larger headings', async () => {
    const normal = await pdfWords(await render(inductionSample()));
    const large = await pdfWords(await render(inductionSample({}, { largePrint: true })));
    const height = (words: typeof normal, text: string) => {
      const w = words.find((x) => x.text === text)!;
      return w.yMax - w.yMin;
    };
    // Noto Sans' line box is 1.36 em, so a 16 pt body word is over 21 pt tall.
    expect(height(large, 'Jobcentre')).toBeGreaterThanOrEqual(16 * 1.3);
    expect(height(normal, 'Jobcentre')).toBeLessThan(16);
    expect(height(large, 'bring')).toBeGreaterThan(height(large, 'Jobcentre'));
    expect(
      await pageCount(await render(inductionSample({}, { largePrint: true }))),
    ).toBeGreaterThan(await pageCount(await render(inductionSample())));
  });

  it('prints Welsh, and Welsh then English when bilingual', async () => {
    const cy = await pdfText(await render(inductionSample({}, { language: 'cy' })));
    expect(squash(cy)).toContain(squash('Annwyl Łukasz,'));
    expect(squash(cy)).toContain(squash('Dydd Mawrth 1 Rhagfyr 2026'));
    expect(squash(cy)).toContain(squash('10:30yb i 11:30yb'));
    expect(squash(cy)).toContain(squash('Tŷ Gwyn'));
    expect(cy).not.toContain('Dear Łukasz');
    const both = await pdfText(await render(inductionSample({}, { language: 'cy-en' })));
    expect(both.indexOf('Annwyl Łukasz,')).toBeGreaterThanOrEqual(0);
    expect(both.indexOf('Dear Łukasz,')).toBeGreaterThan(both.indexOf('Annwyl Łukasz,'));
    expect(both).toContain('Tudalen 1 o');
  });

  it('shows a preview whose every line is in the PDF', async () => {
    for (const options of [{}, { largePrint: true }, { language: 'cy-en' as const }]) {
      const snapshot = inductionSample({}, options);
      const preview = previewText(buildDocument(snapshot));
      const pdf = loose(await pdfText(await render(snapshot)));
      const lines = preview.split('\n');
      expect(lines.length).toBeGreaterThan(30);
      for (const line of lines)
        for (const part of line.replace(/^(• |\d+\. )/, '').split(' | '))
          expect(inOrder(pdf, part), part).toBe(true);
    }
  });

  it('gives byte-identical output for the same snapshot, whatever was printed before', async () => {
    const first = await render(inductionSample());
    await render(
      inductionSample({ givenName: 'Dafydd', familyName: 'Llŷr' }, { language: 'cy-en' }),
    );
    await render(ppepSample());
    const again = await render(inductionSample());
    expect(Buffer.compare(first, again)).toBe(0);
    const later = inductionSample();
    later.data.issuedAt = '2026-11-24T09:15:00.000Z';
    expect(Buffer.compare(first, await render(later))).not.toBe(0);
  });
});

describe('the plan and the better-off statement', () => {
  it('prints the PPEP sections: strengths, goals, barriers, steps, agreement', async () => {
    const text = squash(await pdfText(await render(ppepSample())));
    for (const expected of [
      'Your Personal Profile and Employment Plan (PPEP)',
      'Ștefan Țurcanu (Ștefi)',
      'Forklift licence (counterbalance)',
      'Apply for five warehouse jobs a week',
      'Become a shift supervisor within two years',
      'Adviser to contact the last employer with consent',
      'Write a new CV with the adviser',
      'Both of us',
      '8 December 2026',
      'In progress',
      'We wrote and agreed this plan together on 1 December 2026.',
      'review this plan with you by 1 March 2027',
    ])
      expect(text).toContain(squash(expected));
  });

  it('prints the better-off statement with both budgets and the difference', async () => {
    const text = squash(await pdfText(await render(betterOffSample())));
    for (const expected of [
      'Siân ap Gruffydd',
      'Care assistant, 30 hours a week at £12.21 an hour',
      'You would have about £632.94 a month more in work.',
      '£1,587.30',
      '£810.59',
      '£1,443.53',
      'Travel to work costs were not entered.',
    ])
      expect(text).toContain(squash(expected));
  });
});

describe('page images', () => {
  it.each(APPROVED_PAGES)('%s page 1 matches the approved image', async (name, sample) => {
    const [page1] = await pageImages(await render(sample()));
    const result = compareWithApproved(name, page1!);
    expect(result.missing).toBe(false);
    expect(result.sizeMatches).toBe(true);
    expect(result.differentShare).toBeLessThan(0.005);
  });
});
