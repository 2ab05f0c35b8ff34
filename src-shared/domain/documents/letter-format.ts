/**
 * The one rule for how a participant's letters are written by default, used by the main process
 * (every letter's options) and the letters page (its initial choices): Welsh and English when
 * they asked for Welsh letters or their recorded language is Welsh, large print and Easy Read as
 * their accessible formats record. The adviser may still choose otherwise for one letter.
 */
import type { Participant } from '../../schemas/participant';
import type { DocumentLanguage } from '../../schemas/documents';

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
