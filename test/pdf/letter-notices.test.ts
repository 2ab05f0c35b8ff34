/**
 * The notice letters (appointment confirmation and change, missed appointment, exit, in-work
 * check-in) and the Easy Read induction letter, read back from the PDFs: each letter's key
 * content in English and Welsh, the "planned your meeting around" sentence only for needs the
 * booking met, no page holding only a fragment, no sanction wording in the missed letter, and
 * Easy Read's short lines in large type.
 */
import { describe, expect, it } from 'vitest';
import { createPdfRenderer } from '../../src-main/pdf/render';
import { buildDocument, type DocumentSnapshot } from '../../src-main/pdf/documents';
import { inductionSample, noticeSample } from './sample-data';
import { pdfText, pdfWords } from './pdf-reader';
import { NOTICE_WORDING, SANCTION_WORDING } from '../../src-main/pdf/wording/notice-letters';
import { EASY_READ_WORDING } from '../../src-main/pdf/wording/easy-read-induction';
import { NEEDS_WORDING } from '../../src-main/pdf/wording/letter-common';
import { inductionEn } from '../../src-main/pdf/wording/induction-en';
import { NOTICE_LETTER_KINDS, type TemplateLanguage } from '../../src-shared/schemas/documents';

const renderer = createPdfRenderer();
const squash = (s: string) => s.normalize('NFC').replace(/\s+/g, '');
const bytesOf = (s: DocumentSnapshot) => renderer.render(buildDocument(s));
const textOf = async (s: DocumentSnapshot) => pdfText(await bytesOf(s));
const has = (text: string, part: string) => expect(squash(text)).toContain(squash(part));
const hasNot = (text: string, part: string) => expect(squash(text)).not.toContain(squash(part));

/** The page's words, less the footer line (reference and page number). */
const bodyWords = (page: string) =>
  page
    .split('\n')
    .filter((line) => !/REF-2026-0042 ·/.test(line))
    .join(' ')
    .split(/\s+/)
    .filter((w) => w !== '');

