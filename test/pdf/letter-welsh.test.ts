/**
 * Welsh for the letters that had only English: the complaint acknowledgement and response
 * (Welsh first, then English on its own page) and the better-off statement's headings and
 * labels (Welsh beside English). English letters are unchanged. Read back from the PDFs.
 */
import { describe, expect, it } from 'vitest';
import { createPdfRenderer } from '../../src-main/pdf/render';
import { buildDocument } from '../../src-main/pdf/documents';
import {
  buildComplaintLetter,
  type ComplaintLetterSnapshot,
} from '../../src-main/pdf/documents/complaint-letter';
import { COMPLAINT_WORDING } from '../../src-main/pdf/wording/complaint-letters';
import { BETTER_OFF_HEADINGS } from '../../src-main/pdf/wording/better-off-headings';
import { BETTER_OFF_SENTENCES } from '../../src-main/pdf/wording/better-off-statement';
import { pounds } from '../../src-main/pdf/format';
import { betterOffSample } from './sample-data';
import { pdfText } from './pdf-reader';

const renderer = createPdfRenderer();
const squash = (s: string) => s.normalize('NFC').replace(/\s+/g, '');

const complaint = (
  kind: ComplaintLetterSnapshot['kind'],
  language?: 'cy-en',
): ComplaintLetterSnapshot => ({
  kind,
  issuedAt: '2026-11-23T09:15:00.000Z',
  letterDate: '2026-11-23',
  recipientName: 'Łukasz Wiśniewski',
  providerName: 'Waymark Employment Cardiff',
  signedBy: 'Mo Manager',
  receivedOn: '2026-11-20',
  about: 'a meeting that started late',
  stage: { name: 'Waymark Employment', responseDue: '2026-12-11', response: 'We are sorry.' },
  nextStage: {
    index: 1,
    level: 'funder',
    name: 'Jobcentre Plus',
    contact: 'Ask your work coach.',
    responseTargetWorkingDays: 15,
  },
  laterStages: [],
  ...(language ? { language } : {}),
});
const complaintText = async (s: ComplaintLetterSnapshot) =>
  pdfText(await renderer.render(buildComplaintLetter(s)));

describe('complaint letters in Welsh', () => {
  it.each(['acknowledgement', 'response'] as const)(
    'the %s is Welsh first, then English on its own page',
    async (kind) => {
      const cy = COMPLAINT_WORDING.cy;
      const en = COMPLAINT_WORDING.en;
      const title = kind === 'acknowledgement' ? 'ackTitle' : 'responseTitle';
      const pages = (await complaintText(complaint(kind, 'cy-en'))).split('\f');
      expect(pages.length).toBeGreaterThanOrEqual(2);
      expect(squash(pages[0]!)).toContain(squash(cy[title]));
      expect(squash(pages[0]!)).toContain(squash('Annwyl Łukasz Wiśniewski,'));
      expect(squash(pages[0]!)).toContain(squash('20 Tachwedd 2026'));
      expect(squash(pages[0]!)).toContain(
        squash(cy.stillUnhappy('Jobcentre Plus', 'Ask your work coach.') + cy.target(15)),
      );
      expect(squash(pages[0]!)).not.toContain(squash(en[title]));
      const english = pages.slice(1).join('');
      expect(squash(english)).toContain(squash(en[title]));
      expect(squash(english)).toContain(squash('20 November 2026'));
    },
  );

  it('an English complaint letter has no Welsh', async () => {
    const text = squash(await complaintText(complaint('acknowledgement')));
    expect(text).toContain(
      squash('Thank you for telling us. We received your complaint on 20 November 2026'),
    );
    expect(text).toContain(squash('They aim to reply within 15 working days.'));
    expect(text).not.toContain(squash(COMPLAINT_WORDING.cy.ackTitle));
  });
});

