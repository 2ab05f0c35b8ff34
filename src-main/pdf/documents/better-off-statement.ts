/**
 * The better-off-in-work statement (charter R11): the calculator's two monthly budgets side by
 * side, the difference in words, and what the figure leaves out. The input is the calculator's
 * output as fixed by shared/domain/better-off-format.md. Pure: snapshot in, definition out.
 * Every sentence and heading comes from the wording tables (better-off-statement.ts,
 * better-off-headings.ts) in English and Welsh.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type {
  BetterOffStatement,
  DocumentOptions,
  TemplateLanguage,
} from '@shared/schemas/documents';
import { bullets, facts, frame, inTurn, para, section } from '../layout';
import { pounds, shortDate } from '../format';
import { BETTER_OFF_HEADINGS, betterOffHeadings } from '../wording/better-off-headings';
import { BETTER_OFF_SENTENCES, type BetterOffSentences } from '../wording/better-off-statement';
import { pageInEach } from '../wording/letter-common';
import { languagesOf } from './induction-letter';

export interface BetterOffSnapshot {
  kind: 'better-off-statement';
  issuedAt: string;
  letterDate: string;
  options: DocumentOptions;
  participant: { givenName: string; familyName: string; referralId: string };
  adviserName: string;
  providerName: string;
  statement: BetterOffStatement;
  /**
   * Set on statements logged since every sentence has Welsh wording: a Welsh reader's statement
   * is then Welsh, then English. Older statements reprint as they were logged.
   */
  welshSentences?: true;
}

type Headings = ReturnType<typeof betterOffHeadings>;

/** One statement in one language's headings and sentences; `notes` says how the notes print. */
function statementIn(
  s: BetterOffSnapshot,
  h: Headings,
  w: BetterOffSentences,
  lang: TemplateLanguage,
  notes: 'as-written' | 'in-english-version' | 'below-in-english',
): Content[] {
  const { job, result: r, taxYear } = s.statement;
  const row = (label: string, out: number | null, inWork: number, bold = false) => [
    { text: label, bold },
    { text: out === null ? '' : pounds(out), alignment: 'right' as const, bold },
    { text: pounds(inWork), alignment: 'right' as const, bold },
  ];
  // The figures are the saved calculation's, from the shared better-off domain: said, never redone.
  const better = r.betterOffMonthly;
  const jobLine = job.annualSalary
    ? `${job.title}, ${w.perYear(pounds(job.annualSalary))}`
    : [
        job.title,
        ...(job.hoursPerWeek ? [`, ${w.hoursPerWeek(job.hoursPerWeek)}`] : []),
        ...(job.hourlyWage ? [` ${w.perHour(pounds(job.hourlyWage))}`] : []),
      ].join('');
  const notesBlock: Content[] =
    r.warnings.length === 0
      ? []
      : notes === 'as-written'
        ? section(h.note, bullets(r.warnings))
        : notes === 'in-english-version'
          ? section(h.note, para(w.notesInEnglish))
          : section(h.note, para(w.notesBelowInEnglish), bullets(r.warnings));
  return [
    { text: h.title, style: 'title' },
    facts(
      [
        [h.name, `${s.participant.givenName} ${s.participant.familyName}`],
        [h.reference, s.participant.referralId],
        [h.job, jobLine],
        [h.taxYear, taxYear],
        [h.workedOutOn, shortDate(s.letterDate, lang)],
      ],
      s.options.largePrint,
    ),
    {
      text: better >= 0 ? w.more(pounds(better)) : w.less(pounds(-better)),
      style: 'heading',
    },
    ...section(
      h.money,
      {
        table: {
          headerRows: 1,
          widths: ['*', 'auto', 'auto'],
          body: [
            [
              { text: '', style: 'label' },
              { text: h.outOfWork, style: 'label', alignment: 'right' },
              { text: h.inWork, style: 'label', alignment: 'right' },
            ],
            row(h.grossPay, null, r.inWork.grossPay),
            row(h.incomeTax, null, -r.inWork.incomeTax),
            row(h.nationalInsurance, null, -r.inWork.nationalInsurance),
            row(h.pension, null, -r.inWork.pension),
            row(h.takeHome, r.outOfWork.takeHomePay, r.inWork.takeHomePay),
            row(h.universalCredit, r.outOfWork.universalCredit, r.inWork.universalCredit),
            row(h.childBenefit, r.outOfWork.childBenefit, r.inWork.childBenefit),
            row(h.childcare, -r.outOfWork.childcareCosts, -r.inWork.childcareCosts),
            row(h.travel, null, -r.inWork.travelToWork),
            row(h.income, r.outOfWork.income, r.inWork.income, true),
          ],
        },
        layout: 'lightHorizontalLines',
        style: 'para',
      },
      para(w.moneyExplained),
    ),
    ...notesBlock,
    ...section(h.whatThisIs, para(w.guide)),
    ...section(h.next, para(w.next(s.adviserName))),
  ];
}

export function buildBetterOffStatement(s: BetterOffSnapshot): TDocumentDefinitions {
  const frameOf = (content: Content[], first: TemplateLanguage, footer: FooterText) =>
    frame({
      largePrint: s.options.largePrint,
      title: `Better-off statement: ${s.participant.referralId}`,
      author: s.providerName,
      issuedAt: s.issuedAt,
      language: first,
      footer,
      content,
    });
  if (!s.welshSentences || s.options.language === 'en')
    // English, or a statement logged before every sentence had Welsh wording: English sentences
    // under 'Welsh / English' headings, exactly as it was printed.
    return frameOf(
      statementIn(
        s,
        betterOffHeadings(s.options.language),
        BETTER_OFF_SENTENCES.en,
        'en',
        'as-written',
      ),
      'en',
      (page, pages) => `${s.participant.referralId} · Page ${page} of ${pages}`,
    );
  // A Welsh reader's statement: the whole of it in Welsh, then (cy-en) the whole in English,
  // each from a new page, like the other letters.
  const langs = languagesOf(s.options);
  const content = inTurn(langs, (lang) =>
    statementIn(
      s,
      BETTER_OFF_HEADINGS[lang],
      BETTER_OFF_SENTENCES[lang],
      lang,
      lang === 'en'
        ? 'as-written'
        : langs.includes('en')
          ? 'in-english-version'
          : 'below-in-english',
    ),
  );
  return frameOf(
    content,
    langs[0]!,
    (page, pages) => `${s.participant.referralId} · ${pageInEach(langs)(page, pages)}`,
  );
}

type FooterText = (page: number, pages: number) => string;
