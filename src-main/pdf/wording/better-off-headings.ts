/**
 * The better-off statement's headings and labels in English and Welsh. A statement for someone
 * who reads Welsh prints each heading and label in Welsh, then English ("Eich arian bob mis /
 * Your money each month") on statements logged before the whole statement was written in Welsh;
 * newer ones print a Welsh statement, then the English one (better-off-statement.ts has the
 * sentences). The Welsh is FOR REVIEW BY A WELSH SPEAKER.
 */
import type { DocumentLanguage, TemplateLanguage } from '@shared/schemas/documents';

const en = {
  title: 'How much better off you could be in work',
  name: 'Name',
  reference: 'Reference',
  job: 'Job',
  taxYear: 'Tax year',
  workedOutOn: 'Worked out on',
  money: 'Your money each month',
  outOfWork: 'Out of work',
  inWork: 'In work',
  grossPay: 'Pay before deductions',
  incomeTax: 'Income Tax',
  nationalInsurance: 'National Insurance',
  pension: 'Pension',
  takeHome: 'Take-home pay',
  universalCredit: 'Universal Credit',
  childBenefit: 'Child Benefit',
  childcare: 'Childcare you pay',
  travel: 'Travel to work',
  income: 'Money to live on',
  note: 'Please note',
  whatThisIs: 'What this is',
  next: 'What happens next',
};
type Headings = typeof en;

const cy: Headings = {
  title: 'Faint yn well eich byd y gallech fod mewn gwaith',
  name: 'Enw',
  reference: 'Cyfeirnod',
  job: 'Swydd',
  taxYear: 'Blwyddyn dreth',
  workedOutOn: 'Wedi’i gyfrifo ar',
  money: 'Eich arian bob mis',
  outOfWork: 'Allan o waith',
  inWork: 'Mewn gwaith',
  grossPay: 'Tâl cyn didyniadau',
  incomeTax: 'Treth Incwm',
  nationalInsurance: 'Yswiriant Gwladol',
  pension: 'Pensiwn',
  takeHome: 'Tâl clir',
  universalCredit: 'Credyd Cynhwysol',
  childBenefit: 'Budd-dal Plant',
  childcare: 'Gofal plant rydych chi’n ei dalu',
  travel: 'Teithio i’r gwaith',
  income: 'Arian i fyw arno',
  note: 'Sylwch',
  whatThisIs: 'Beth yw hwn',
  next: 'Beth sy’n digwydd nesaf',
};

export const BETTER_OFF_HEADINGS: Record<TemplateLanguage, Headings> = { en, cy };

/** The headings of a statement logged before it was bilingual: English, or 'Welsh / English'. */
export function betterOffHeadings(language: DocumentLanguage): Headings {
  if (language === 'en') return en;
  return Object.fromEntries(
    (Object.keys(en) as (keyof Headings)[]).map((k) => [k, `${cy[k]} / ${en[k]}`]),
  ) as Headings;
}