describe('the better-off statement in Welsh', () => {
  it('logged before its sentences were Welsh, it reprints with Welsh / English headings', async () => {
    const s = betterOffSample();
    const welsh = squash(
      await pdfText(
        await renderer.render(
          buildDocument({ ...s, options: { ...s.options, language: 'cy-en' } }),
        ),
      ),
    );
    for (const key of ['title', 'money', 'outOfWork', 'takeHome', 'whatThisIs', 'next'] as const)
      expect(welsh).toContain(
        squash(`${BETTER_OFF_HEADINGS.cy[key]} / ${BETTER_OFF_HEADINGS.en[key]}`),
      );
    const english = squash(await pdfText(await renderer.render(buildDocument(s))));
    expect(english).toContain(squash(BETTER_OFF_HEADINGS.en.money));
    expect(english).not.toContain(squash(BETTER_OFF_HEADINGS.cy.money));
  });
});

describe('the whole better-off statement in Welsh, then English', () => {
  const welshStatement = (language: 'cy-en' | 'cy') => {
    const s = betterOffSample();
    return buildDocument({
      ...s,
      options: { ...s.options, language },
      welshSentences: true as const,
    });
  };
  const cy = BETTER_OFF_SENTENCES.cy;
  const en = BETTER_OFF_SENTENCES.en;

  it('prints every sentence in Welsh first, then the English statement from a new page', async () => {
    const s = betterOffSample();
    const pages = (await pdfText(await renderer.render(welshStatement('cy-en')))).split('\f');
    const firstEnglish = pages.findIndex((p) =>
      squash(p).includes(squash(BETTER_OFF_HEADINGS.en.title)),
    );
    expect(firstEnglish).toBeGreaterThan(0);
    const welsh = squash(pages.slice(0, firstEnglish).join(''));
    const english = squash(pages.slice(firstEnglish).join(''));
    // Specific Welsh words from the wording table, with the saved figures (never worked out again).
    const better = pounds(s.statement.result.betterOffMonthly);
    for (const sentence of [
      `Byddai gennych tua ${better} y mis yn fwy mewn gwaith.`,
      'Care assistant, 30 awr yr wythnos ar £12.21 yr awr',
      cy.moneyExplained,
      'Canllaw yw hwn',
      cy.guide,
      'Bydd Ada Adviser yn mynd drwy hwn gyda chi.',
      cy.notesInEnglish,
      'Tudalen 1 o',
    ])
      expect(welsh).toContain(squash(sentence));
    for (const key of ['title', 'money', 'takeHome', 'whatThisIs', 'next'] as const)
      expect(welsh).toContain(squash(BETTER_OFF_HEADINGS.cy[key]));
    // No English sentence in the Welsh statement, and the English statement follows whole.
    for (const sentence of [en.more(better), en.moneyExplained, en.guide, en.next('Ada Adviser')]) {
      expect(welsh).not.toContain(squash(sentence));
      expect(english).toContain(squash(sentence));
    }
    expect(english).toContain(squash(s.statement.result.warnings[0]!));
    expect(welsh).not.toContain(squash(s.statement.result.warnings[0]!));
    // The same figures in both.
    for (const figure of ['£1,587.30', '£810.59', '£1,443.53']) {
      expect(welsh).toContain(figure);
      expect(english).toContain(figure);
    }
  });

  it('a Welsh-only statement keeps the calculator’s notes, marked as English', async () => {
    const s = betterOffSample();
    const text = squash(await pdfText(await renderer.render(welshStatement('cy'))));
    expect(text).toContain(squash(cy.notesBelowInEnglish));
    expect(text).toContain(squash(s.statement.result.warnings[0]!));
    expect(text).not.toContain(squash(en.guide));
  });

  it('an English statement is unchanged by the Welsh wording', async () => {
    const s = betterOffSample();
    const plain = await renderer.render(buildDocument(s));
    const marked = await renderer.render(buildDocument({ ...s, welshSentences: true as const }));
    expect(Buffer.compare(Buffer.from(plain), Buffer.from(marked))).toBe(0);
  });
});
