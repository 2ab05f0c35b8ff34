/**
 * The browser test harness: one loopback origin serves the built renderer and /ipc, which feeds
 * each call to the same router the Electron shell uses, over a real encrypted caseload. The page
 * gets `window.waymark` from an init script (initScript below), so the renderer cannot tell.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createBackend, type Backend } from '../../src-main/app/backend';
import { dataPathsFor } from '../../src-main/app/data-paths';
import { CHANNEL_NAMES } from '../../src-shared/ipc/channel-names';
import { CONTENT_SECURITY_POLICY } from '../../src-main/shell/security-policy';
import { TEST_KDF } from './temp-caseload';
import { recordingDesktop, type RecordingDesktop } from './recording-desktop';

const RENDERER = resolve(import.meta.dirname, '../../out/renderer');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
};

export interface E2eServer {
  url: string;
  backend: Backend;
  /** Print, open and save land as files in `<dataDir>/desktop`. */
  desktop: RecordingDesktop;
  close(): Promise<void>;
}

export async function startE2eServer(
  dataDir: string,
  opts: { now?: () => Date } = {},
): Promise<E2eServer> {
  let origin = '';
  // Assigned once the port (and so the trusted origin) is known.
  const state: { backend?: Backend } = {};
  const server: Server = createServer(async (req, res) => {
    try {
      if (req.method === 'POST' && req.url === '/ipc') {
        const chunks: Buffer[] = [];
        for await (const c of req) chunks.push(c as Buffer);
        const { channel, input } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
          channel: string;
          input: unknown;
        };
        // The sender's origin is what the browser says it is, as Electron's senderFrame would.
        const result = await state.backend!.router(channel, input, req.headers.origin ?? 'null');
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
        return;
      }
      const path = decodeURIComponent(new URL(req.url ?? '/', origin).pathname);
      const file = normalize(join(RENDERER, path === '/' ? 'index.html' : path));
      if (!file.startsWith(RENDERER)) return void res.writeHead(404).end();
      const body = await readFile(file);
      res
        .writeHead(200, {
          'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
          'content-security-policy': CONTENT_SECURITY_POLICY,
        })
        .end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const desktop = recordingDesktop(join(dataDir, 'desktop'));
  const ready = (state.backend = createBackend({
    desktop,
    paths: dataPathsFor(join(dataDir, 'case load.waymark')),
    kdfCost: TEST_KDF,
    now: opts.now,
    trustedOrigins: [origin],
  }));
  return {
    url: origin,
    backend: ready,
    desktop,
    close: async () => {
      await ready.session.lock('quit');
      await new Promise((done) => {
        server.close(done);
        // The page may still be polling (keep-alive, timers): end its connections too.
        server.closeAllConnections();
      });
    },
  };
}

/** What the preload exposes, rebuilt for the browser: the same names, forwarded over /ipc. */
export const initScript = `(() => {
  const names = ${JSON.stringify(CHANNEL_NAMES)};
  const api = {};
  for (const channel of names) {
    api[channel] = async (input) => {
      const response = await fetch('/ipc', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ channel, input }) });
      return response.json();
    };
  }
  Object.defineProperty(window, 'waymark', { value: Object.freeze(api), writable: false });
})();`;
