/**
 * Fixed letter wording shared by every letter, in English and Welsh. Provider-editable wording
 * lives in the templates (induction-en.ts, induction-cy.ts); this is what must not be edited into
 * a claim: the needs a booking could not be seen to meet are listed without "we have planned".
 */
import type { TemplateLanguage } from '@shared/schemas/documents';

export const NEEDS_WORDING: Record<TemplateLanguage, { heading: string; intro: string }> = {
  en: {
    heading: 'Needs you told us about',
    intro:
      'You told us about these needs. Call us before the meeting if we need to arrange anything for them.',
  },
  cy: {
    heading: 'Anghenion rydych chi wedi sôn amdanyn nhw',
    intro:
      'Fe ddywedoch chi wrthym am yr anghenion hyn. Ffoniwch ni cyn y cyfarfod os oes angen i ni drefnu unrhyw beth ar eu cyfer.',
  },
};

/** "Page 2 of 3" in each language: every letter's footer says it the same way. */
export const PAGE_OF: Record<TemplateLanguage, (page: number, pages: number) => string> = {
  en: (page, pages) => `Page ${page} of ${pages}`,
  cy: (page, pages) => `Tudalen ${page} o ${pages}`,
};

/** The page in each language of a bilingual letter ("Tudalen 1 o 2 / Page 1 of 2"). */
export const pageInEach =
  (langs: readonly TemplateLanguage[]) =>
  (page: number, pages: number): string =>
    langs.map((l) => PAGE_OF[l](page, pages)).join(' / ');
