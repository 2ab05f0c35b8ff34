import { formatDate } from '../../labels';
import type { DocumentKind, DocumentLanguage, IssueMethod } from '@shared/schemas/documents';

export const KIND_LABELS: Record<DocumentKind, string> = {
  'induction-letter': 'Induction letter',
  ppep: 'Plan (PPEP or action plan)',
  'better-off-statement': 'Better-off statement',
};

export const METHOD_LABELS: Record<IssueMethod, string> = {
  printed: 'Printed',
  emailed: 'Emailed',
  'handed-over': 'Handed over',
};

export const LANGUAGE_LABELS: Record<DocumentLanguage, string> = {
  en: 'English',
  cy: 'Welsh',
  'cy-en': 'Welsh and English (bilingual)',
};

/** '2026-12-01T10:00' → '1 December 2026 at 10:00' (a local wall-clock time, no time zone). */
export function formatLocalStart(start: string): string {
  const [date = '', time = ''] = start.split('T');
  return time ? `${formatDate(date)} at ${time}` : formatDate(date);
}
