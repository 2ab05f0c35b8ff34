/**
 * The induction letter (charter R2 and R3): where, when, how to get there, support, contact,
 * what to bring, the participant's adjustments, the profile's promises and what is expected,
 * how to rearrange, what happens next, feedback and complaints, and a privacy notice.
 * Pure: a snapshot in, a pdfmake document definition out. The snapshot is what the letter log
 * keeps, so a reprint builds exactly the same definition.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type {
  CharterWording,
  DocumentOptions,
  InductionTemplate,
  TemplateLanguage,
} from '@shared/schemas/documents';
import {
  addressBlock,
  bullets,
  facts,
  frame,
  inTurn,
  officeLines,
  keepTogether,
  letterHead,
  para,
  section,
} from '../layout';
import { NEEDS_WORDING, pageInEach } from '../wording/letter-common';
import { clockTime, longDate, shortDate } from '../format';
import { merge, type MergeValues } from '../merge';
import { buildEasyReadInduction } from './easy-read-induction';
import { meetingsAMonth } from '@shared/wording/labels';

export interface PostalAddress {
  line1: string;
  line2?: string | undefined;
  town: string;
  county?: string | undefined;
  postcode: string;
}

export interface InductionLetterData {
  /** ISO instant the letter was issued: its date, and the PDF's fixed metadata. */
  issuedAt: string;
  /** The letter's civil date (Europe/London) at issue. */
  letterDate: string;
  participant: {
    givenName: string;
    familyName: string;
    preferredName: string | null;
    referralId: string;
    address: PostalAddress;
    adjustments: string;
    /**
     * The needs the booking was seen to meet (printed as planned for) and the rest (printed
     * without that claim). Absent in letters logged before the check: those list every need
     * as they always did, so they reprint byte-identically.
     */
    adjustmentsMet?: string[];
    adjustmentsOther?: string[];
  };
  office: {
    name: string;
    address: PostalAddress;
    phone: string;
    email: string;
    publicTransport: string;
    parking: string;
    stepFree: boolean;
    accessNotes: string;
    supportOffered: string;
  };
  /** Europe/London wall-clock 'YYYY-MM-DDTHH:MM'. */
  appointment: { start: string; end: string };
  contact: { name: string };
}

export interface InductionLetterSnapshot {
  kind: 'induction-letter';
  data: InductionLetterData;
  options: DocumentOptions;
  templates: Partial<Record<TemplateLanguage, { version: number; body: InductionTemplate }>>;
  charter: Partial<Record<TemplateLanguage, CharterWording>>;
}

/** One line of the adjustments field is one need. */
export const adjustmentLines = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');

export const languagesOf = (o: DocumentOptions): TemplateLanguage[] =>
  o.language === 'cy-en' ? ['cy', 'en'] : [o.language];

const oneLine = (a: PostalAddress) =>
  [a.line1, a.line2, a.town, a.postcode].filter((l) => l && l.trim() !== '').join(', ');

function mergeValues(
  d: InductionLetterData,
  lang: TemplateLanguage,
  charter: Pick<CharterWording, 'planName' | 'missedContactDays' | 'meetingsPerMonth'>,
): MergeValues {
  const p = d.participant;
  return {
    'participant.preferredName': p.preferredName ?? p.givenName,
    'participant.givenName': p.givenName,
    'participant.familyName': p.familyName,
    'participant.fullName': `${p.givenName} ${p.familyName}`,
    'participant.referralId': p.referralId,
    'office.name': d.office.name,
    'office.address': oneLine(d.office.address),
    'office.phone': d.office.phone,
    'office.email': d.office.email,
    'appointment.date': longDate(d.appointment.start.slice(0, 10), lang),
    'appointment.time': clockTime(d.appointment.start.slice(11), lang),
    'contact.name': d.contact.name,
    'plan.name': charter.planName,
    'charter.missedContactDays': String(charter.missedContactDays ?? ''),
    'charter.meetingsAMonth':
      charter.meetingsPerMonth === undefined ? '' : meetingsAMonth(charter.meetingsPerMonth, lang),
    'letter.date': shortDate(d.letterDate, lang),
  };
}

const REFERENCE = { en: 'Our reference', cy: 'Ein cyfeirnod' } as const;
const TO = { en: 'to', cy: 'i' } as const;

