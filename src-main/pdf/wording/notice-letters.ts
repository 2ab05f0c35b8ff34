/**
 * The fixed wording of the letters about one appointment or a change of status: appointment
 * confirmation and change, missed appointment (charter R8), exit and in-work check-in, in
 * English and Welsh. Numbers (days) come from the governing profile and are passed in; dates
 * and times come formatted from src-shared/wording/dates.ts. Plain English, "you" and "we".
 *
 * The missed-appointment letter is neutral on purpose: it says we missed them and how to
 * rebook. It never mentions sanctions, benefits or consequences (test/pdf/letter-notices.test.ts
 * reads the printed letter for such words, in both languages).
 *
 * The Welsh is FOR REVIEW BY A WELSH SPEAKER, like the induction letter's: plain Welsh, "chi".
 */
import type { ExitReason } from '@shared/schemas/participant';
import type { NoticeLetterKind, TemplateLanguage } from '@shared/schemas/documents';

export interface NoticeWording {
  reference: string;
  salutation: (name: string) => string;
  signOff: string;
  to: string;
  labels: {
    date: string;
    time: string;
    place: string;
    room: string;
    contact: string;
    phone: string;
    email: string;
    directions: string;
    transport: string;
  };
  byPhone: string;
  byVideo: string;
  byEmail: string;
  bringHeading: string;
  bring: string[];
  adjustmentsHeading: string;
  adjustmentsIntro: string;
  cannotComeHeading: string;
  cannotCome: (name: string, phone: string, email: string) => string;
  complaintsHeading: string;
  complaintsIntro: string;
  subject: Record<NoticeLetterKind, string>;
  confirmation: { intro: string; meetingHeading: string };
  change: {
    intro: string;
    changedHeading: string;
    /** The old and new appointment, in words. */
    changed: (from: string, to: string) => string;
    /** When the old time is not on record (moved before Waymark kept it). */
    changedUnknown: string;
    meetingHeading: string;
  };
  missed: {
    intro: (when: string) => string;
    nowHeading: string;
    call: (days: number) => string;
    rebookHeading: string;
    rebook: (name: string, phone: string, email: string) => string;
    hardToCome: string;
  };
  exit: {
    intro: string;
    ended: (date: string) => string;
    nextHeading: string;
    next: Record<'in-work' | 'moved-away' | 'other', string>;
    keepInTouchHeading: string;
    keepInTouch: (phone: string, email: string) => string;
  };
  inWork: {
    intro: string;
    checkInHeading: string;
    checkIn: string;
    offerHeading: string;
    offer: string[];
    often: (days: number) => string;
  };
}

const en: NoticeWording = {
  reference: 'Our reference',
  salutation: (name) => `Dear ${name},`,
  signOff: 'Yours sincerely,',
  to: 'to',
  labels: {
    date: 'Date',
    time: 'Time',
    place: 'Place',
    room: 'Room',
    contact: 'Who you will meet',
    phone: 'Phone',
    email: 'Email',
    directions: 'How to find us',
    transport: 'Bus and train',
  },
  byPhone: 'By phone. We will call you on the number you gave us.',
  byVideo: 'By video. We will send you a link to join.',
  byEmail: 'By email. We will write to the email address you gave us.',
  bringHeading: 'What to bring',
  bring: [
    'This letter.',
    'Your glasses, hearing aids or anything else you use day to day.',
    'Anything we asked you to bring last time.',
  ],
  adjustmentsHeading: 'Changes we have made for you',
  adjustmentsIntro:
    'You told us about these needs. We have planned your meeting around them. Tell us if anything has changed.',
  cannotComeHeading: 'If you cannot come',
  cannotCome: (name, phone, email) =>
    `Call ${name} on ${phone} or email ${email} as soon as you can. We will find a time that works for you.`,
  complaintsHeading: 'Feedback and complaints',
  complaintsIntro:
    'We want to hear what you think, good or bad. Telling us will never affect your support. If you are unhappy, follow these steps in order:',
  subject: {
    'appointment-confirmation': 'Your appointment with us',
    'appointment-change': 'Your appointment has changed',
    'missed-appointment': 'We missed you at your appointment',
    'exit-letter': 'Leaving the programme',
    'in-work-check-in': 'Keeping in touch now you are working',
  },
  confirmation: {
    intro: 'This letter confirms your next appointment with us. Please keep it somewhere safe.',
    meetingHeading: 'Your appointment',
  },
  change: {
    intro: 'We have changed your appointment. Please use the new details in this letter.',
    changedHeading: 'What has changed',
    changed: (from, to) => `Your appointment was on ${from}. It is now on ${to}.`,
    changedUnknown: 'The date or time of your appointment has changed. The new details are below.',
    meetingHeading: 'Your new appointment',
  },
  missed: {
    intro: (when) =>
      `We were sorry not to see you at your appointment on ${when}. We hope you are all right.`,
    nowHeading: 'What happens now',
    call: (days) =>
      `We will try to phone you within ${days} days of the appointment, to see how you are and to find a new time together.`,
    rebookHeading: 'How to book a new appointment',
    rebook: (name, phone, email) =>
      `Call ${name} on ${phone} or email ${email}. We can meet at a time and place that suits you, or talk by phone.`,
    hardToCome:
      'If something made it hard to come, such as your health, caring for someone or the cost of travel, please tell us. We may be able to help.',
  },
  exit: {
    intro: 'You have now left the programme with us. Thank you for the time you spent with us.',
    ended: (date) => `Your time on the programme ended on ${date}.`,
    nextHeading: 'What happens next',
    next: {
      'in-work':
        'Well done on your job. Jobcentre Plus will let you know if there is anything you need to do.',
      'moved-away':
        'If you still want support where you live now, your Jobcentre Plus work coach can tell you what is available.',
      other:
        'Your Jobcentre Plus work coach will talk to you about any other support you may want.',
    },
    keepInTouchHeading: 'Keeping in touch',
    keepInTouch: (phone, email) =>
      `You can still call us on ${phone} or email ${email} if you have a question about your time with us, or to ask for a copy of the information we hold about you.`,
  },
  inWork: {
    intro: 'Congratulations on your job. We are still here to help you settle in and keep it.',
    checkInHeading: 'Your next check-in',
    checkIn: 'We would like to check in with you to hear how work is going.',
    offerHeading: 'Support while you are in work',
    offer: [
      'Help with anything that makes work harder, such as travel, childcare or money.',
      'Advice if your hours, pay or job change.',
      'Help to talk to your employer about changes that would help you at work.',
    ],
    often: (days) =>
      `While you are getting in-work support, we will keep in touch at least every ${days} days.`,
  },
};

