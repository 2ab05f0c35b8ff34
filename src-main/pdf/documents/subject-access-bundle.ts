/**
 * The subject-access bundle as a readable PDF: the request and its one-month deadline, then every
 * record held about the person (each table that refers to them, as label and value), the letters
 * sent (listed here; their pages follow, appended by the service) and who viewed or changed the
 * records. Pure: the export in, a definition out. Column names become plain words; dates become
 * dates in words; structured values are printed whole (key: value), because the person is
 * entitled to all of it.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { SubjectAccessExport } from '../../services/protection/subject-access';
import { facts, frame, heading, para, section } from '../layout';
import { shortDate } from '../format';
import { instantInWords } from '@shared/wording/dates';

/** 'letter_log' → 'Letter log', 'ni_number' → 'Ni number' (plain words, not code). */
export const words = (name: string): string => {
  const spaced = name
    .replace(/_/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
};

/** One value as text: dates in words, absent values said plainly, structures in full. */
export function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return 'Not recorded';
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return shortDate(value);
    if (/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(value)) return instantInWords(value);
    const local = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?$/.exec(value);
    if (local) return `${shortDate(local[1]!)} at ${local[2]}`;
    return value;
  }
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? 'None' : value.map(valueText).join('; ');
  return Object.entries(value as Record<string, unknown>)
    .map(([k, v]) => `${words(k)}: ${valueText(v)}`)
    .join('; ');
}

const record = (row: Record<string, unknown>): Content =>
  facts(Object.entries(row).map(([k, v]) => [words(k), valueText(v)] as [string, string]));

const LETTER_KINDS: Record<string, string> = {
  'induction-letter': 'Induction letter',
  ppep: 'Plan (PPEP)',
  'better-off-statement': 'Better-off statement',
};

export function buildSubjectAccessBundle(
  x: SubjectAccessExport,
  who: { name: string; controller: string },
): TDocumentDefinitions {
  const tables: Content[] = Object.entries(x.records).flatMap(([table, rows]) =>
    section(
      `${words(table)} (${rows.length} ${rows.length === 1 ? 'record' : 'records'})`,
      ...(rows.map(record) as [Content, ...Content[]]),
    ),
  );
  const letters: Content =
    x.letters.length === 0
      ? para('No letters have been sent.')
      : facts(
          x.letters.map((l) => [
            valueText(l.issuedAt),
            `${LETTER_KINDS[l.kind] ?? words(l.kind)} (${l.fileName})${l.identical ? '' : '. Rebuilt: it may differ from the copy sent'}`,
          ]),
        );
  const access: Content =
    x.accessLog.length === 0
      ? para('No one has viewed or changed these records.')
      : {
          table: {
            headerRows: 1,
            widths: ['auto', 'auto', '*'],
            body: [
              [
                { text: 'When', style: 'label' },
                { text: 'Who', style: 'label' },
                { text: 'What', style: 'label' },
              ],
              ...x.accessLog.map((a) => [
                valueText(a.at),
                // The actor is stored as "<id> <name>": the person needs the name.
                a.actor.replace(/^\S+\s/, ''),
                words(a.action.replace(/[.-]/g, ' ')),
              ]),
            ],
          },
          layout: 'lightHorizontalLines',
          style: 'small',
        };
  return frame({
    title: `Subject access request: ${who.name}`,
    author: who.controller,
    issuedAt: x.request.exportedAt,
    language: 'en',
    largePrint: false,
    footer: (page, pages) => `Subject access request for ${who.name}. Page ${page} of ${pages}`,
    content: [
      { text: 'Your personal data', style: 'title' },
      facts([
        ['For', who.name],
        ['Request received', shortDate(x.request.requestedOn)],
        ['Respond by', shortDate(x.request.respondBy)],
        ['Produced', instantInWords(x.request.exportedAt)],
        ['Produced by', who.controller],
      ]),
      para(x.controllerNote),
      heading('Records we hold about you'),
      ...tables,
      ...section('Letters we sent you', letters),
      para('Each letter follows this bundle, as it was sent.'),
      ...section('Who viewed or changed your records', access),
    ],
  });
}
