/**
 * Window security as plain data and small functions, so a test can check every setting without
 * Electron (the Electron security checklist, items 2-17, in ../../README.md).
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import { APP_ORIGIN } from '../app/backend';

export { APP_ORIGIN };

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/**
 * DevTools only under the development server (`npm run dev`, which sets ELECTRON_RENDERER_URL):
 * never in an installed app, and not in `npm start` either, which is how advisers run it here.
 */
export function devToolsAllowed(
  isPackaged: boolean,
  env: Readonly<Record<string, string | undefined>>,
): boolean {
  return !isPackaged && Boolean(env.ELECTRON_RENDERER_URL);
}

export function windowOptions(
  preloadPath: string,
  isPackaged: boolean,
  env: Readonly<Record<string, string | undefined>> = {},
): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Waymark',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      devTools: devToolsAllowed(isPackaged, env),
    },
  };
}

/** True only for pages of the app itself, served from app://waymark. */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'app:' && u.host === 'waymark';
  } catch {
    return false;
  }
}

export function originOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return 'null';
  }
}

/** External links the app may open in the browser: https only, on a fixed list of hosts. */
export const EXTERNAL_ALLOWLIST = [
  'www.gov.uk',
  'www.spso.org.uk',
  'www.employabilityinscotland.com',
];
export function isAllowedExternal(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && EXTERNAL_ALLOWLIST.includes(u.hostname);
  } catch {
    return false;
  }
}

/** Minimal shape of the Electron objects the guards attach to (so tests can pass fakes). */
export interface GuardedContents {
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  on(
    event: 'will-navigate' | 'will-redirect',
    listener: (event: { preventDefault(): void; url?: string }, url: string) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
}

export function guardWebContents(contents: GuardedContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const denyUnlessApp = (event: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', denyUnlessApp);
  contents.on('will-redirect', denyUnlessApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Every permission (camera, notifications, geolocation…) is refused. */
export const denyAllPermissions = (
  _wc: unknown,
  _permission: string,
  callback: (granted: boolean) => void,
) => callback(false);
export const denyAllPermissionChecks = () => false;

/** Resolves an app:// path inside the renderer folder, refusing anything that escapes it. */
export function resolveAppPath(
  rendererRoot: string,
  url: string,
  join: (...p: string[]) => string,
  normalize: (p: string) => string,
): string | null {
  if (!isAppUrl(url)) return null;
  const pathname = decodeURIComponent(new URL(url).pathname);
  const relative =
    pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const full = normalize(join(rendererRoot, relative));
  const root = normalize(rendererRoot.endsWith('/') ? rendererRoot : `${rendererRoot}/`);
  return full.startsWith(root) ? full : null;
}
