import { formatDate } from '../../labels';
export {
  DOCUMENT_KIND_LABELS as KIND_LABELS,
  ISSUE_METHOD_LABELS as METHOD_LABELS,
  DOCUMENT_LANGUAGE_LABELS as LANGUAGE_LABELS,
} from '@shared/wording/labels';

/** '2026-12-01T10:00' → '1 December 2026 at 10:00' (a local wall-clock time, no time zone). */
export function formatLocalStart(start: string): string {
  const [date = '', time = ''] = start.split('T');
  return time ? `${formatDate(date)} at ${time}` : formatDate(date);
}