describe('each notice letter says what it is for, in English and in Welsh', () => {
  const langs: TemplateLanguage[] = ['en', 'cy'];
  it.each(langs)(
    'appointment confirmation (%s): place, time, what to bring, contact',
    async (lang) => {
      const w = NOTICE_WORDING[lang];
      const text = await textOf(noticeSample('appointment-confirmation', {}, { language: lang }));
      has(text, w.subject['appointment-confirmation']);
      has(text, lang === 'en' ? 'Tuesday 1 December 2026' : 'Dydd Mawrth 1 Rhagfyr 2026');
      has(text, lang === 'en' ? '2:30pm to 3:30pm' : '2:30yp i 3:30yp');
      has(
        text,
        'Waymark Employment Cardiff, Unit 4, Capital Quarter, Tyndall Street, Cardiff, CF10 4BZ',
      );
      has(text, 'Room 2');
      has(text, 'Reception is on the ground floor, on the left.');
      has(text, w.bringHeading);
      for (const item of w.bring) has(text, item);
      has(text, w.cannotCome('Ada Adviser', '029 2018 0000', 'cardiff@waymark.example'));
    },
  );

  it.each(langs)('appointment change (%s) says what changed', async (lang) => {
    const w = NOTICE_WORDING[lang];
    const text = await textOf(noticeSample('appointment-change', {}, { language: lang }));
    has(text, w.subject['appointment-change']);
    has(
      text,
      lang === 'en'
        ? 'Your appointment was on Friday 27 November 2026, 10am. It is now on Tuesday 1 December 2026, 2:30pm.'
        : 'Roedd eich apwyntiad ar Dydd Gwener 27 Tachwedd 2026, 10yb. Mae nawr ar Dydd Mawrth 1 Rhagfyr 2026, 2:30yp.',
    );
    const unknown = await textOf(
      noticeSample('appointment-change', { previousStart: null }, { language: lang }),
    );
    has(unknown, w.change.changedUnknown);
  });

  it.each(langs)('missed appointment (%s): we missed you, R8 call, how to rebook', async (lang) => {
    const w = NOTICE_WORDING[lang];
    const text = await textOf(noticeSample('missed-appointment', {}, { language: lang }));
    has(text, w.subject['missed-appointment']);
    has(
      text,
      w.missed.intro(
        lang === 'en' ? 'Tuesday 1 December 2026, 2:30pm' : 'Dydd Mawrth 1 Rhagfyr 2026, 2:30yp',
      ),
    );
    has(text, w.missed.call(3));
    has(text, w.missed.rebook('Ada Adviser', '029 2018 0000', 'cardiff@waymark.example'));
    // The number is the profile's: a profile with 5 days prints 5.
    has(
      await textOf(
        noticeSample(
          'missed-appointment',
          { rules: { missedContactDays: 5, inWorkContactDays: 28 } },
          { language: lang },
        ),
      ),
      w.missed.call(5),
    );
  });

  it.each(langs)(
    'exit letter (%s): what happens next, keeping in touch, the complaint route',
    async (lang) => {
      const w = NOTICE_WORDING[lang];
      const s = noticeSample('exit-letter', {}, { language: lang });
      const text = await textOf(s);
      has(text, w.subject['exit-letter']);
      has(
        text,
        w.exit.ended(lang === 'en' ? 'Friday 20 November 2026' : 'Dydd Gwener 20 Tachwedd 2026'),
      );
      has(text, w.exit.next['in-work']);
      has(text, w.exit.keepInTouch('029 2018 0000', 'cardiff@waymark.example'));
      // (a numbered list: the number may fall inside a wrapped step's text when read back)
      for (const step of s.charter[lang]!.complaintRoute)
        has(text, `${step.name}: ${step.how.slice(0, 25)}`);
      const moved = await textOf(
        noticeSample(
          'exit-letter',
          { exit: { reason: 'moved-away', date: null } },
          { language: lang },
        ),
      );
      has(moved, w.exit.next['moved-away']);
      hasNot(moved, w.exit.next['in-work']);
    },
  );

  it.each(langs)('in-work check-in (%s): the check-in date and the support offer', async (lang) => {
    const w = NOTICE_WORDING[lang];
    const text = await textOf(noticeSample('in-work-check-in', {}, { language: lang }));
    has(text, w.subject['in-work-check-in']);
    has(text, w.inWork.checkInHeading);
    has(text, lang === 'en' ? 'Tuesday 1 December 2026' : 'Dydd Mawrth 1 Rhagfyr 2026');
    for (const item of w.inWork.offer) has(text, item);
    has(text, w.inWork.often(28));
  });

  it('a bilingual letter is the Welsh letter, then the English one on a new page', async () => {
    const pages = (
      await textOf(noticeSample('appointment-confirmation', {}, { language: 'cy-en' }))
    ).split('\f');
    const cyAt = pages.findIndex((p) =>
      squash(p).includes(squash(NOTICE_WORDING.cy.subject['appointment-confirmation'])),
    );
    const enAt = pages.findIndex((p) =>
      squash(p).includes(squash(NOTICE_WORDING.en.subject['appointment-confirmation'])),
    );
    expect(cyAt).toBe(0);
    expect(enAt).toBeGreaterThan(cyAt);
  });

  it('a phone appointment says how, not a place', async () => {
    const s = noticeSample('appointment-confirmation');
    const text = await textOf({
      ...s,
      meeting: { ...s.meeting!, channel: 'phone', place: null, room: null },
    });
    has(text, NOTICE_WORDING.en.byPhone);
    hasNot(text, 'Room 2');
    hasNot(text, NOTICE_WORDING.en.bringHeading);
  });
});

describe('the missed-appointment letter', () => {
  it.each(['en', 'cy', 'cy-en'] as const)('never threatens a sanction (%s)', async (language) => {
    const text = await textOf(noticeSample('missed-appointment', {}, { language }));
    expect(text).not.toMatch(SANCTION_WORDING);
    expect(text).not.toMatch(/benefit|sanction|stop|penalt|consequence|must attend/i);
  });

  it('the sanction check catches what it is for', () => {
    for (const bad of [
      'You may be sanctioned.',
      'Your benefits may be stopped.',
      'Your benefit could be reduced.',
      'There may be consequences.',
      'Gall eich budd-dal gael ei atal.',
    ])
      expect(bad).toMatch(SANCTION_WORDING);
    for (const fine of NOTICE_WORDING.en.bring) expect(fine).not.toMatch(SANCTION_WORDING);
  });
});

describe('the needs a notice letter claims', () => {
  it.each(['appointment-confirmation', 'appointment-change', 'in-work-check-in'] as const)(
    '%s claims only the needs the booking met',
    async (kind) => {
      const met = await textOf(
        noticeSample(kind, {
          adjustmentsMet: ['Prefers afternoon appointments'],
          adjustmentsOther: ['A quiet room'],
        }),
      );
      const claim = squash(NOTICE_WORDING.en.adjustmentsIntro);
      const flat = squash(met);
      expect(flat).toContain(claim);
      expect(flat.indexOf(claim)).toBeLessThan(
        flat.indexOf(squash('Prefers afternoon appointments')),
      );
      expect(flat.indexOf(squash(NEEDS_WORDING.en.heading))).toBeLessThan(
        flat.indexOf(squash('A quiet room')),
      );

      const none = await textOf(
        noticeSample(kind, {
          adjustmentsMet: [],
          adjustmentsOther: ['Prefers afternoon appointments'],
        }),
      );
      hasNot(none, NOTICE_WORDING.en.adjustmentsIntro);
      has(none, NEEDS_WORDING.en.intro);
      has(none, 'Prefers afternoon appointments');
    },
  );
});

