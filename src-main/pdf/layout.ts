/**
 * The page every Waymark document shares: A4, Noto Sans, plain styles at two sizes, an address
 * block placed for a DL window envelope, page numbers, and fixed metadata so that the same data
 * always gives the same bytes (CreationDate, ModDate and the file ID all come from the issue time).
 */
import type { Content, StyleDictionary, TDocumentDefinitions } from 'pdfmake/interfaces';
import { FONT_FAMILY } from './render';

const MM = 72 / 25.4;
export const mm = (n: number): number => Math.round(n * MM * 100) / 100;

/** DL window: ~20 mm from the left, ~45-50 mm from the top, 90 x 35 mm. Text sits inside it. */
export const ADDRESS_WINDOW = { x: mm(20), y: mm(45), width: mm(90), height: mm(35) };
const ADDRESS_INSET = mm(4);
const MARGIN = mm(20);
/** The first page's body starts below the window. */
const FIRST_BODY_TOP = mm(88);

export interface PageStyle {
  largePrint: boolean;
}

export function styles({ largePrint }: PageStyle): StyleDictionary {
  const body = largePrint ? 16 : 11;
  return {
    title: { fontSize: largePrint ? 24 : 16, bold: true, margin: [0, 0, 0, body * 0.8] },
    heading: { fontSize: largePrint ? 20 : 13, bold: true, margin: [0, body, 0, body * 0.4] },
    para: { margin: [0, 0, 0, body * 0.6] },
    small: { fontSize: largePrint ? 14 : 9 },
    label: { bold: true },
    // The postal address keeps one size so it always fits the envelope window.
    address: { fontSize: 11, lineHeight: 1.1 },
    // Kept small in large print too, so it stays clear of the title below the window.
    sender: { fontSize: largePrint ? 11 : 9, alignment: 'right' },
  };
}

/** Address lines, printed inside the DL window on the page where the block is placed. */
export function addressBlock(lines: string[]): Content {
  return {
    absolutePosition: { x: ADDRESS_WINDOW.x + ADDRESS_INSET, y: ADDRESS_WINDOW.y + ADDRESS_INSET },
    columns: [
      {
        text: lines.filter((l) => l.trim() !== '').join('\n'),
        style: 'address',
        width: ADDRESS_WINDOW.width - 2 * ADDRESS_INSET,
      },
    ],
  };
}

/** An office as a letter's sender block names it. */
export interface SenderOffice {
  name: string;
  address: { line1: string; line2?: string | null; town: string; postcode: string };
  phone: string;
  email?: string | null;
}

/** The office's name, address and contact lines that begin every letter's sender block. */
export function officeLines(o: SenderOffice, { email = true } = {}): string[] {
  return [
    o.name,
    o.address.line1,
    ...(o.address.line2 ? [o.address.line2] : []),
    o.address.town,
    o.address.postcode,
    o.phone,
    ...(email && o.email ? [o.email] : []),
  ];
}

/** The sender's details at the top right (clear of the window) and the space down to the body. */
export function letterHead(senderLines: string[]): Content[] {
  return [
    {
      absolutePosition: { x: mm(115), y: MARGIN },
      columns: [{ text: senderLines.join('\n'), style: 'sender', width: mm(75) }],
    },
    { text: ' ', fontSize: 1, margin: [0, FIRST_BODY_TOP - MARGIN, 0, 0] },
  ];
}

export interface FrameInput extends PageStyle {
  title: string;
  author: string;
  /** ISO instant: the document's creation date, and the seed of its file ID. */
  issuedAt: string;
  language: 'en' | 'cy';
  /** Footer text before the page number, e.g. the participant's reference. */
  footer: (page: number, pages: number) => string;
  content: Content[];
}

export function frame(f: FrameInput): TDocumentDefinitions {
  const at = new Date(f.issuedAt);
  return {
    pageSize: 'A4',
    pageMargins: [MARGIN, MARGIN, MARGIN, mm(18)],
    language: f.language === 'cy' ? 'cy-GB' : 'en-GB',
    info: {
      title: f.title,
      author: f.author,
      creator: 'Waymark',
      producer: 'Waymark',
      creationDate: at,
      modDate: at,
    },
    defaultStyle: { font: FONT_FAMILY, fontSize: f.largePrint ? 16 : 11, lineHeight: 1.25 },
    styles: styles(f),
    footer: (page, pages) => ({
      text: f.footer(page, pages),
      style: 'small',
      alignment: 'center',
      margin: [MARGIN, mm(6), MARGIN, 0],
    }),
    content: f.content,
  };
}

export const heading = (text: string): Content => ({ text, style: 'heading' });

/** A heading kept on the same page as the block after it (no orphaned headings). */
export const section = (title: string, first: Content, ...rest: Content[]): Content[] => [
  { stack: [heading(title), first], unbreakable: true },
  ...rest,
];
export const para = (text: string): Content => ({ text, style: 'para' });
/** Blocks that move to the next page together rather than split (a signature, an address). */
export const keepTogether = (...blocks: Content[]): Content => ({
  stack: blocks,
  unbreakable: true,
});
/** A fresh array: pdfmake rewrites list items in place, and wording objects are shared. */
export const bullets = (items: readonly string[]): Content => ({ ul: [...items], style: 'para' });

/** A two-column table of label and value, without rules (easier to read than a grid). */
export function facts(rows: [string, string][], largeLabels = false): Content {
  return {
    table: {
      widths: [largeLabels ? mm(55) : mm(40), '*'],
      body: rows.map(([label, value]) => [{ text: label, style: 'label' }, { text: value }]),
    },
    layout: 'noBorders',
    style: 'para',
  };
}

/**
 * A letter in each of its languages, one after another: each a complete letter starting on its
 * own page, so the address of every one sits in the envelope window.
 */
export function inTurn<L>(langs: readonly L[], letterIn: (lang: L) => Content[]): Content[] {
  return langs.flatMap((lang, i) => {
    const letter = letterIn(lang);
    if (i > 0) letter[0] = { stack: [letter[0]!], pageBreak: 'before' };
    return letter;
  });
}
