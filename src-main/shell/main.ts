/** The Electron shell: window, menu, protocol, safeStorage and IPC over the plain-Node backend. */
import { app, BrowserWindow } from 'electron';
import { join } from 'node:path';
import { createBackend } from '../app/backend';
import { defaultDataPaths } from '../app/data-paths';
import { registerAppScheme, serveRenderer } from './protocol';
import { osKeyProtector } from './secrets';
import { wireIpc } from './ipc';
import { createMainWindow, hardenApp } from './window';
import { installMenu } from './menu';
import { showFatal } from './dialogs';
import { electronDesktop } from './desktop';
import { OneTimePdfs } from './one-time-pdfs';
import { ViewingFolder } from './viewing-folder';

export function runShell(outDir: string): void {
  registerAppScheme();
  // One instance per user: two would fight over the same database file.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.whenReady().then(
    () => {
      hardenApp();
      // PDFs a crash left in the temp folder (one instance per user, so none is in use by us).
      ViewingFolder.sweep(app.getPath('temp'));
      const pdfs = new OneTimePdfs();
      serveRenderer(join(outDir, 'renderer'), pdfs);
      const backend = createBackend({
        paths: defaultDataPaths(app.getPath('userData')),
        os: osKeyProtector,
        desktop: electronDesktop(pdfs, () => BrowserWindow.getFocusedWindow()),
      });
      wireIpc(backend.router);
      const win = createMainWindow(join(outDir, 'preload', 'index.cjs'));
      installMenu(
        win,
        () => void backend.session.lock('adviser').then(() => win.webContents.reload()),
      );
      app.on('second-instance', () => win.focus());
      app.on('before-quit', () => void backend.session.lock('quit'));
      app.on('window-all-closed', () => app.quit());
      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0)
          createMainWindow(join(outDir, 'preload', 'index.cjs'));
      });
    },
    (error: unknown) => {
      showFatal(
        'Waymark could not start',
        error instanceof Error ? error.message : 'Unknown error',
      );
      app.exit(1);
    },
  );
}
