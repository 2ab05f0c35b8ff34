/**
 * The letters about one appointment or a change of status: appointment confirmation and change,
 * missed appointment (R8), exit and in-work check-in. Pure: a snapshot in, a pdfmake definition
 * out; the letter log keeps the snapshot, so a reprint builds the same definition. Wording is
 * fixed (wording/notice-letters.ts); the complaint route and the profile's `letters` lines come
 * from the governing profile, frozen into the snapshot.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type {
  CharterWording,
  DocumentOptions,
  NoticeLetterKind,
  TemplateLanguage,
} from '@shared/schemas/documents';
import type { AppointmentChannel } from '@shared/schemas/diary';
import type { ExitReason } from '@shared/schemas/participant';
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
import { NOTICE_WORDING, exitNextFor, type NoticeWording } from '../wording/notice-letters';
import { clockTime, longDate, shortDate } from '../format';
import { languagesOf, type PostalAddress } from './induction-letter';

export interface NoticeMeeting {
  /** Europe/London wall clock 'YYYY-MM-DDTHH:MM'. */
  start: string;
  end: string;
  channel: AppointmentChannel;
  /** Where an in-person meeting is: an office or an outreach venue. */
  place: {
    name: string;
    address: PostalAddress;
    directions: string;
    publicTransport: string;
  } | null;
  room: string | null;
}

export interface NoticeLetterSnapshot {
  kind: NoticeLetterKind;
  issuedAt: string;
  letterDate: string;
  options: DocumentOptions;
  participant: {
    givenName: string;
    familyName: string;
    preferredName: string | null;
    referralId: string;
    address: PostalAddress;
  };
  /** The office the letter comes from: its address heads the letter and is the contact. */
  office: { name: string; address: PostalAddress; phone: string; email: string };
  contact: { name: string };
  /** The appointment the letter is about (every kind but the exit letter). */
  meeting: NoticeMeeting | null;
  /** A change letter: the start before the move, when it is on record. */
  previousStart: string | null;
  /** Needs the booking meets (claimed as planned for) and the rest (listed without the claim). */
  adjustmentsMet: string[];
  adjustmentsOther: string[];
  /** The governing profile's numbers the letters quote. */
  rules: { missedContactDays: number; inWorkContactDays: number };
  exit: { reason: ExitReason | null; date: string | null } | null;
  /** The profile's complaint route and `letters` lines (a sanction-worded line is left out). */
  charter: Partial<Record<TemplateLanguage, CharterWording>>;
}

const oneLine = (a: PostalAddress) =>
  [a.line1, a.line2, a.town, a.postcode].filter((l) => l && l.trim() !== '').join(', ');

const when = (start: string, lang: TemplateLanguage) =>
  `${longDate(start.slice(0, 10), lang)}, ${clockTime(start.slice(11, 16), lang)}`;

function meetingFacts(
  m: NoticeMeeting,
  w: NoticeWording,
  s: NoticeLetterSnapshot,
  lang: TemplateLanguage,
): Content {
  const rows: [string, string][] = [
    [w.labels.date, longDate(m.start.slice(0, 10), lang)],
    [
      w.labels.time,
      `${clockTime(m.start.slice(11, 16), lang)} ${w.to} ${clockTime(m.end.slice(11, 16), lang)}`,
    ],
  ];
  if (m.channel === 'in-person' && m.place) {
    rows.push([w.labels.place, `${m.place.name}, ${oneLine(m.place.address)}`]);
    if (m.room) rows.push([w.labels.room, m.room]);
    if (m.place.directions) rows.push([w.labels.directions, m.place.directions]);
    if (m.place.publicTransport) rows.push([w.labels.transport, m.place.publicTransport]);
  } else {
    const how = { phone: w.byPhone, video: w.byVideo, email: w.byEmail, 'in-person': '' };
    rows.push([w.labels.place, how[m.channel]]);
  }
  rows.push([w.labels.contact, s.contact.name]);
  return facts(rows, s.options.largePrint);
}

/** The needs the meeting was planned around, then (claiming nothing) the rest. */
function needs(s: NoticeLetterSnapshot, w: NoticeWording, lang: TemplateLanguage): Content[] {
  const other = NEEDS_WORDING[lang];
  return [
    ...(s.adjustmentsMet.length > 0
      ? section(w.adjustmentsHeading, para(w.adjustmentsIntro), bullets(s.adjustmentsMet))
      : []),
    ...(s.adjustmentsOther.length > 0
      ? section(other.heading, para(other.intro), bullets(s.adjustmentsOther))
      : []),
  ];
}

function complaints(w: NoticeWording, charter: CharterWording): Content[] {
  // One block, so the route is never split from its heading or the signature after it.
  return [
    keepTogether(
      ...section(w.complaintsHeading, para(w.complaintsIntro), {
        ol: charter.complaintRoute.map((step) => `${step.name}: ${step.how}`),
        style: 'para',
      }),
    ),
  ];
}

