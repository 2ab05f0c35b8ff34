import { app, BrowserWindow, session, shell } from 'electron';
import {
  guardWebContents,
  denyAllPermissions,
  denyAllPermissionChecks,
  isAllowedExternal,
  windowOptions,
} from './security-policy';

/** Applies the guards to every web contents ever created, and denies all permissions. */
export function hardenApp(): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  session.defaultSession.setPermissionRequestHandler(denyAllPermissions);
  session.defaultSession.setPermissionCheckHandler(denyAllPermissionChecks);
}

export function createMainWindow(preloadPath: string): BrowserWindow {
  const win = new BrowserWindow(windowOptions(preloadPath, app.isPackaged, process.env));
  win.once('ready-to-show', () => win.show());
  void win.loadURL('app://waymark/index.html');
  return win;
}

/** Only fixed https hosts, never a string the renderer made up. */
export function openExternal(url: string): void {
  if (isAllowedExternal(url)) void shell.openExternal(url);
}
