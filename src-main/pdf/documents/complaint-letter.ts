/**
 * Complaint letters: the acknowledgement (what we received, when we will reply) and the response
 * at a stage (our answer, and where to go next if still unhappy, from the profile's route). Every
 * letter says what happens next and when (the sector's shared promise). Pure: snapshot in,
 * definition out.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { RouteStage } from '@shared/domain/complaints/complaint';
import { facts, frame, inTurn, para, section } from '../layout';
import { pageInEach } from '../wording/letter-common';
import { shortDate } from '../format';
import { COMPLAINT_WORDING } from '../wording/complaint-letters';
import type { TemplateLanguage } from '@shared/schemas/documents';

export interface ComplaintLetterSnapshot {
  kind: 'acknowledgement' | 'response';
  issuedAt: string;
  letterDate: string;
  /** The participant's name, or null for a complaint that names nobody. */
  recipientName: string | null;
  providerName: string;
  signedBy: string;
  receivedOn: string;
  about: string;
  stage: { name: string; responseDue: string | null; response: string | null };
  /** The next stage of the route, or null at the last. */
  nextStage: RouteStage | null;
  /** The stages after the next one, so the whole way forward is explained (absent: none). */
  laterStages?: RouteStage[];
  /** Welsh then English for a participant who reads Welsh; absent (English) otherwise. */
  language?: 'en' | 'cy-en';
}

/** 'Jobcentre Plus', 'Jobcentre Plus and then Independent Case Examiner', 'A, B and then C'. */
function inOrder(names: string[], andThen: string): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} ${andThen} ${names.at(-1)!}`;
}

function letterIn(s: ComplaintLetterSnapshot, lang: TemplateLanguage): Content[] {
  const w = COMPLAINT_WORDING[lang];
  const greeting = s.recipientName ? w.dear(s.recipientName) : w.hello;
  const later = s.laterStages ?? [];
  // 'They aim to reply within 15 working days.', or nothing where the stage sets no target.
  const target = (stage: RouteStage) =>
    stage.responseTargetWorkingDays === null ? '' : w.target(stage.responseTargetWorkingDays);
  const next: Content[] = s.nextStage
    ? [
        para(w.stillUnhappy(s.nextStage.name, s.nextStage.contact) + target(s.nextStage)),
        ...(later.length > 0
          ? [
              para(
                w.routeGoesOn(
                  inOrder(
                    later.map((l) => l.name),
                    w.andThen,
                  ),
                ),
              ),
            ]
          : []),
      ]
    : [para(w.lastStage)];
  const received = shortDate(s.receivedOn, lang);
  const body: Content[] =
    s.kind === 'acknowledgement'
      ? [
          { text: w.ackTitle, style: 'title' },
          para(greeting + ','),
          para(w.ackThanks(received, s.about)),
          ...section(
            w.next,
            para(
              s.stage.responseDue
                ? w.willReplyBy(s.stage.name, shortDate(s.stage.responseDue, lang))
                : w.willReply(s.stage.name),
            ),
            ...next,
          ),
        ]
      : [
          { text: w.responseTitle, style: 'title' },
          para(greeting + ','),
          para(w.responseIntro(received, s.about)),
          ...section(w.response, para(s.stage.response ?? '')),
          ...section(w.next, next[0]!, ...next.slice(1)),
        ];
  return [
    facts([
      [w.date, shortDate(s.letterDate, lang)],
      [w.from, s.providerName],
    ]),
    ...body,
    para(w.signOff),
    para(s.signedBy),
  ];
}

export function buildComplaintLetter(s: ComplaintLetterSnapshot): TDocumentDefinitions {
  const langs: TemplateLanguage[] = s.language === 'cy-en' ? ['cy', 'en'] : ['en'];
  const content = inTurn(langs, (lang) => letterIn(s, lang));
  const first = COMPLAINT_WORDING[langs[0]!];
  return frame({
    title: first.pdfTitle[s.kind],
    author: s.providerName,
    issuedAt: s.issuedAt,
    language: langs[0]!,
    largePrint: false,
    footer: (page, pages) => `${s.providerName}. ${pageInEach(langs)(page, pages)}`,
    content,
  });
}
