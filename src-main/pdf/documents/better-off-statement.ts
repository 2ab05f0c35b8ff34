/**
 * The better-off-in-work statement (charter R11): the calculator's two monthly budgets side by
 * side, the difference in words, and what the figure leaves out. The input is the calculator's
 * output as fixed by shared/domain/better-off-format.md. Pure: snapshot in, definition out.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { BetterOffStatement, DocumentOptions } from '@shared/schemas/documents';
import { bullets, facts, frame, para, section } from '../layout';
import { pounds, shortDate } from '../format';

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
  const jobLine = job.annualSalary
    ? `${job.title}, ${pounds(job.annualSalary)} a year`
    : `${job.title}${job.hoursPerWeek ? `, ${job.hoursPerWeek} hours a week` : ''}${job.hourlyWage ? ` at ${pounds(job.hourlyWage)} an hour` : ''}`;
  const content: Content[] = [
    { text: 'How much better off you could be in work', style: 'title' },
    facts(
      [
        ['Name', `${s.participant.givenName} ${s.participant.familyName}`],
        ['Reference', s.participant.referralId],
        ['Job', jobLine],
        ['Tax year', taxYear],
        ['Worked out on', shortDate(s.letterDate, 'en')],
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
      'Your money each month',
      {
        table: {
          headerRows: 1,
          widths: ['*', 'auto', 'auto'],
          body: [
            [
              { text: '', style: 'label' },
              { text: 'Out of work', style: 'label', alignment: 'right' },
              { text: 'In work', style: 'label', alignment: 'right' },
            ],
            row('Pay before deductions', null, r.inWork.grossPay),
            row('Income Tax', null, -r.inWork.incomeTax),
            row('National Insurance', null, -r.inWork.nationalInsurance),
            row('Pension', null, -r.inWork.pension),
            row('Take-home pay', r.outOfWork.takeHomePay, r.inWork.takeHomePay),
            row('Universal Credit', r.outOfWork.universalCredit, r.inWork.universalCredit),
            row('Child Benefit', r.outOfWork.childBenefit, r.inWork.childBenefit),
            row('Childcare you pay', -r.outOfWork.childcareCosts, -r.inWork.childcareCosts),
            row('Travel to work', null, -r.inWork.travelToWork),
            row('Money to live on', r.outOfWork.income, r.inWork.income, true),
          ],
        },
        layout: 'lightHorizontalLines',
        style: 'para',
      },
      para(
        'Universal Credit already includes any benefit cap reduction. Money to live on is take-home pay, Universal Credit and Child Benefit, less childcare and travel to work.',
      ),
    ),
    ...(r.warnings.length > 0 ? section('Please note', bullets(r.warnings)) : []),
    ...section(
      'What this is',
      para(
        'This is a guide, worked out from what you told us and the rates for the tax year. It is not a decision about your benefits: the Department for Work and Pensions decides your Universal Credit.',
      ),
    ),
    ...section(
      'What happens next',
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