describe('no page holds only a fragment', () => {
  const needs = (n: number) =>
    Array.from({ length: n }, (_, i) => `A need described in a few words, number ${i + 1}`);
  const variants = NOTICE_LETTER_KINDS.flatMap((kind) =>
    (['en', 'cy-en'] as const).flatMap((language) =>
      [false, true].flatMap((largePrint) =>
        [0, 6, 12].map((n) => ({ kind, language, largePrint, n })),
      ),
    ),
  );
  it.each(variants)(
    '$kind ($language, large print $largePrint, $n needs)',
    async ({ kind, language, largePrint, n }) => {
      const s = noticeSample(kind, { adjustmentsMet: needs(n) }, { language, largePrint });
      const pages = (await textOf(s)).split('\f');
      for (const page of pages) expect(bodyWords(page).length).toBeGreaterThanOrEqual(25);
      // The signature shares its page with the block before it, in each language.
      for (const lang of language === 'cy-en' ? (['cy', 'en'] as const) : (['en'] as const)) {
        const page = pages.find((p) => squash(p).includes(squash(NOTICE_WORDING[lang].signOff)));
        expect(page).toBeDefined();
        expect(squash(page!)).toContain(squash('Ada Adviser'));
        expect(bodyWords(page!).length).toBeGreaterThanOrEqual(25);
      }
    },
  );
});

describe('the Easy Read induction letter', () => {
  const easy = (language: 'en' | 'cy' | 'cy-en', met: string[] = []) =>
    inductionSample({ adjustmentsMet: met, adjustmentsOther: [] }, { language, easyRead: true });

  it.each(['en', 'cy'] as const)(
    'is the Easy Read wording, not the standard letter (%s)',
    async (lang) => {
      const w = EASY_READ_WORDING[lang];
      const text = await textOf(easy(lang));
      has(text, w.title);
      for (const line of w.intro) has(text, line);
      has(text, w.at(lang === 'en' ? '10:30am' : '10:30yb'));
      has(text, w.who('Ada Adviser'));
      for (const line of w.cannotCome('029 2018 0000', 'cardiff@waymark.example')) has(text, line);
      hasNot(text, inductionEn.supportIntro);
    },
  );

  it('has short lines, one idea each, in large type', async () => {
    const bytes = await bytesOf(easy('en', ['Prefers afternoon appointments']));
    const text = await pdfText(bytes);
    // The body: every line after the title (the sender's details and address come first).
    const all = text.split(/[\n\f]/).map((l) => l.trim());
    const bodyLines = all
      .slice(all.indexOf(EASY_READ_WORDING.en.title) + 1)
      .filter((l) => l !== '' && !/REF-2026-0042 ·/.test(l));
    expect(bodyLines.length).toBeGreaterThan(20);
    for (const line of bodyLines) expect(line.split(/\s+/).length).toBeLessThanOrEqual(12);
    // One idea a line: no line holds two sentences.
    for (const line of bodyLines) expect(line).not.toMatch(/[.!?]\s+\S/);
    // The standard letter, for contrast, has long lines, in smaller type.
    const standardBytes = await bytesOf(inductionSample());
    const standard = (await pdfText(standardBytes)).split('\n');
    expect(standard.some((l) => l.split(/\s+/).length > 12)).toBe(true);
    const height = async (b: Uint8Array) => {
      const word = (await pdfWords(b)).find((w) => w.text === 'Jobcentre')!;
      return word.yMax - word.yMin;
    };
    expect(await height(bytes)).toBeGreaterThanOrEqual(1.5 * (await height(standardBytes)));
  });

  it('claims a need as planned for only when the booking met it', async () => {
    const w = EASY_READ_WORDING.en;
    for (const line of w.metIntro)
      has(await textOf(easy('en', ['Prefers afternoon appointments'])), line);
    const none = await textOf(
      inductionSample(
        { adjustmentsMet: [], adjustmentsOther: ['Prefers afternoon appointments'] },
        { easyRead: true },
      ),
    );
    hasNot(none, w.metIntro[1]!);
    has(none, w.otherIntro);
  });

  it('no page holds only a fragment, Welsh and English', async () => {
    const many = Array.from({ length: 8 }, (_, i) => `Need number ${i + 1}`);
    const pages = (await textOf(easy('cy-en', many))).split('\f');
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(bodyWords(page).length).toBeGreaterThanOrEqual(25);
  });
});
