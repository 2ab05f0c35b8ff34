import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { join, normalize, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  denyAllPermissions,
  guardWebContents,
  isAllowedExternal,
  isAppUrl,
  originOf,
  resolveAppPath,
  windowOptions,
} from '../../src-main/shell/security-policy';

describe('the window the shell builds', () => {
  it('has every Electron security setting', () => {
    const o = windowOptions('/app/preload.cjs', true);
    expect(o.webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      devTools: false,
    });
    expect(o.webPreferences).not.toHaveProperty('enableBlinkFeatures');
  });
});

class FakeContents extends EventEmitter {
  openHandler?: (d: { url: string }) => { action: string };
  setWindowOpenHandler(h: (d: { url: string }) => { action: 'deny' }) {
    this.openHandler = h;
  }
}

const attempt = (wc: FakeContents, event: string, url?: string) => {
  let prevented = false;
  wc.emit(event, { preventDefault: () => (prevented = true) }, url);
  return prevented;
};

describe('the guards on every web contents', () => {
  const wc = new FakeContents();
  guardWebContents(wc as never);

  it('denies every new window', () => {
    expect(wc.openHandler?.({ url: 'app://waymark/index.html' })).toEqual({ action: 'deny' });
    expect(wc.openHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
  });

  it('blocks navigation and redirects away from the app', () => {
    for (const event of ['will-navigate', 'will-redirect']) {
      expect(attempt(wc, event, 'https://evil.example/')).toBe(true);
      expect(attempt(wc, event, 'file:///etc/passwd')).toBe(true);
      expect(attempt(wc, event, 'app://waymark.evil/')).toBe(true);
      expect(attempt(wc, event, 'javascript:alert(1)')).toBe(true);
      expect(attempt(wc, event, 'app://waymark/index.html#/caseload')).toBe(false);
    }
  });

  it('blocks webviews', () => {
    expect(attempt(wc, 'will-attach-webview')).toBe(true);
  });

  it('refuses every permission', () => {
    let granted: boolean | undefined;
    denyAllPermissions(null, 'media', (g) => (granted = g));
    expect(granted).toBe(false);
  });
});

describe('the app:// protocol and external links', () => {
  const root = '/opt/waymark/out/renderer';
  it('serves files inside the renderer folder only', () => {
    expect(resolveAppPath(root, 'app://waymark/', join, normalize)).toBe(
      '/opt/waymark/out/renderer/index.html',
    );
    expect(resolveAppPath(root, 'app://waymark/assets/index.js', join, normalize)).toBe(
      '/opt/waymark/out/renderer/assets/index.js',
    );
    expect(
      resolveAppPath(root, 'app://waymark/..%2f..%2fmain/index.js', join, normalize),
    ).toBeNull();
    // The URL parser folds %2e%2e segments at the root, so they cannot climb out either.
    expect(resolveAppPath(root, 'app://waymark/%2e%2e/%2e%2e/etc/passwd', join, normalize)).toBe(
      '/opt/waymark/out/renderer/etc/passwd',
    );
    expect(resolveAppPath(root, 'app://other/index.html', join, normalize)).toBeNull();
  });

  it('knows its own origin', () => {
    expect(isAppUrl('app://waymark/index.html')).toBe(true);
    expect(isAppUrl('http://waymark/')).toBe(false);
    expect(originOf('app://waymark/x?y')).toBe('app://waymark');
  });

  it('opens only https links on the allowlist', () => {
    expect(isAllowedExternal('https://www.spso.org.uk/')).toBe(true);
    expect(isAllowedExternal('http://www.spso.org.uk/')).toBe(false);
    expect(isAllowedExternal('https://www.spso.org.uk.evil.example/')).toBe(false);
    expect(isAllowedExternal('file:///etc/passwd')).toBe(false);
  });

  it('sends the same strict CSP as the page declares', () => {
    const html = readFileSync(
      resolve(import.meta.dirname, '../../src-renderer/index.html'),
      'utf8',
    );
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    const directives = (csp: string) =>
      new Map(
        csp
          .split(';')
          .map((d) => d.trim().split(/\s+/))
          .map(([k, ...v]) => [k, v.join(' ')]),
      );
    const fromMeta = directives(meta!);
    const fromHeader = directives(CONTENT_SECURITY_POLICY);
    for (const [k, v] of fromMeta) expect(fromHeader.get(k), k).toBe(v);
    expect(fromHeader.get('default-src')).toBe("'none'");
    expect(fromHeader.get('script-src')).toBe("'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(eval|inline)/);
  });
});
