/**
 * The Easy Read induction letter's wording: short sentences, one idea a line, plain words, in
 * English and Welsh. Fixed (not provider-editable), so it stays Easy Read. Values (dates, times,
 * names) are passed in already formatted. The Welsh is FOR REVIEW BY A WELSH SPEAKER.
 */
import type { TemplateLanguage } from '@shared/schemas/documents';

export interface EasyReadWording {
  title: string;
  hello: (name: string) => string;
  intro: string[];
  whenHeading: string;
  on: (date: string) => string;
  at: (time: string) => string;
  ends: (time: string) => string;
  whereHeading: string;
  whoHeading: string;
  who: (name: string) => string;
  bringHeading: string;
  bring: string[];
  metHeading: string;
  metIntro: string[];
  otherHeading: string;
  otherIntro: string;
  cannotComeHeading: string;
  cannotCome: (phone: string, email: string) => string[];
  unhappyHeading: string;
  unhappy: string[];
  alsoTell: string;
  from: string;
}

const en: EasyReadWording = {
  title: 'Your first meeting with us',
  hello: (name) => `Hello ${name}.`,
  intro: [
    'We want to help you find work.',
    'Jobcentre Plus asked us to help you.',
    'Please come to a meeting with us.',
  ],
  whenHeading: 'When',
  on: (date) => `${date}.`,
  at: (time) => `The meeting starts at ${time}.`,
  ends: (time) => `It ends at ${time}.`,
  whereHeading: 'Where',
  whoHeading: 'Who you will meet',
  who: (name) => `You will meet ${name}.`,
  bringHeading: 'Please bring',
  bring: [
    'This letter.',
    'Something with your name on it, like a bank card.',
    'Your glasses or hearing aids, if you use them.',
  ],
  metHeading: 'Your needs',
  metIntro: ['You told us what you need.', 'We have planned for this:'],
  otherHeading: 'Needs you told us about',
  otherIntro: 'Please call us if we need to do something for these:',
  cannotComeHeading: 'If you cannot come',
  cannotCome: (phone, email) => ['Please tell us.', `Phone ${phone}.`, `Or email ${email}.`],
  unhappyHeading: 'If you are not happy',
  unhappy: ['Please tell us.', 'It will not change the help you get.'],
  alsoTell: 'You can also tell:',
  from: 'From',
};

const cy: EasyReadWording = {
  title: 'Eich cyfarfod cyntaf gyda ni',
  hello: (name) => `Helo ${name}.`,
  intro: [
    'Rydyn ni eisiau eich helpu i gael gwaith.',
    'Gofynnodd y Ganolfan Byd Gwaith i ni eich helpu.',
    'Dewch i gyfarfod gyda ni.',
  ],
  whenHeading: 'Pryd',
  on: (date) => `${date}.`,
  at: (time) => `Mae’r cyfarfod yn dechrau am ${time}.`,
  ends: (time) => `Mae’n gorffen am ${time}.`,
  whereHeading: 'Ble',
  whoHeading: 'Pwy fyddwch chi’n ei gwrdd',
  who: (name) => `Byddwch chi’n cwrdd â ${name}.`,
  bringHeading: 'Dewch â',
  bring: [
    'Y llythyr hwn.',
    'Rhywbeth gyda’ch enw arno, fel cerdyn banc.',
    'Eich sbectol neu gymhorthion clyw, os ydych chi’n eu defnyddio.',
  ],
  metHeading: 'Eich anghenion',
  metIntro: [
    'Fe ddywedoch chi wrthym beth sydd ei angen arnoch.',
    'Rydyn ni wedi cynllunio ar gyfer hyn:',
  ],
  otherHeading: 'Anghenion rydych chi wedi sôn amdanyn nhw',
  otherIntro: 'Ffoniwch ni os oes angen i ni wneud rhywbeth ar gyfer y rhain:',
  cannotComeHeading: 'Os na allwch ddod',
  cannotCome: (phone, email) => [
    'Rhowch wybod i ni.',
    `Ffoniwch ${phone}.`,
    `Neu anfonwch e-bost at ${email}.`,
  ],
  unhappyHeading: 'Os nad ydych chi’n hapus',
  unhappy: ['Rhowch wybod i ni.', 'Ni fydd yn newid yr help a gewch.'],
  alsoTell: 'Gallwch hefyd ddweud wrth:',
  from: 'Oddi wrth',
};

export const EASY_READ_WORDING: Record<TemplateLanguage, EasyReadWording> = { en, cy };
