/**
 * Finds the Chromium (or Chrome) the end-to-end tests drive, in this order: WAYMARK_CHROMIUM;
 * Playwright's own Chromium where `npx playwright install chromium` has put it; the system's
 * Chromium or Chrome at the usual places for the OS. A pure function of what it is given (the
 * environment, the OS, a file-exists check), so every branch is tested without touching the
 * machine; `findBrowserHere()` gives it the real ones.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright';

export interface BrowserSearch {
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  exists: (path: string) => boolean;
  /** Where Playwright would keep its own Chromium (it may not be there). */
  playwrightChromium: () => string | undefined;
}

export type BrowserFound =
  | { found: true; path: string; from: 'WAYMARK_CHROMIUM' | 'Playwright' | 'the system' }
  | { found: false; message: string };

/** The usual install places of Chromium and Chrome, most specific first. */
export function systemBrowserPaths(
  platform: NodeJS.Platform,
  env: Readonly<Record<string, string | undefined>>,
): string[] {
  switch (platform) {
    case 'darwin': {
      const apps = ['/Applications', ...(env.HOME ? [`${env.HOME}/Applications`] : [])];
      return apps.flatMap((dir) => [
        `${dir}/Google Chrome.app/Contents/MacOS/Google Chrome`,
        `${dir}/Chromium.app/Contents/MacOS/Chromium`,
      ]);
    }
    case 'win32': {
      const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter(
        (r): r is string => !!r,
      );
      return roots.flatMap((root) => [
        `${root}\\Google\\Chrome\\Application\\chrome.exe`,
        `${root}\\Chromium\\Application\\chrome.exe`,
      ]);
    }
    default:
      return [
        '/usr/bin/chromium',
        '/usr/bin/chromium-browser',
        '/usr/bin/google-chrome',
        '/usr/bin/google-chrome-stable',
        '/snap/bin/chromium',
      ];
  }
}

/** How to get a browser on this OS: one command, with the alternatives. */
export function browserInstallHint(
  platform: NodeJS.Platform,
  exists: (path: string) => boolean,
): string {
  const playwright = '`npx playwright install chromium`';
  switch (platform) {
    case 'darwin':
      return `run ${playwright} or install Google Chrome`;
    case 'win32':
      return `run ${playwright} or install Google Chrome`;
    default:
      if (exists('/etc/debian_version'))
        return `run \`sudo apt-get install chromium\` (or ${playwright})`;
      if (exists('/etc/fedora-release'))
        return `run \`sudo dnf install chromium\` (or ${playwright})`;
      return `run \`npx playwright install --with-deps chromium\` or install Chromium with your package manager`;
  }
}

export function findBrowser({
  env,
  platform,
  exists,
  playwrightChromium,
}: BrowserSearch): BrowserFound {
  const chosen = env.WAYMARK_CHROMIUM;
  if (chosen) {
    // Set but wrong is a mistake to report, not a reason to quietly test in another browser.
    if (exists(chosen)) return { found: true, path: chosen, from: 'WAYMARK_CHROMIUM' };
    return {
      found: false,
      message: `WAYMARK_CHROMIUM is set to ${chosen}, but there is no file there: point it at a Chromium or Chrome executable, or unset it.`,
    };
  }
  let own: string | undefined;
  try {
    own = playwrightChromium();
  } catch {
    // Playwright has no build for this OS: the system's browser may still do.
    own = undefined;
  }
  if (own && exists(own)) return { found: true, path: own, from: 'Playwright' };
  const system = systemBrowserPaths(platform, env).find((p) => exists(p));
  if (system) return { found: true, path: system, from: 'the system' };
  return {
    found: false,
    message: `The end-to-end tests need Chromium or Chrome and found neither: ${browserInstallHint(platform, exists)}, or set WAYMARK_CHROMIUM to one.`,
  };
}

export const findBrowserHere = (): BrowserFound =>
  findBrowser({
    env: process.env,
    platform: process.platform,
    exists: existsSync,
    playwrightChromium: () => chromium.executablePath(),
  });
