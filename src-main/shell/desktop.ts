/**
 * The desktop port for Electron: print through a hidden window and the system print dialog,
 * open in the adviser's PDF reader, save where the adviser chooses.
 */
import { app, BrowserWindow, dialog, shell } from 'electron';
import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../errors';
import { safePdfName, type Desktop } from '../app/desktop';
import type { OneTimePdfs } from './one-time-pdfs';
import { ViewingFolder } from './viewing-folder';

/**
 * The print dialog comes up in the hidden window. A cancelled dialog is not a failure, but it is
 * reported (`printed: false`) so the letter is not logged as printed.
 */
async function printInHiddenWindow(
  pdfs: OneTimePdfs,
  pdf: Buffer,
  title: string,
): Promise<{ printed: boolean }> {
  const url = pdfs.add(pdf);
  const win = new BrowserWindow({
    show: false,
    title,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      // Chromium's own PDF viewer is a plugin; without it there is nothing to print.
      plugins: true,
      spellcheck: false,
      devTools: false,
    },
  });
  try {
    await win.loadURL(url);
    return await new Promise<{ printed: boolean }>((resolve, reject) =>
      win.webContents.print({ silent: false, printBackground: true }, (ok, reason) =>
        ok || reason === 'cancelled'
          ? resolve({ printed: ok })
          : reject(new AppError('refused', 'The document could not be printed', 'action')),
      ),
    );
  } finally {
    pdfs.revoke(url);
    win.destroy();
  }
}

export function electronDesktop(
  pdfs: OneTimePdfs,
  parentWindow: () => BrowserWindow | null,
): Desktop {
  const viewing = new ViewingFolder(app.getPath('temp'));
  app.once('will-quit', () => viewing.clear());
  return {
    printPdf: (pdf, title) => printInHiddenWindow(pdfs, pdf, title),
    openPdf: async (pdf, fileName) => {
      const file = viewing.write(pdf, fileName);
      const problem = await shell.openPath(file);
      if (problem) throw new AppError('refused', 'No program could open the PDF', 'action');
    },
    forgetOpened: () => viewing.clear(),
    savePdf: async (pdf, suggestedName) => {
      const options = {
        title: 'Save the document',
        defaultPath: join(app.getPath('documents'), safePdfName(suggestedName)),
        filters: [{ name: 'PDF document', extensions: ['pdf'] }],
      };
      const parent = parentWindow();
      const answer = parent
        ? await dialog.showSaveDialog(parent, options)
        : await dialog.showSaveDialog(options);
      if (answer.canceled || !answer.filePath) return { saved: false };
      // The mode applies only to a new file: one saved over keeps its mode unless changed.
      await writeFile(answer.filePath, pdf, { mode: 0o600 });
      await chmod(answer.filePath, 0o600);
      return { saved: true };
    },
  };
}
