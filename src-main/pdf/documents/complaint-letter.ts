/**
 * Complaint letters: the acknowledgement (what we received, when we will reply) and the response
 * at a stage (our answer, and where to go next if still unhappy, from the profile's route). Every
 * letter says what happens next and when (the sector's shared promise). Pure: snapshot in,
 * definition out.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { RouteStage } from '@shared/domain/complaints/complaint';
import { facts, frame, para, section } from '../layout';
import { shortDate } from '../format';

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
}

/** 'They aim to reply within 15 working days.', or nothing where the stage sets no target. */
function targetSentence(stage: RouteStage): string {
  const days = stage.responseTargetWorkingDays;
  if (days === null) return '';
  return ` They aim to reply within ${days} working ${days === 1 ? 'day' : 'days'}.`;
}

/** 'Jobcentre Plus', 'Jobcentre Plus and then Independent Case Examiner', 'A, B and then C'. */
function inTurn(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and then ${names.at(-1)!}`;
}

export function buildComplaintLetter(s: ComplaintLetterSnapshot): TDocumentDefinitions {
  const greeting = s.recipientName ? `Dear ${s.recipientName}` : 'Hello';
  const later = s.laterStages ?? [];
  const next: Content[] = s.nextStage
    ? [
        para(
          `If you are still unhappy, you can take your complaint to ${s.nextStage.name}. ${s.nextStage.contact}${targetSentence(s.nextStage)}`,
        ),
        ...(later.length > 0
          ? [
              para(
                `If that does not put things right, the complaints route goes on to ${inTurn(later.map((l) => l.name))}.`,
              ),
            ]
          : []),
      ]
    : [para('This was the last stage of the complaints route.')];
  const body: Content[] =
    s.kind === 'acknowledgement'
      ? [
          { text: 'We have received your complaint', style: 'title' },
          para(greeting + ','),
          para(
            `Thank you for telling us. We received your complaint on ${shortDate(s.receivedOn, 'en')} about: ${s.about}.`,
          ),
          ...section(
            'What happens next',
            para(
              s.stage.responseDue
                ? `${s.stage.name} will look into it and reply to you by ${shortDate(s.stage.responseDue, 'en')}.`
                : `${s.stage.name} will look into it and reply to you.`,
            ),
            ...next,
          ),
        ]
      : [
          { text: 'Our response to your complaint', style: 'title' },
          para(greeting + ','),
          para(
            `You complained to us on ${shortDate(s.receivedOn, 'en')} about: ${s.about}. This is our response.`,
          ),
          ...section('Our response', para(s.stage.response ?? '')),
          ...section('What happens next', next[0]!, ...next.slice(1)),
        ];
  return frame({
    title: s.kind === 'acknowledgement' ? 'Complaint received' : 'Response to your complaint',
    author: s.providerName,
    issuedAt: s.issuedAt,
    language: 'en',
    largePrint: false,
    footer: (page, pages) => `${s.providerName}. Page ${page} of ${pages}`,
    content: [
      facts([
        ['Date', shortDate(s.letterDate, 'en')],
        ['From', s.providerName],
      ]),
      ...body,
      para('Yours sincerely,'),
      para(s.signedBy),
    ],
  });
}
