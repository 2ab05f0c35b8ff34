/**
 * The better-off-in-work statement (charter R11): the calculator's two monthly budgets side by
 * side, the difference in words, and what the figure leaves out. The input is the calculator's
 * output as fixed by shared/domain/better-off-format.md. Pure: snapshot in, definition out.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { BetterOffStatement, DocumentOptions } from '@shared/schemas/documents';
import { bullets, facts, frame, para, section } from '../layout';
import { pounds, shortDate } from '../format';
import { betterOffHeadings } from '../wording/better-off-headings';

export interface BetterOffSnapshot {
  kind: 'better-off-statement';
  issuedAt: string;
  letterDate: string;
  options: DocumentOptions;
  participant: { givenName: string; familyName: string; referralId: string };
  adviserName: string;
  providerName: string;
  statement: BetterOffStatement;
}

export function buildBetterOffStatement(s: BetterOffSnapshot): TDocumentDefinitions {
  const { job, result: r, taxYear } = s.statement;
  const row = (label: string, out: number | null, inWork: number, bold = false) => [
    { text: label, bold },
    { text: out === null ? '' : pounds(out), alignment: 'right' as const, bold },
    { text: pounds(inWork), alignment: 'right' as const, bold },
  ];
  const better = r.betterOffMonthly;
  // Statements logged before Welsh headings say 'en', so they reprint unchanged.
  const h = betterOffHeadings(s.options.language);
  const jobLine = job.annualSalary
    ? `${job.title}, ${pounds(job.annualSalary)} a year`
    : `${job.title}${job.hoursPerWeek ? `, ${job.hoursPerWeek} hours a week` : ''}${job.hourlyWage ? ` at ${pounds(job.hourlyWage)} an hour` : ''}`;
  const content: Content[] = [
    { text: h.title, style: 'title' },
    facts(
      [
        [h.name, `${s.participant.givenName} ${s.participant.familyName}`],
        [h.reference, s.participant.referralId],
        [h.job, jobLine],
        [h.taxYear, taxYear],
        [h.workedOutOn, shortDate(s.letterDate, 'en')],
      ],
      s.options.largePrint,
    ),
    {
      text:
        better >= 0
          ? `You would have about ${pounds(better)} a month more in work.`
          : `You would have about ${pounds(-better)} a month less in work. Your adviser will talk to you about what could help.`,
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
      para(
        'Universal Credit already includes any benefit cap reduction. Money to live on is take-home pay, Universal Credit and Child Benefit, less childcare and travel to work.',
      ),
    ),
    ...(r.warnings.length > 0 ? section(h.note, bullets(r.warnings)) : []),
    ...section(
      h.whatThisIs,
      para(
        'This is a guide, worked out from what you told us and the rates for the tax year. It is not a decision about your benefits: the Department for Work and Pensions decides your Universal Credit.',
      ),
    ),
    ...section(
      h.next,
      para(
        `${s.adviserName} will go through this with you. If your hours, pay, rent or childcare change, ask us to work it out again.`,
      ),
    ),
  ];
  return frame({
    largePrint: s.options.largePrint,
    title: `Better-off statement: ${s.participant.referralId}`,
    author: s.providerName,
    issuedAt: s.issuedAt,
    language: 'en',
    footer: (page, pages) => `${s.participant.referralId} · Page ${page} of ${pages}`,
    content,
  });
}
