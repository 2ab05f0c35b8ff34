/**
 * The hand-back summary for Jobcentre Plus (R13): who the participant is, their time on the
 * programme, the exit review's outcome, where they go next and the adviser's summary, and what
 * happens next. Pure: snapshot in, definition out; rendered by the one pdfmake renderer.
 */
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { facts, frame, para, section } from '../layout';
import { shortDate } from '../format';

export interface HandBackSnapshot {
  issuedAt: string;
  providerName: string;
  adviserName: string;
  participant: {
    name: string;
    niNumber: string;
    referralId: string;
    jobcentreOffice: string;
    programme: string;
    referralDate: string;
    startDate: string | null;
  };
  review: { date: string; outcome: string; destination: string; summary: string };
}

export function buildHandBackSummary(s: HandBackSnapshot): TDocumentDefinitions {
  const p = s.participant;
  return frame({
    title: 'Exit review: hand-back summary for Jobcentre Plus',
    author: s.providerName,
    issuedAt: s.issuedAt,
    language: 'en',
    largePrint: false,
    footer: (page, pages) => `Referral ${p.referralId}. Page ${page} of ${pages}`,
    content: [
      { text: 'Exit review: hand-back summary for Jobcentre Plus', style: 'title' },
      facts([
        ['Participant', p.name],
        ['National Insurance number', p.niNumber],
        ['Referral reference', p.referralId],
        ['Jobcentre office', p.jobcentreOffice],
        ['Programme', p.programme],
        ['Referred on', shortDate(p.referralDate, 'en')],
        ['Started on', p.startDate ? shortDate(p.startDate, 'en') : 'Did not start'],
      ]),
      ...section(
        'The exit review',
        facts([
          ['Review held on', shortDate(s.review.date, 'en')],
          ['Outcome', s.review.outcome],
          ['Going on to', s.review.destination],
        ]),
      ),
      ...section('Summary from the adviser', para(s.review.summary)),
      ...section(
        'What happens next',
        para(
          `${s.providerName} has ended this participant's time on the programme. Jobcentre Plus takes their support back from the date of the review; the adviser can be contacted about anything in this summary.`,
        ),
      ),
      { stack: [para(`Adviser: ${s.adviserName}`), para(s.providerName)], unbreakable: true },
    ],
  });
}
