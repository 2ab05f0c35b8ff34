/**
 * The Easy Read induction letter, for a participant whose recorded format is Easy Read: the same
 * snapshot as the induction letter (the booking, the needs it meets, the profile's complaint
 * route), written as short sentences, one idea a line, in large type with plenty of space.
 * No pictures: plain words carry it. Pure, like every document definition.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { TemplateLanguage } from '@shared/schemas/documents';
import { addressBlock, frame, inTurn, keepTogether, letterHead, officeLines } from '../layout';
import { EASY_READ_WORDING } from '../wording/easy-read-induction';
import { clockTime, longDate, shortDate } from '../format';
import { languagesOf, type InductionLetterSnapshot } from './induction-letter';

/** Larger than large print's 16pt body: Easy Read guidance asks for 16pt at least, and space. */
const LINE = {
  fontSize: 18,
  lineHeight: 1.4,
  margin: [0, 0, 0, 6] as [number, number, number, number],
};
const HEADING = {
  fontSize: 22,
  bold: true,
  margin: [0, 14, 0, 6] as [number, number, number, number],
};

const lines = (texts: string[]): Content[] => texts.map((text) => ({ text, ...LINE }));
/** A heading kept with its lines: each part of the letter stays on one page. */
const part = (heading: string, texts: string[]): Content =>
  keepTogether({ text: heading, ...HEADING }, ...lines(texts));

function letterIn(s: InductionLetterSnapshot, lang: TemplateLanguage): Content[] {
  const w = EASY_READ_WORDING[lang];
  const d = s.data;
  const o = d.office;
  const p = d.participant;
  const charter = s.charter[lang] ?? s.charter.en;
  const start = d.appointment.start;
  const met = p.adjustmentsMet ?? [];
  const other = p.adjustmentsOther ?? [];
  return [
    ...letterHead([
      ...officeLines(o, { email: false }),
      '',
      shortDate(d.letterDate, lang),
      p.referralId,
    ]),
    addressBlock([
      `${p.givenName} ${p.familyName}`,
      p.address.line1,
      p.address.line2 ?? '',
      p.address.town,
      p.address.county ?? '',
      p.address.postcode,
    ]),
    { text: w.title, fontSize: 26, bold: true, margin: [0, 0, 0, 12] },
    ...lines([w.hello(p.preferredName ?? p.givenName), ...w.intro]),
    part(w.whenHeading, [
      w.on(longDate(start.slice(0, 10), lang)),
      w.at(clockTime(start.slice(11, 16), lang)),
      w.ends(clockTime(d.appointment.end.slice(11, 16), lang)),
    ]),
    part(
      w.whereHeading,
      [o.name, o.address.line1, o.address.line2 ?? '', o.address.town, o.address.postcode].filter(
        (l) => l.trim() !== '',
      ),
    ),
    part(w.whoHeading, [w.who(d.contact.name)]),
    part(w.bringHeading, w.bring),
    ...(met.length > 0 ? [part(w.metHeading, [...w.metIntro, ...met])] : []),
    ...(other.length > 0 ? [part(w.otherHeading, [w.otherIntro, ...other])] : []),
    part(w.cannotComeHeading, w.cannotCome(o.phone, o.email)),
    keepTogether(
      part(w.unhappyHeading, [
        ...w.unhappy,
        ...(charter && charter.complaintRoute.length > 1
          ? [w.alsoTell, ...charter.complaintRoute.slice(1).map((step) => `${step.name}.`)]
          : []),
      ]),
      ...lines([w.from, d.contact.name, o.name]),
    ),
  ];
}

export function buildEasyReadInduction(s: InductionLetterSnapshot): TDocumentDefinitions {
  const langs = languagesOf(s.options);
  const content = inTurn(langs, (lang) => letterIn(s, lang));
  const first = langs[0]!;
  return frame({
    largePrint: true,
    title: EASY_READ_WORDING[first].title,
    author: s.data.office.name,
    issuedAt: s.data.issuedAt,
    language: first,
    footer: (p, n) => `${s.data.participant.referralId} · ${p} / ${n}`,
    content,
  });
}