function letterIn(s: InductionLetterSnapshot, lang: TemplateLanguage): Content[] {
  const t = s.templates[lang]?.body;
  const charter = s.charter[lang] ?? s.charter.en;
  if (!t || !charter) throw new Error(`The letter has no ${lang} wording`);
  const d = s.data;
  const m = (wording: string) => merge(wording, mergeValues(d, lang, charter));
  const profileLetters = charter.letters ?? {};
  const o = d.office;
  const start = d.appointment.start;
  const large = s.options.largePrint;
  const travel: [string, string][] = [];
  if (o.publicTransport) travel.push([t.labels.publicTransport, o.publicTransport]);
  if (o.parking) travel.push([t.labels.parking, o.parking]);
  travel.push([
    t.labels.stepFree,
    [o.stepFree ? t.labels.stepFreeYes : t.labels.stepFreeNo, o.accessNotes]
      .filter((x) => x)
      .join(' '),
  ]);

  return [
    ...letterHead([
      ...officeLines(o),
      '',
      shortDate(d.letterDate, lang),
      `${REFERENCE[lang]}: ${d.participant.referralId}`,
    ]),
    addressBlock([
      `${d.participant.givenName} ${d.participant.familyName}`,
      d.participant.address.line1,
      d.participant.address.line2 ?? '',
      d.participant.address.town,
      d.participant.address.county ?? '',
      d.participant.address.postcode,
    ]),
    { text: m(t.subject), style: 'title' },
    para(m(t.salutation)),
    para(m(t.intro)),
    ...section(
      m(t.meetingHeading),
      facts(
        [
          [t.labels.date, longDate(start.slice(0, 10), lang)],
          [
            t.labels.time,
            `${clockTime(start.slice(11), lang)} ${TO[lang]} ${clockTime(d.appointment.end.slice(11), lang)}`,
          ],
          [t.labels.place, `${o.name}, ${oneLine(o.address)}`],
          [t.labels.contact, d.contact.name],
          [t.labels.phone, o.phone],
          [t.labels.email, o.email],
        ],
        large,
      ),
    ),
    ...section(m(t.travelHeading), facts(travel, large)),
    ...section(
      m(t.supportHeading),
      para(m(t.supportIntro)),
      ...(o.supportOffered ? [para(o.supportOffered)] : []),
    ),
    ...section(m(t.bringHeading), bullets(t.bring.map(m))),
    ...adjustmentSections(d.participant, lang, m(t.adjustmentsHeading), m(t.adjustmentsIntro)),
    ...section(m(t.promisesHeading), bullets(charter.promises)),
    ...section(m(t.expectedHeading), bullets(t.expected.map(m))),
    ...section(m(t.rearrangeHeading), para(m(t.rearrange))),
    ...section(
      m(t.nextHeading),
      para(m(t.next)),
      ...(profileLetters.whatHappensNext ? [para(profileLetters.whatHappensNext)] : []),
    ),
    ...section(
      m(t.complaintsHeading),
      para(m(t.complaintsIntro)),
      {
        ol: charter.complaintRoute.map((step) => `${step.name}: ${step.how}`),
        style: 'para',
      },
      ...(profileLetters.feedback ? [para(profileLetters.feedback)] : []),
    ),
    // The last section and the signature stay together, so no page holds only a name.
    keepTogether(
      ...section(m(t.privacyHeading), para(m(t.privacy))),
      { text: m(t.signOff), margin: [0, 12, 0, 24] },
      { text: d.contact.name, bold: true },
      ...(profileLetters.signOff ? [{ text: profileLetters.signOff }] : []),
      { text: o.name },
    ),
  ];
}

/**
 * The needs the meeting was planned around, then (under a heading that claims nothing) the
 * rest. A letter logged before the check has neither list and prints every need as it did.
 */
function adjustmentSections(
  p: InductionLetterData['participant'],
  lang: TemplateLanguage,
  heading: string,
  intro: string,
): Content[] {
  if (p.adjustmentsMet === undefined || p.adjustmentsOther === undefined) {
    const all = adjustmentLines(p.adjustments);
    return all.length > 0 ? section(heading, para(intro), bullets(all)) : [];
  }
  const w = NEEDS_WORDING[lang];
  return [
    ...(p.adjustmentsMet.length > 0
      ? section(heading, para(intro), bullets(p.adjustmentsMet))
      : []),
    ...(p.adjustmentsOther.length > 0
      ? section(w.heading, para(w.intro), bullets(p.adjustmentsOther))
      : []),
  ];
}

export function buildInductionLetter(s: InductionLetterSnapshot): TDocumentDefinitions {
  // Easy Read is its own letter from the same snapshot (wording fixed, so it stays Easy Read).
  if (s.options.easyRead) return buildEasyReadInduction(s);
  const langs = languagesOf(s.options);
  const content = inTurn(langs, (lang) => letterIn(s, lang));
  const first = langs[0]!;
  return frame({
    largePrint: s.options.largePrint,
    title: merge(s.templates[first]!.body.subject, mergeValues(s.data, first, { planName: '' })),
    author: s.data.office.name,
    issuedAt: s.data.issuedAt,
    language: first,
    footer: (p, n) => `${s.data.participant.referralId} · ${pageInEach(langs)(p, n)}`,
    content,
  });
}
