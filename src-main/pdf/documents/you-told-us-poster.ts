/**
 * "You told us, we did": a poster (or leaflet) for the office waiting room. Large type throughout
 * (the large-print styles and bigger again for the pairs), each change as "You told us" and
 * "We did" with the month it happened. The snapshot carries only those words and dates, so no
 * participant's details can reach the page. Pure: snapshot in, definition out.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { frame, para } from '../layout';
import { monthYear } from '../format';

export interface YouToldUsPosterSnapshot {
  issuedAt: string;
  /** Who made the changes: the office or provider. */
  organisation: string;
  entries: { said: string; did: string; changedOn: string }[];
}

/** How many changes fit one poster; older ones are left for the leaflet on the next print. */
export const POSTER_ENTRIES = 12;

export function buildYouToldUsPoster(s: YouToldUsPosterSnapshot): TDocumentDefinitions {
  const shown = s.entries.slice(0, POSTER_ENTRIES);
  const pairs: Content[] =
    shown.length === 0
      ? [para('We have not recorded any changes yet. Tell us what we could do better.')]
      : shown.map((e): Content => ({
          stack: [
            { text: monthYear(e.changedOn.slice(0, 7)), style: 'small', margin: [0, 0, 0, 4] },
            { text: [{ text: 'You told us: ', bold: true }, e.said], fontSize: 20 },
            { text: [{ text: 'We did: ', bold: true }, e.did], fontSize: 20, margin: [0, 6, 0, 0] },
          ],
          margin: [0, 0, 0, 22],
          unbreakable: true,
        }));
  return frame({
    title: 'You told us, we did',
    author: s.organisation,
    issuedAt: s.issuedAt,
    language: 'en',
    largePrint: true,
    footer: (page, pages) => `${s.organisation}. Page ${page} of ${pages}`,
    content: [
      { text: 'You told us, we did', fontSize: 40, bold: true, margin: [0, 0, 0, 10] },
      para(`Changes ${s.organisation} has made because of what people told us.`),
      ...pairs,
      para(
        'Tell us what you think: ask any member of staff. Giving feedback is always your choice.',
      ),
    ],
  });
}
