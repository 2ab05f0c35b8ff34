/**
 * Every sentence of the better-off statement, in English and Welsh; the headings and labels are
 * in better-off-headings.ts. Figures come in already worked out (the shared better-off domain):
 * the wording only says them. The Welsh is FOR REVIEW BY A WELSH SPEAKER.
 *
 * The calculator's notes (src-shared/domain/better-off/calculate.ts) are English sentences with
 * figures in them; until they have Welsh wording, the Welsh letter says where to read them.
 */
import type { TemplateLanguage } from '@shared/schemas/documents';

export interface BetterOffSentences {
  /** The difference, as a whole sentence; `amount` is already formatted ('£123.45'). */
  more: (amount: string) => string;
  less: (amount: string) => string;
  /** Parts of the job line: '£24,000.00 a year', '30 hours a week', 'at £12.21 an hour'. */
  perYear: (amount: string) => string;
  hoursPerWeek: (hours: number) => string;
  perHour: (amount: string) => string;
  moneyExplained: string;
  guide: string;
  next: (adviser: string) => string;
  /** The Welsh letter's note where the calculator's English notes would be. */
  notesInEnglish: string;
  /** A Welsh-only statement prints the English notes under this. */
  notesBelowInEnglish: string;
}

const en: BetterOffSentences = {
  more: (amount) => `You would have about ${amount} a month more in work.`,
  less: (amount) =>
    `You would have about ${amount} a month less in work. Your adviser will talk to you about what could help.`,
  perYear: (amount) => `${amount} a year`,
  hoursPerWeek: (hours) => `${hours} hours a week`,
  perHour: (amount) => `at ${amount} an hour`,
  moneyExplained:
    'Universal Credit already includes any benefit cap reduction. Money to live on is take-home pay, Universal Credit and Child Benefit, less childcare and travel to work.',
  guide:
    'This is a guide, worked out from what you told us and the rates for the tax year. It is not a decision about your benefits: the Department for Work and Pensions decides your Universal Credit.',
  next: (adviser) =>
    `${adviser} will go through this with you. If your hours, pay, rent or childcare change, ask us to work it out again.`,
  notesInEnglish:
    'The notes on these figures are in English, in the English version of this letter.',
  notesBelowInEnglish: 'These notes are in English.',
};

const cy: BetterOffSentences = {
  more: (amount) => `Byddai gennych tua ${amount} y mis yn fwy mewn gwaith.`,
  less: (amount) =>
    `Byddai gennych tua ${amount} y mis yn llai mewn gwaith. Bydd eich cynghorydd yn siarad â chi am beth allai helpu.`,
  perYear: (amount) => `${amount} y flwyddyn`,
  hoursPerWeek: (hours) => `${hours} awr yr wythnos`,
  perHour: (amount) => `ar ${amount} yr awr`,
  moneyExplained:
    'Mae Credyd Cynhwysol eisoes yn cynnwys unrhyw ostyngiad oherwydd y cap ar fudd-daliadau. Arian i fyw arno yw tâl clir, Credyd Cynhwysol a Budd-dal Plant, llai gofal plant a theithio i’r gwaith.',
  guide:
    'Canllaw yw hwn, wedi’i gyfrifo o’r hyn a ddywedoch wrthym a’r cyfraddau ar gyfer y flwyddyn dreth. Nid yw’n benderfyniad am eich budd-daliadau: yr Adran Gwaith a Phensiynau sy’n penderfynu ar eich Credyd Cynhwysol.',
  next: (adviser) =>
    `Bydd ${adviser} yn mynd drwy hwn gyda chi. Os bydd eich oriau, eich cyflog, eich rhent neu eich gofal plant yn newid, gofynnwch i ni ei gyfrifo eto.`,
  notesInEnglish:
    'Mae’r nodiadau am y ffigurau hyn yn Saesneg, yn y fersiwn Saesneg o’r llythyr hwn.',
  notesBelowInEnglish: 'Mae’r nodiadau hyn yn Saesneg.',
};

export const BETTER_OFF_SENTENCES: Record<TemplateLanguage, BetterOffSentences> = { en, cy };
