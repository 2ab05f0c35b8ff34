/**
 * What a letter claims and how it falls across pages, read back from the PDF: the "planned your
 * meeting around" sentence appears only for needs the booking met; no page holds only a
 * fragment (the signature block and the section before it always share a page), in English,
 * Welsh and English, standard and large print, as the needs list grows and shifts the breaks.
 */
import { describe, expect, it } from 'vitest';
import { createPdfRenderer } from '../../src-main/pdf/render';
import { buildDocument } from '../../src-main/pdf/documents';
import { inductionSample } from './sample-data';
import { pdfText } from './pdf-reader';
import { inductionEn } from '../../src-main/pdf/wording/induction-en';
import { inductionCy } from '../../src-main/pdf/wording/induction-cy';
import { NEEDS_WORDING } from '../../src-main/pdf/wording/letter-common';
import type { InductionLetterSnapshot } from '../../src-main/pdf/documents/induction-letter';

const renderer = createPdfRenderer();
const squash = (s: string) => s.normalize('NFC').replace(/\s+/g, '');
const textOf = async (s: InductionLetterSnapshot) =>
  pdfText(await renderer.render(buildDocument(s)));

/** The page's words, less the footer line (reference and page number). */
const bodyWords = (page: string) =>
  page
    .split('\n')
    .filter((line) => !/Page \d+ of \d+|Tudalen \d+ o \d+/.test(line))
    .join(' ')
    .split(/\s+/)
    .filter((w) => w !== '');

describe('the needs a letter claims', () => {
  it('says the meeting was planned around a need only when the booking met it', async () => {
    const met = inductionSample({
      adjustments: 'Prefers afternoon appointments\nA quiet room, please',
      adjustmentsMet: ['Prefers afternoon appointments'],
      adjustmentsOther: ['A quiet room, please'],
    });
    const text = squash(await textOf(met));
    const claim = squash(inductionEn.adjustmentsIntro);
    expect(text).toContain(claim);
    expect(text.indexOf(claim)).toBeLessThan(text.indexOf(squash('Prefers afternoon')));
    expect(text.indexOf(squash(NEEDS_WORDING.en.heading))).toBeLessThan(
      text.indexOf(squash('A quiet room, please')),
    );

    const none = inductionSample({
      adjustments: 'Prefers afternoon appointments',
      adjustmentsMet: [],
      adjustmentsOther: ['Prefers afternoon appointments'],
    });
    const noneText = squash(await textOf(none));
    expect(noneText).not.toContain(claim);
    expect(noneText).toContain(squash(NEEDS_WORDING.en.intro));
    expect(noneText).toContain(squash('Prefers afternoon appointments'));
  });

  it('claims nothing in Welsh either when the need was not met', async () => {
    const s = inductionSample(
      {
        adjustments: 'Step-free access needed',
        adjustmentsMet: [],
        adjustmentsOther: ['Step-free access needed'],
      },
      { language: 'cy-en' },
    );
    const text = squash(await textOf(s));
    expect(text).not.toContain(squash(inductionCy.adjustmentsIntro));
    expect(text).not.toContain(squash(inductionEn.adjustmentsIntro));
    expect(text).toContain(squash(NEEDS_WORDING.cy.intro));
    expect(text).toContain(squash(NEEDS_WORDING.en.intro));
  });

  it('prints a letter logged before the check as it was (every need, with the old sentence)', async () => {
    const old = inductionSample({ adjustments: 'A quiet room, please' });
    expect(squash(await textOf(old))).toContain(squash(inductionEn.adjustmentsIntro));
  });
});

describe('page breaks', () => {
  const needs = (n: number) =>
    Array.from({ length: n }, (_, i) => `Need number ${i + 1}: a longer description of it`);
  // 0 to 15 needs moves the last page break through the closing sections; without the
  // unbreakable signature block, 12 to 15 needs leave the office name alone on a page.
  const variants = Array.from({ length: 16 }, (_, i) => i).flatMap((n) =>
    (['en', 'cy-en'] as const).flatMap((language) =>
      [false, true].map((largePrint) => ({ n, language, largePrint })),
    ),
  );

  it.each(variants)(
    'no page holds only a fragment ($language, large print $largePrint, $n needs)',
    async ({ n, language, largePrint }) => {
      const s = inductionSample(
        { adjustments: needs(n).join('\n'), adjustmentsMet: needs(n), adjustmentsOther: [] },
        { language, largePrint },
      );
      const pages = (await textOf(s)).split('\f');
      for (const page of pages) expect(bodyWords(page).length).toBeGreaterThanOrEqual(25);
      // Each language's signature sits on one page with the section before it.
      for (const [privacy, signOff] of [
        [inductionEn.privacyHeading, inductionEn.signOff],
        ...(language === 'cy-en' ? [[inductionCy.privacyHeading, inductionCy.signOff]] : []),
      ] as [string, string][]) {
        const page = pages.find((p) => squash(p).includes(squash(signOff)));
        expect(page).toBeDefined();
        const flat = squash(page!);
        for (const part of [privacy, signOff, 'Ada Adviser', 'Waymark Employment Cardiff'])
          expect(flat).toContain(squash(part));
      }
    },
  );
});
