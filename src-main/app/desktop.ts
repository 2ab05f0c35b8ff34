/**
 * The desktop port: what the main process asks of the operating system for a finished PDF.
 * The Electron shell implements it (src-main/shell/desktop.ts); the browser test harness
 * implements it with files in a temp folder. Services and handlers only ever see this interface,
 * so the bytes come from the caseload and never from the renderer.
 */
import { AppError } from '../errors';
import type { DesktopAction } from '@shared/ipc/channels/desktop';

export interface Desktop {
  /**
   * Shows the system print dialog for the PDF; `printed` is false when the adviser cancelled it,
   * so nothing is recorded as printed that was not.
   */
  printPdf(pdf: Buffer, title: string): Promise<{ printed: boolean }>;
  /** Opens the PDF in the adviser's PDF reader. */
  openPdf(pdf: Buffer, fileName: string): Promise<void>;
  /** Asks where to save it; `saved` is false when the adviser cancelled. */
  savePdf(pdf: Buffer, suggestedName: string): Promise<{ saved: boolean }>;
  /** Deletes the files written for the viewer; the session calls it when it locks. */
  forgetOpened?(): void;
}

/** Where there is no desktop (the command line, a headless run), every action is refused. */
export const noDesktop: Desktop = {
  printPdf: () => Promise.reject(unavailable()),
  openPdf: () => Promise.reject(unavailable()),
  savePdf: () => Promise.reject(unavailable()),
};

function unavailable(): AppError {
  return new AppError('refused', 'Printing, opening and saving are not available here', 'action');
}

/** Runs one action; true unless the adviser cancelled the print or save dialog. */
export async function runDesktopAction(
  desktop: Desktop,
  action: DesktopAction,
  pdf: Buffer,
  file: { fileName: string; title: string },
): Promise<boolean> {
  switch (action) {
    case 'print':
      return (await desktop.printPdf(pdf, file.title)).printed;
    case 'open':
      await desktop.openPdf(pdf, file.fileName);
      return true;
    case 'save':
      return (await desktop.savePdf(pdf, file.fileName)).saved;
  }
}

/** A file name safe on every desktop: letters, digits, dot, dash and underscore; ends in .pdf. */
export function safePdfName(name: string): string {
  const base = name
    .replace(/\.pdf$/i, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[.-]+|-+$/g, '')
    .slice(0, 120);
  return `${base || 'document'}.pdf`;
}
