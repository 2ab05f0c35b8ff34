import { net, protocol } from 'electron';
import { join, normalize } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY, resolveAppPath } from './security-policy';
import type { OneTimePdfs } from './one-time-pdfs';

/** Must run before app 'ready': app:// behaves like a secure, standard origin. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/**
 * Serves the built renderer from app://waymark with the CSP as a header too; no file:// ever.
 * app://waymark/print/<token>.pdf serves a PDF waiting to be printed, once, from memory.
 */
export function serveRenderer(rendererRoot: string, pdfs: OneTimePdfs): void {
  protocol.handle('app', async (request) => {
    if (pdfs.isPrintUrl(request.url)) {
      const pdf = request.method === 'GET' ? pdfs.take(request.url) : null;
      if (!pdf) return new Response('Not found', { status: 404 });
      // No CSP header here: its object-src 'none' would stop Chromium's PDF viewer, and the
      // bytes are Waymark's own PDF, not a page.
      return new Response(new Uint8Array(pdf), {
        status: 200,
        headers: {
          'Content-Type': 'application/pdf',
          'Cache-Control': 'no-store',
          'X-Content-Type-Options': 'nosniff',
        },
      });
    }
    const file = resolveAppPath(rendererRoot, request.url, join, normalize);
    if (!file) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}
