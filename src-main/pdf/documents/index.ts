/** Any issued document's snapshot, and the one function that turns it into a definition. */
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { buildInductionLetter, type InductionLetterSnapshot } from './induction-letter';
import { buildPpep, type PpepSnapshot } from './ppep';
import { buildBetterOffStatement, type BetterOffSnapshot } from './better-off-statement';
import { buildNoticeLetter, type NoticeLetterSnapshot } from './notice-letter';

export type DocumentSnapshot =
  InductionLetterSnapshot | PpepSnapshot | BetterOffSnapshot | NoticeLetterSnapshot;

export function buildDocument(s: DocumentSnapshot): TDocumentDefinitions {
  switch (s.kind) {
    case 'induction-letter':
      return buildInductionLetter(s);
    case 'ppep':
      return buildPpep(s);
    case 'better-off-statement':
      return buildBetterOffStatement(s);
    case 'appointment-confirmation':
    case 'appointment-change':
    case 'missed-appointment':
    case 'exit-letter':
    case 'in-work-check-in':
      return buildNoticeLetter(s);
  }
}
