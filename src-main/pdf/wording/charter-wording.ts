/**
 * The reviewed Welsh wording of each shipped profile's letter promises and complaint route
 * (the profiles in resources/profiles are English only; services/documents/document-charter.ts
 * takes English letters from the governing profile itself). The English here is what the PDF
 * tests' sample letters quote. The Welsh is FOR REVIEW BY A WELSH SPEAKER.
 */
import type { CharterWording, TemplateLanguage } from '@shared/schemas/documents';

type Bilingual = Record<TemplateLanguage, CharterWording>;

const workProgramme: Bilingual = {
  en: {
    profileId: 'work-programme',
    planName: 'Personal Profile and Employment Plan (PPEP)',
    promises: [
      'A Personal Adviser who will listen, help and encourage you.',
      'We will agree your short and long-term job goals with you, and the steps to reach them.',
      'We will meet you in person at least twice a month.',
      'We will review your plan with you every three months.',
      'We will explain how much better off you will be in work.',
      'We will pay reasonable travel costs to and from our meetings.',
      'We will protect the personal information we hold about you.',
    ],
    complaintRoute: [
      { name: 'Us', how: 'Talk to your adviser, call or email the office, or write to us.' },
      {
        name: 'The programme’s performance manager',
        how: 'Ask us for their details if you are still unhappy.',
      },
    ],
  },
  cy: {
    profileId: 'work-programme',
    planName: 'Proffil Personol a Chynllun Cyflogaeth (PPEP)',
    promises: [
      'Cynghorydd Personol a fydd yn gwrando, yn helpu ac yn eich annog.',
      'Byddwn yn cytuno ar eich nodau gwaith tymor byr a thymor hir gyda chi, a’r camau i’w cyrraedd.',
      'Byddwn yn cwrdd â chi wyneb yn wyneb o leiaf ddwywaith y mis.',
      'Byddwn yn adolygu eich cynllun gyda chi bob tri mis.',
      'Byddwn yn esbonio faint yn well eich byd y byddwch chi mewn gwaith.',
      'Byddwn yn talu costau teithio rhesymol i’n cyfarfodydd ac oddi yno.',
      'Byddwn yn diogelu’r wybodaeth bersonol sydd gennym amdanoch chi.',
    ],
    complaintRoute: [
      {
        name: 'Ni',
        how: 'Siaradwch â’ch cynghorydd, ffoniwch neu e-bostiwch y swyddfa, neu ysgrifennwch atom.',
      },
      {
        name: 'Rheolwr perfformiad y rhaglen',
        how: 'Gofynnwch i ni am eu manylion os ydych chi’n dal yn anhapus.',
      },
    ],
  },
};

const noOneLeftBehind: Bilingual = {
  en: {
    profileId: 'no-one-left-behind',
    planName: 'action plan',
    promises: [
      'A service that treats you with dignity and respect: we will listen to you, respect your privacy and make adjustments so the service works for you.',
      'A service that works for you: we will build on the experience you already have and find other support if you need it.',
      'A service that learns and improves: we will ask what you think and change things because of it.',
    ],
    complaintRoute: [
      { name: 'Us', how: 'Talk to your adviser, call or email the office, or write to us.' },
      {
        name: 'The Scottish Government',
        how: 'Call 0800 804 8108 (10am to 4pm, Monday to Friday) or email EmployabilityFeedback@Gov.Scot.',
      },
      {
        name: 'The Scottish Public Services Ombudsman (SPSO)',
        how: 'If you are still unhappy: visit www.spso.org.uk or call 0800 377 7330.',
      },
    ],
  },
  cy: {
    profileId: 'no-one-left-behind',
    planName: 'cynllun gweithredu',
    promises: [
      'Gwasanaeth sy’n eich trin ag urddas a pharch: byddwn yn gwrando arnoch, yn parchu eich preifatrwydd ac yn gwneud addasiadau fel bod y gwasanaeth yn gweithio i chi.',
      'Gwasanaeth sy’n gweithio i chi: byddwn yn adeiladu ar y profiad sydd gennych eisoes ac yn dod o hyd i gymorth arall os oes ei angen arnoch.',
      'Gwasanaeth sy’n dysgu ac yn gwella: byddwn yn gofyn beth rydych chi’n ei feddwl ac yn newid pethau o ganlyniad.',
    ],
    complaintRoute: [
      {
        name: 'Ni',
        how: 'Siaradwch â’ch cynghorydd, ffoniwch neu e-bostiwch y swyddfa, neu ysgrifennwch atom.',
      },
      {
        name: 'Llywodraeth yr Alban',
        how: 'Ffoniwch 0800 804 8108 (10yb i 4yp, dydd Llun i ddydd Gwener) neu e-bostiwch EmployabilityFeedback@Gov.Scot.',
      },
      {
        name: 'Ombwdsmon Gwasanaethau Cyhoeddus yr Alban (SPSO)',
        how: 'Os ydych chi’n dal yn anhapus: ewch i www.spso.org.uk neu ffoniwch 0800 377 7330.',
      },
    ],
  },
};

const BY_PROFILE: Record<string, Bilingual> = {
  'work-programme': workProgramme,
  restart: {
    en: { ...workProgramme.en, profileId: 'restart' },
    cy: { ...workProgramme.cy, profileId: 'restart' },
  },
  'no-one-left-behind': noOneLeftBehind,
};

/** The wording for a participant's charter profile; an unknown profile gets the Work Programme's. */
export function fallbackCharterWording(profileId: string): Bilingual {
  return BY_PROFILE[profileId] ?? workProgramme;
}
