/**
 * A seeded fault-injecting HTTP proxy for the sync tests (sync design §7): it sits between a
 * device and the central service on loopback and, request by request, passes, drops, duplicates,
 * delays, reorders, fails or cuts replies according to a schedule drawn from a seed, so every
 * failing run can be replayed from its seed alone.
 */
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault =
  | 'pass'
  /** The request never reaches the server; the client's connection is cut. */
  | 'drop-request'
  /** The server commits, the reply is lost (the key exactly-once case). */
  | 'drop-response'
  /** The server gets the request twice (concurrently); the client gets one reply. */
  | 'duplicate'
  /** The server gets the request again after the client has had its reply. */
  | 'duplicate-late'
  /** Held a little, then passed. */
  | 'delay'
  /** The client's connection is cut at once; the request reaches the server later, after the retry. */
  | 'reorder'
  /** 503 without reaching the server. */
  | 'error-503'
  /** The server commits, the client gets a 500. */
  | 'error-500-after'
  /** 429 with Retry-After. */
  | 'throttle'
  /** The server commits; the reply is cut off part-way through its body. */
  | 'reset-mid-body'
  /** The server commits; the reply body is not JSON. */
  | 'garble';

export const ALL_FAULTS: Fault[] = [
  'drop-request',
  'drop-response',
  'duplicate',
  'duplicate-late',
  'delay',
  'reorder',
  'error-503',
  'error-500-after',
  'throttle',
  'reset-mid-body',
  'garble',
];

/** mulberry32: small, fast and good enough to draw schedules from a seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FaultProxyOptions {
  target: string;
  seed: number;
  /** Share of requests that get a fault (0..1). */
  rate?: number;
  faults?: Fault[];
  /** Milliseconds for 'delay' and 'reorder'. */
  delayMs?: number;
  retryAfterSeconds?: number;
}

export interface FaultProxy {
  url: string;
  /** Faults applied so far, in order (for the failure message). */
  log: { path: string; fault: Fault }[];
  /** Stop injecting faults (heal the network). */
  heal(): void;
  /** Wait for late deliveries still in flight (reorder, duplicate-late). */
  settle(): Promise<void>;
  close(): Promise<void>;
}

interface Forwarded {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function forward(target: URL, req: IncomingMessage, body: Buffer): Promise<Forwarded> {
  return new Promise((done, fail) => {
    const out = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host, 'content-length': String(body.length) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          done({
            status: res.statusCode ?? 502,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
        res.on('error', fail);
      },
    );
    out.on('error', fail);
    out.end(body);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function reply(res: ServerResponse, f: Forwarded): void {
  res.writeHead(f.status, {
    'content-type': String(f.headers['content-type'] ?? 'application/json'),
    ...(f.headers['retry-after'] ? { 'retry-after': String(f.headers['retry-after']) } : {}),
  });
  res.end(f.body);
}

function jsonError(res: ServerResponse, status: number, code: string, headers = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify({ code, message: 'Injected fault' }));
}

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const target = new URL(options.target);
  const random = seededRandom(options.seed);
  const rate = options.rate ?? 0.3;
  const faults = options.faults ?? ALL_FAULTS;
  const delayMs = options.delayMs ?? 20;
  const log: FaultProxy['log'] = [];
  const late = new Set<Promise<unknown>>();
  let healed = false;

  const later = (work: () => Promise<unknown>) => {
    const p = work()
      .catch(() => undefined)
      .finally(() => late.delete(p));
    late.add(p);
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      // Draw on every request, healed or not, so a schedule depends only on the seed.
      const roll = random();
      const pick = faults[Math.floor(random() * faults.length)]!;
      const fault: Fault = !healed && roll < rate ? pick : 'pass';
      log.push({ path: req.url ?? '', fault });
      void handle(fault, req, res, body).catch(() => res.destroy());
    });
  });

  async function handle(
    fault: Fault,
    req: IncomingMessage,
    res: ServerResponse,
    body: Buffer,
  ): Promise<void> {
    switch (fault) {
      case 'pass':
        return reply(res, await forward(target, req, body));
      case 'drop-request':
        res.destroy();
        return;
      case 'drop-response':
        await forward(target, req, body);
        res.destroy();
        return;
      case 'duplicate': {
        const [a] = await Promise.all([
          forward(target, req, body),
          forward(target, req, body).catch(() => null),
        ]);
        return reply(res, a);
      }
      case 'duplicate-late': {
        const a = await forward(target, req, body);
        reply(res, a);
        later(async () => {
          await sleep(delayMs);
          await forward(target, req, body);
        });
        return;
      }
      case 'delay':
        await sleep(delayMs);
        return reply(res, await forward(target, req, body));
      case 'reorder':
        res.destroy();
        later(async () => {
          await sleep(delayMs);
          await forward(target, req, body);
        });
        return;
      case 'error-503':
        return jsonError(res, 503, 'unavailable');
      case 'error-500-after':
        await forward(target, req, body);
        return jsonError(res, 500, 'internal');
      case 'throttle':
        return jsonError(res, 429, 'unavailable', {
          'retry-after': String(options.retryAfterSeconds ?? 1),
        });
      case 'reset-mid-body': {
        const f = await forward(target, req, body);
        res.writeHead(f.status, {
          'content-type': 'application/json',
          'content-length': String(f.body.length),
        });
        res.write(f.body.subarray(0, Math.floor(f.body.length / 2)));
        await sleep(1);
        res.destroy();
        return;
      }
      case 'garble': {
        const f = await forward(target, req, body);
        res.writeHead(f.status, { 'content-type': 'application/json' });
        res.end(f.body.subarray(0, Math.max(1, f.body.length - 7)));
        return;
      }
    }
  }

  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    heal: () => {
      healed = true;
    },
    settle: async () => {
      while (late.size > 0) await Promise.all([...late]);
    },
    close: async () => {
      await Promise.all([...late]);
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
