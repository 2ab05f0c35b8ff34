/**
 * The participant's plan (PPEP, or the profile's name for it): about me and strengths, job goals,
 * barriers and the support for each, steps with owner, due date and status, the agreement, and
 * when it will next be reviewed. Pure: snapshot in, document definition out.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { DocumentOptions, PpepContent } from '@shared/schemas/documents';
import { bullets, facts, frame, para, section } from '../layout';
import { shortDate } from '../format';
import { meetingsAMonth } from '@shared/wording/labels';

export interface PpepSnapshot {
  kind: 'ppep';
  issuedAt: string;
  letterDate: string;
  options: DocumentOptions;
  planName: string;
  participant: {
    givenName: string;
    familyName: string;
    preferredName: string | null;
    referralId: string;
  };
  adviserName: string;
  providerName: string;
  plan: PpepContent;
  /**
   * The governing profile's numbers (R6 meetings a month, R7 months between reviews), so the
   * plan promises what the profile does. Absent in plans logged before, which keep their words.
   */
  charter?: { meetingsPerMonth: number; reviewMonths: number };
}

const NUMBER_WORDS = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
/** 'every month', 'every three months', 'every 12 months'. */
const everyMonths = (n: number) =>
  n === 1 ? 'every month' : `every ${NUMBER_WORDS[n] ?? n} months`;
// A plan logged before snapshots carried the profile's numbers printed the Work Programme's
// (two meetings a month, a review every three months); reprints must keep those words.
const LOGGED_BEFORE = { meetingsPerMonth: 2, reviewMonths: 3 };

const OWNER = { participant: 'You', adviser: 'Your adviser', both: 'Both of us' } as const;
const STATUS = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  done: 'Done',
} as const;

function grid(header: string[], rows: string[][], widths: (string | number)[]): Content {
  return {
    table: {
      headerRows: 1,
      widths,
      body: [header.map((h) => ({ text: h, style: 'label' })), ...rows],
    },
    layout: 'lightHorizontalLines',
    style: 'para',
  };
}

export function buildPpep(s: PpepSnapshot): TDocumentDefinitions {
  const p = s.plan;
  const name = `${s.participant.givenName} ${s.participant.familyName}`;
  const date = (d: string) => shortDate(d, 'en');
  const content: Content[] = [
    { text: `Your ${s.planName}`, style: 'title' },
    facts(
      [
        ['Name', s.participant.preferredName ? `${name} (${s.participant.preferredName})` : name],
        ['Reference', s.participant.referralId],
        ['Adviser', `${s.adviserName}, ${s.providerName}`],
        ['Printed', date(s.letterDate)],
      ],
      s.options.largePrint,
    ),
    ...section('About me', para(p.aboutMe || '—')),
    ...(p.strengths.length > 0 ? section('My strengths', bullets(p.strengths)) : []),
    ...(p.skills.length > 0 ? section('My skills', bullets(p.skills)) : []),
    ...(p.qualifications.length > 0 ? section('My qualifications', bullets(p.qualifications)) : []),
    ...(p.training.length > 0 ? section('Training', bullets(p.training)) : []),
    ...(p.goals.shortTerm.length > 0
      ? section('My job goals: next few months', bullets(p.goals.shortTerm))
      : []),
    ...(p.goals.longTerm.length > 0
      ? section('My job goals: longer term', bullets(p.goals.longTerm))
      : []),
    ...(p.barriers.length > 0
      ? section(
          'What makes it harder, and the support I will get',
          grid(
            ['What makes it harder', 'Support'],
            p.barriers.map((b) => [b.barrier, b.support]),
            ['*', '*'],
          ),
        )
      : []),
    ...section(
      'My steps',
      grid(
        ['Step', 'Who', 'By', 'Status'],
        p.steps.map((st) => [
          st.action,
          OWNER[st.owner],
          st.due ? date(st.due) : 'To agree',
          STATUS[st.status],
        ]),
        ['*', 'auto', 'auto', 'auto'],
      ),
    ),
    ...section(
      'Our agreement',
      para(
        p.agreedOn
          ? `We wrote and agreed this plan together on ${date(p.agreedOn)}.`
          : 'This plan has not been agreed yet. We will agree it together before it starts.',
      ),
      {
        columns: [
          { text: `Signed (you)\n\n______________________________\n${name}` },
          { text: `Signed (adviser)\n\n______________________________\n${s.adviserName}` },
        ],
        columnGap: 24,
        style: 'para',
      },
    ),
    ...section(
      'What happens next',
      para(
        `We will meet at least ${meetingsAMonth((s.charter ?? LOGGED_BEFORE).meetingsPerMonth)} and review this plan with you ${p.nextReview ? `by ${date(p.nextReview)}` : `at least ${everyMonths((s.charter ?? LOGGED_BEFORE).reviewMonths)}`}, or sooner if something changes, such as starting work or moving house.`,
      ),
    ),
  ];
  return frame({
    largePrint: s.options.largePrint,
    title: `${s.planName}: ${s.participant.referralId}`,
    author: s.providerName,
    issuedAt: s.issuedAt,
    language: 'en',
    footer: (page, pages) => `${s.participant.referralId} · Page ${page} of ${pages}`,
    content,
  });
}