const cy: NoticeWording = {
  reference: 'Ein cyfeirnod',
  salutation: (name) => `Annwyl ${name},`,
  signOff: 'Yn gywir,',
  to: 'i',
  labels: {
    date: 'Dyddiad',
    time: 'Amser',
    place: 'Lle',
    room: 'Ystafell',
    contact: 'Pwy fyddwch chi’n ei gwrdd',
    phone: 'Ffôn',
    email: 'E-bost',
    directions: 'Sut i ddod o hyd i ni',
    transport: 'Bws a thrên',
  },
  byPhone: 'Dros y ffôn. Byddwn yn eich ffonio ar y rhif a roesoch chi i ni.',
  byVideo: 'Drwy fideo. Byddwn yn anfon dolen atoch i ymuno.',
  byEmail: 'Drwy e-bost. Byddwn yn ysgrifennu i’r cyfeiriad e-bost a roesoch chi i ni.',
  bringHeading: 'Beth i ddod gyda chi',
  bring: [
    'Y llythyr hwn.',
    'Eich sbectol, cymhorthion clyw neu unrhyw beth arall rydych chi’n ei ddefnyddio bob dydd.',
    'Unrhyw beth y gwnaethom ofyn i chi ddod gyda chi y tro diwethaf.',
  ],
  adjustmentsHeading: 'Newidiadau rydyn ni wedi’u gwneud i chi',
  adjustmentsIntro:
    'Fe ddywedoch chi wrthym am yr anghenion hyn. Rydyn ni wedi cynllunio eich cyfarfod o’u cwmpas. Rhowch wybod i ni os oes unrhyw beth wedi newid.',
  cannotComeHeading: 'Os na allwch ddod',
  cannotCome: (name, phone, email) =>
    `Ffoniwch ${name} ar ${phone} neu anfonwch e-bost at ${email} cyn gynted ag y gallwch. Byddwn yn dod o hyd i amser sy’n gyfleus i chi.`,
  complaintsHeading: 'Adborth a chwynion',
  complaintsIntro:
    'Rydyn ni eisiau clywed beth rydych chi’n ei feddwl, da neu ddrwg. Ni fydd dweud wrthym byth yn effeithio ar eich cymorth. Os ydych chi’n anhapus, dilynwch y camau hyn yn eu trefn:',
  subject: {
    'appointment-confirmation': 'Eich apwyntiad gyda ni',
    'appointment-change': 'Mae eich apwyntiad wedi newid',
    'missed-appointment': 'Gwnaethom eich colli yn eich apwyntiad',
    'exit-letter': 'Gadael y rhaglen',
    'in-work-check-in': 'Cadw mewn cysylltiad nawr eich bod yn gweithio',
  },
  confirmation: {
    intro:
      'Mae’r llythyr hwn yn cadarnhau eich apwyntiad nesaf gyda ni. Cadwch ef yn rhywle diogel.',
    meetingHeading: 'Eich apwyntiad',
  },
  change: {
    intro: 'Rydyn ni wedi newid eich apwyntiad. Defnyddiwch y manylion newydd yn y llythyr hwn.',
    changedHeading: 'Beth sydd wedi newid',
    changed: (from, to) => `Roedd eich apwyntiad ar ${from}. Mae nawr ar ${to}.`,
    changedUnknown: 'Mae dyddiad neu amser eich apwyntiad wedi newid. Mae’r manylion newydd isod.',
    meetingHeading: 'Eich apwyntiad newydd',
  },
  missed: {
    intro: (when) =>
      `Roedd yn ddrwg gennym beidio â’ch gweld yn eich apwyntiad ar ${when}. Gobeithio eich bod chi’n iawn.`,
    nowHeading: 'Beth sy’n digwydd nawr',
    call: (days) =>
      `Byddwn yn ceisio eich ffonio o fewn ${days} diwrnod i’r apwyntiad, i weld sut rydych chi ac i ddod o hyd i amser newydd gyda’n gilydd.`,
    rebookHeading: 'Sut i drefnu apwyntiad newydd',
    rebook: (name, phone, email) =>
      `Ffoniwch ${name} ar ${phone} neu anfonwch e-bost at ${email}. Gallwn gwrdd ar amser ac mewn lle sy’n gyfleus i chi, neu siarad dros y ffôn.`,
    hardToCome:
      'Os oedd rhywbeth yn ei gwneud yn anodd dod, fel eich iechyd, gofalu am rywun neu gost teithio, rhowch wybod i ni. Efallai y gallwn helpu.',
  },
  exit: {
    intro:
      'Rydych chi bellach wedi gadael y rhaglen gyda ni. Diolch am yr amser a dreuliasoch gyda ni.',
    ended: (date) => `Daeth eich amser ar y rhaglen i ben ar ${date}.`,
    nextHeading: 'Beth sy’n digwydd nesaf',
    next: {
      'in-work':
        'Llongyfarchiadau ar eich swydd. Bydd y Ganolfan Byd Gwaith yn rhoi gwybod i chi os oes unrhyw beth y mae angen i chi ei wneud.',
      'moved-away':
        'Os ydych chi’n dal eisiau cymorth lle rydych chi’n byw nawr, gall eich anogwr gwaith yn y Ganolfan Byd Gwaith ddweud wrthych beth sydd ar gael.',
      other:
        'Bydd eich anogwr gwaith yn y Ganolfan Byd Gwaith yn siarad â chi am unrhyw gymorth arall y gallai fod ei eisiau arnoch.',
    },
    keepInTouchHeading: 'Cadw mewn cysylltiad',
    keepInTouch: (phone, email) =>
      `Gallwch ein ffonio ar ${phone} neu anfon e-bost at ${email} o hyd os oes gennych gwestiwn am eich amser gyda ni, neu i ofyn am gopi o’r wybodaeth sydd gennym amdanoch chi.`,
  },
  inWork: {
    intro: 'Llongyfarchiadau ar eich swydd. Rydyn ni yma o hyd i’ch helpu i setlo ac i’w chadw.',
    checkInHeading: 'Eich sgwrs nesaf gyda ni',
    checkIn: 'Hoffem gysylltu â chi i glywed sut mae’r gwaith yn mynd.',
    offerHeading: 'Cymorth tra byddwch chi mewn gwaith',
    offer: [
      'Help gydag unrhyw beth sy’n gwneud gwaith yn anoddach, fel teithio, gofal plant neu arian.',
      'Cyngor os bydd eich oriau, eich cyflog neu eich swydd yn newid.',
      'Help i siarad â’ch cyflogwr am newidiadau a fyddai’n eich helpu yn y gwaith.',
    ],
    often: (days) =>
      `Tra byddwch chi’n cael cymorth mewn gwaith, byddwn yn cadw mewn cysylltiad o leiaf bob ${days} diwrnod.`,
  },
};

export const NOTICE_WORDING: Record<TemplateLanguage, NoticeWording> = { en, cy };

/** Which "what happens next" an exit letter prints for the recorded exit reason. */
export function exitNextFor(reason: ExitReason | null): keyof NoticeWording['exit']['next'] {
  if (reason === 'sustained-employment') return 'in-work';
  if (reason === 'moved-away') return 'moved-away';
  return 'other';
}

/**
 * Words a missed-appointment letter must never carry: threats of sanction, benefits stopped or
 * cut, penalties. Checked on the profile's own `letters.dnaFollowUp` before it is printed, and
 * by the tests on the printed letter.
 */
export const SANCTION_WORDING =
  /sanction|benefits?\s+(may\s+|will\s+|could\s+)?(be\s+)?(stop|cut|reduc|suspend)|penalt|consequence|cosb|budd-?dal/i;
