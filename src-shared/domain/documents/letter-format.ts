/**
 * The one rule for how a participant's letters are written by default, used by the main process
 * (every letter's options) and the letters page (its initial choices): Welsh and English when
 * they asked for Welsh letters or their recorded language is Welsh, large print and Easy Read as
 * their accessible formats record. The adviser may still choose otherwise for one letter.
 */
import type { Participant } from '../../schemas/participant';
import type { DocumentLanguage } from '../../schemas/documents';
import { DOCUMENT_LANGUAGE_LABELS } from '../../wording/labels';

/** 'Welsh', 'Cymraeg' or 'Welsh (Cymraeg)' in the free-text language field. */
const WELSH = /^\s*(welsh|cymraeg)\b/i;

export function prefersWelsh(p: Pick<Participant, 'accessibleFormats' | 'language'>): boolean {
  return p.accessibleFormats.welsh || WELSH.test(p.language ?? '');
}

export interface LetterFormat {
  language: DocumentLanguage;
  largePrint: boolean;
  easyRead: boolean;
}

export function defaultLetterFormat(
  p: Pick<Participant, 'accessibleFormats' | 'language'>,
): LetterFormat {
  return {
    language: prefersWelsh(p) ? 'cy-en' : 'en',
    largePrint: p.accessibleFormats.largePrint,
    easyRead: p.accessibleFormats.easyRead,
  };
}

/** A letter's language and format in words, e.g. 'Welsh and English, large print'. */
export function formatInWords(o: {
  language: DocumentLanguage;
  largePrint: boolean;
  easyRead?: boolean;
}): string {
  return [
    DOCUMENT_LANGUAGE_LABELS[o.language],
    ...(o.largePrint ? ['large print'] : []),
    // Only the induction letter has an Easy Read version (easy-read-induction.ts).
    ...(o.easyRead ? ['Easy Read induction letter'] : []),
  ].join(', ');
}
