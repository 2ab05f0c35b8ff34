/**
 * Print, open or save a complaint's acknowledgement or response letter. Only the complaint id,
 * the kind of letter and the action cross to the main process, which builds the PDF itself.
 */
import { call } from '../../api';
import { PdfActions } from '../letters/document-actions';

export function ComplaintLetterActions({
  id,
  kind,
  label,
}: {
  id: string;
  kind: 'acknowledgement' | 'response';
  label: string;
}) {
  return (
    <PdfActions label={label} run={(action) => call('complaints:letter', { id, kind, action })} />
  );
}
