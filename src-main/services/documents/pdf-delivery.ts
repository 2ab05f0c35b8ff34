/**
 * Hands a finished PDF to the desktop (print, open or save) and says what happened. Every PDF a
 * screen asks for goes through here, so the bytes always come from the caseload and the outcome
 * has one shape.
 */
import { runDesktopAction, type Desktop } from '../../app/desktop';
import type { DesktopAction, DesktopOutcome } from '@shared/ipc/channels/desktop';

export interface PdfFile {
  bytes: Buffer;
  fileName: string;
  /** The print job's title. */
  title: string;
}

export async function deliverPdf(
  desktop: Desktop,
  action: DesktopAction,
  file: PdfFile,
): Promise<DesktopOutcome> {
  const done = await runDesktopAction(desktop, action, file.bytes, file);
  return { action, done, fileName: file.fileName };
}