function body(s: NoticeLetterSnapshot, lang: TemplateLanguage, charter: CharterWording): Content[] {
  const w = NOTICE_WORDING[lang];
  const o = s.office;
  const m = s.meeting;
  const name = s.contact.name;
  const requireMeeting = (): NoticeMeeting => {
    if (!m) throw new Error(`A ${s.kind} letter needs its appointment`);
    return m;
  };
  const cannotCome = section(w.cannotComeHeading, para(w.cannotCome(name, o.phone, o.email)));
  switch (s.kind) {
    case 'appointment-confirmation': {
      const meeting = requireMeeting();
      return [
        para(w.confirmation.intro),
        ...section(w.confirmation.meetingHeading, meetingFacts(meeting, w, s, lang)),
        ...(meeting.channel === 'in-person' ? section(w.bringHeading, bullets(w.bring)) : []),
        ...needs(s, w, lang),
        ...cannotCome,
      ];
    }
    case 'appointment-change': {
      const meeting = requireMeeting();
      return [
        para(w.change.intro),
        ...section(
          w.change.changedHeading,
          para(
            s.previousStart
              ? w.change.changed(when(s.previousStart, lang), when(meeting.start, lang))
              : w.change.changedUnknown,
          ),
        ),
        ...section(w.change.meetingHeading, meetingFacts(meeting, w, s, lang)),
        ...(meeting.channel === 'in-person' ? section(w.bringHeading, bullets(w.bring)) : []),
        ...needs(s, w, lang),
        ...cannotCome,
      ];
    }
    case 'missed-appointment': {
      const meeting = requireMeeting();
      const profileLine = charter.letters?.dnaFollowUp;
      return [
        para(w.missed.intro(when(meeting.start, lang))),
        ...(profileLine ? [para(profileLine)] : []),
        ...section(w.missed.nowHeading, para(w.missed.call(s.rules.missedContactDays))),
        ...section(
          w.missed.rebookHeading,
          para(w.missed.rebook(name, o.phone, o.email)),
          para(w.missed.hardToCome),
        ),
      ];
    }
    case 'in-work-check-in': {
      const meeting = requireMeeting();
      return [
        para(w.inWork.intro),
        ...section(
          w.inWork.checkInHeading,
          para(w.inWork.checkIn),
          meetingFacts(meeting, w, s, lang),
        ),
        ...section(
          w.inWork.offerHeading,
          bullets(w.inWork.offer),
          para(w.inWork.often(s.rules.inWorkContactDays)),
        ),
        ...needs(s, w, lang),
        ...cannotCome,
      ];
    }
    case 'exit-letter': {
      const exit = s.exit ?? { reason: null, date: null };
      return [
        para(w.exit.intro),
        ...(exit.date ? [para(w.exit.ended(longDate(exit.date, lang)))] : []),
        ...section(w.exit.nextHeading, para(w.exit.next[exitNextFor(exit.reason)])),
        ...section(w.exit.keepInTouchHeading, para(w.exit.keepInTouch(o.phone, o.email))),
        ...complaints(w, charter),
      ];
    }
  }
}

function letterIn(s: NoticeLetterSnapshot, lang: TemplateLanguage): Content[] {
  const w = NOTICE_WORDING[lang];
  const charter = s.charter[lang] ?? s.charter.en;
  if (!charter) throw new Error(`The letter has no ${lang} charter wording`);
  const o = s.office;
  const p = s.participant;
  const signOffLine = charter.letters?.signOff;
  const content = body(s, lang, charter);
  // The last block and the signature move together, so no page holds only a name.
  const last = content.pop();
  return [
    ...letterHead([
      ...officeLines(o),
      '',
      shortDate(s.letterDate, lang),
      `${w.reference}: ${p.referralId}`,
    ]),
    addressBlock([
      `${p.givenName} ${p.familyName}`,
      p.address.line1,
      p.address.line2 ?? '',
      p.address.town,
      p.address.county ?? '',
      p.address.postcode,
    ]),
    { text: w.subject[s.kind], style: 'title' },
    para(w.salutation(p.preferredName ?? p.givenName)),
    ...content,
    keepTogether(
      ...(last ? [last] : []),
      { text: w.signOff, margin: [0, 12, 0, 24] },
      { text: s.contact.name, bold: true },
      ...(signOffLine ? [{ text: signOffLine }] : []),
      { text: o.name },
    ),
  ];
}

export function buildNoticeLetter(s: NoticeLetterSnapshot): TDocumentDefinitions {
  const langs = languagesOf(s.options);
  const content = inTurn(langs, (lang) => letterIn(s, lang));
  const first = langs[0]!;
  return frame({
    largePrint: s.options.largePrint,
    title: NOTICE_WORDING[first].subject[s.kind],
    author: s.office.name,
    issuedAt: s.issuedAt,
    language: first,
    footer: (p, n) => `${s.participant.referralId} · ${pageInEach(langs)(p, n)}`,
    content,
  });
}
