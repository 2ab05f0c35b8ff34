/**
 * The complaint letters' wording (acknowledgement and response), in English and Welsh. The
 * route's stage names and contacts come from the charter profile and are printed as recorded.
 * The Welsh is FOR REVIEW BY A WELSH SPEAKER.
 */
import type { TemplateLanguage } from '@shared/schemas/documents';

export interface ComplaintWording {
  hello: string;
  dear: (name: string) => string;
  date: string;
  from: string;
  ackTitle: string;
  ackThanks: (received: string, about: string) => string;
  next: string;
  willReplyBy: (stage: string, due: string) => string;
  willReply: (stage: string) => string;
  responseTitle: string;
  responseIntro: (received: string, about: string) => string;
  response: string;
  stillUnhappy: (next: string, contact: string) => string;
  target: (days: number) => string;
  routeGoesOn: (names: string) => string;
  andThen: string;
  lastStage: string;
  signOff: string;
  pdfTitle: Record<'acknowledgement' | 'response', string>;
}

const en: ComplaintWording = {
  hello: 'Hello',
  dear: (name) => `Dear ${name}`,
  date: 'Date',
  from: 'From',
  ackTitle: 'We have received your complaint',
  ackThanks: (received, about) =>
    `Thank you for telling us. We received your complaint on ${received} about: ${about}.`,
  next: 'What happens next',
  willReplyBy: (stage, due) => `${stage} will look into it and reply to you by ${due}.`,
  willReply: (stage) => `${stage} will look into it and reply to you.`,
  responseTitle: 'Our response to your complaint',
  responseIntro: (received, about) =>
    `You complained to us on ${received} about: ${about}. This is our response.`,
  response: 'Our response',
  stillUnhappy: (next, contact) =>
    `If you are still unhappy, you can take your complaint to ${next}. ${contact}`,
  target: (days) => ` They aim to reply within ${days} working ${days === 1 ? 'day' : 'days'}.`,
  routeGoesOn: (names) =>
    `If that does not put things right, the complaints route goes on to ${names}.`,
  andThen: 'and then',
  lastStage: 'This was the last stage of the complaints route.',
  signOff: 'Yours sincerely,',
  pdfTitle: { acknowledgement: 'Complaint received', response: 'Response to your complaint' },
};

const cy: ComplaintWording = {
  hello: 'Helo',
  dear: (name) => `Annwyl ${name}`,
  date: 'Dyddiad',
  from: 'Oddi wrth',
  ackTitle: 'Rydyn ni wedi cael eich cwyn',
  ackThanks: (received, about) =>
    `Diolch am ddweud wrthym. Cawsom eich cwyn ar ${received} am: ${about}.`,
  next: 'Beth sy’n digwydd nesaf',
  willReplyBy: (stage, due) => `Bydd ${stage} yn edrych arni ac yn ateb erbyn ${due}.`,
  willReply: (stage) => `Bydd ${stage} yn edrych arni ac yn eich ateb.`,
  responseTitle: 'Ein hymateb i’ch cwyn',
  responseIntro: (received, about) =>
    `Gwnaethoch gwyno i ni ar ${received} am: ${about}. Dyma ein hymateb.`,
  response: 'Ein hymateb',
  stillUnhappy: (next, contact) =>
    `Os ydych chi’n dal yn anhapus, gallwch fynd â’ch cwyn at ${next}. ${contact}`,
  target: (days) => ` Maen nhw’n anelu at ateb o fewn ${days} diwrnod gwaith.`,
  routeGoesOn: (names) =>
    `Os na fydd hynny’n datrys pethau, mae’r drefn gwyno yn mynd ymlaen at ${names}.`,
  andThen: 'ac yna',
  lastStage: 'Hwn oedd cam olaf y drefn gwyno.',
  signOff: 'Yn gywir,',
  pdfTitle: { acknowledgement: 'Cwyn wedi dod i law', response: 'Ymateb i’ch cwyn' },
};

export const COMPLAINT_WORDING: Record<TemplateLanguage, ComplaintWording> = { en, cy };
