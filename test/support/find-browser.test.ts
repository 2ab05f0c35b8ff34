/**
 * The end-to-end browser finder with the machine faked: which browser wins on each OS, and the
 * one line a contributor reads when there is none.
 */
import { describe, expect, it } from 'vitest';
import { findBrowser, type BrowserSearch } from './find-browser';

const PLAYWRIGHT_LINUX = '/home/ada/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome';

function machine(
  files: string[],
  overrides: Partial<Omit<BrowserSearch, 'exists'>> = {},
): BrowserSearch & { asked: string[] } {
  const asked: string[] = [];
  return {
    env: {},
    platform: 'linux',
    playwrightChromium: () => PLAYWRIGHT_LINUX,
    ...overrides,
    exists: (p) => {
      asked.push(p);
      return files.includes(p);
    },
    asked,
  };
}

describe('finding the end-to-end browser', () => {
  it('takes WAYMARK_CHROMIUM first, over every other browser on the machine', () => {
    const found = findBrowser(
      machine(['/opt/my chromium/chrome', PLAYWRIGHT_LINUX, '/usr/bin/chromium'], {
        env: { WAYMARK_CHROMIUM: '/opt/my chromium/chrome' },
      }),
    );
    expect(found).toEqual({
      found: true,
      path: '/opt/my chromium/chrome',
      from: 'WAYMARK_CHROMIUM',
    });
  });

  it('says so when WAYMARK_CHROMIUM names nothing, rather than quietly using another browser', () => {
    const found = findBrowser(
      machine(['/usr/bin/chromium'], { env: { WAYMARK_CHROMIUM: '/opt/gone/chrome' } }),
    );
    expect(found).toEqual({
      found: false,
      message:
        'WAYMARK_CHROMIUM is set to /opt/gone/chrome, but there is no file there: point it at a Chromium or Chrome executable, or unset it.',
    });
  });

  it("takes Playwright's own Chromium where it is installed, before the system's", () => {
    const found = findBrowser(machine([PLAYWRIGHT_LINUX, '/usr/bin/chromium']));
    expect(found).toEqual({ found: true, path: PLAYWRIGHT_LINUX, from: 'Playwright' });
  });

  it("passes over Playwright's Chromium when it was never downloaded, or Playwright has no build", () => {
    expect(findBrowser(machine(['/usr/bin/chromium']))).toEqual({
      found: true,
      path: '/usr/bin/chromium',
      from: 'the system',
    });
    const noBuild = machine(['/usr/bin/chromium'], {
      playwrightChromium: () => {
        throw new Error('ERROR: Playwright does not support chromium on this platform');
      },
    });
    expect(findBrowser(noBuild)).toMatchObject({ found: true, path: '/usr/bin/chromium' });
  });

  it.each([
    ['linux', {}, '/usr/bin/chromium-browser'],
    ['linux', {}, '/usr/bin/google-chrome'],
    ['linux', {}, '/snap/bin/chromium'],
    ['darwin', {}, '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'],
    ['darwin', {}, '/Applications/Chromium.app/Contents/MacOS/Chromium'],
    [
      'darwin',
      { HOME: '/Users/ada' },
      '/Users/ada/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    ],
    [
      'win32',
      { PROGRAMFILES: 'C:\\Program Files' },
      'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    ],
    [
      'win32',
      { 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)' },
      'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
    ],
    [
      'win32',
      { LOCALAPPDATA: 'C:\\Users\\ada\\AppData\\Local' },
      'C:\\Users\\ada\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe',
    ],
  ] as const)('on %s finds the system browser at %s', (platform, env, path) => {
    expect(findBrowser(machine([path], { platform, env }))).toEqual({
      found: true,
      path,
      from: 'the system',
    });
  });

  it("does not take another OS's usual place", () => {
    const macChrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(findBrowser(machine([macChrome], { platform: 'linux' })).found).toBe(false);
    expect(findBrowser(machine(['/usr/bin/chromium'], { platform: 'darwin' })).found).toBe(false);
  });

  it('prefers /usr/bin/chromium to the other system places on Linux', () => {
    const found = findBrowser(
      machine(['/snap/bin/chromium', '/usr/bin/chromium', '/usr/bin/google-chrome']),
    );
    expect(found).toMatchObject({ path: '/usr/bin/chromium' });
  });
});

describe('the message when there is no browser', () => {
  const none = (platform: NodeJS.Platform, files: string[] = []) =>
    findBrowser(machine(files, { platform }));

  it('names the apt-get command on Debian and Ubuntu', () => {
    expect(none('linux', ['/etc/debian_version'])).toEqual({
      found: false,
      message:
        'The end-to-end tests need Chromium or Chrome and found neither: run `sudo apt-get install chromium` (or `npx playwright install chromium`), or set WAYMARK_CHROMIUM to one.',
    });
  });

  it('names the dnf command on Fedora, and Playwright with its system libraries elsewhere', () => {
    expect(none('linux', ['/etc/fedora-release'])).toMatchObject({
      message: expect.stringContaining('run `sudo dnf install chromium`'),
    });
    expect(none('linux')).toMatchObject({
      message: expect.stringContaining('run `npx playwright install --with-deps chromium`'),
    });
  });

  it.each(['darwin', 'win32'] as const)('names Playwright or Chrome on %s', (platform) => {
    expect(none(platform)).toEqual({
      found: false,
      message:
        'The end-to-end tests need Chromium or Chrome and found neither: run `npx playwright install chromium` or install Google Chrome, or set WAYMARK_CHROMIUM to one.',
    });
  });

  it('is one line', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      const result = none(platform);
      expect(result.found).toBe(false);
      if (!result.found) expect(result.message).not.toContain('\n');
    }
  });
});
