/**
 * The desktop port for Electron: print through a hidden window and the system print dialog,
 * open in the adviser's PDF reader, save where the adviser chooses.
 */
import { app, BrowserWindow, dialog, shell } from 'electron';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../errors';
import { safePdfName, type Desktop } from '../app/desktop';
import type { OneTimePdfs } from './one-time-pdfs';

/** The print dialog comes up in the hidden window; a cancelled dialog is not a failure. */
async function printInHiddenWindow(pdfs: OneTimePdfs, pdf: Buffer, title: string): Promise<void> {
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
    await new Promise<void>((resolve, reject) =>
      win.webContents.print({ silent: false, printBackground: true }, (ok, reason) =>
        ok || reason === 'cancelled'
          ? resolve()
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
  // Another program (the PDF reader) can only open a file, so "open" must write one. It goes in
  // a private folder (0700, files 0600) made on first use and removed when Waymark quits.
  let openDir: string | null = null;
  let opened = 0;
  const privateDir = () => {
    if (!openDir) {
      openDir = mkdtempSync(join(app.getPath('temp'), 'waymark-'));
      app.once('will-quit', () => {
        if (openDir) rmSync(openDir, { recursive: true, force: true });
      });
    }
    return openDir;
  };
  return {
    printPdf: (pdf, title) => printInHiddenWindow(pdfs, pdf, title),
    openPdf: async (pdf, fileName) => {
      opened += 1;
      const file = join(privateDir(), `${opened}-${safePdfName(fileName)}`);
      writeFileSync(file, pdf, { mode: 0o600, flag: 'wx' });
      const problem = await shell.openPath(file);
      if (problem) throw new AppError('refused', 'No program could open the PDF', 'action');
    },
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
      await writeFile(answer.filePath, pdf, { mode: 0o600 });
      return { saved: true };
    },
  };
}
