/**
 * The real central service as its operators run it: the command line of central-cli.md in child
 * processes over an embedded (PGlite) store in a temp folder, and `serve --port 0` on loopback.
 * For end-to-end tests that enrol the app through its screens.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = resolve(ROOT, 'node_modules/.bin/tsx');
const CLI = resolve(ROOT, 'src-central/cli/index.ts');

/** Runs one central command; answers its JSON, or throws with its stderr and exit code. */
export function central<T = Record<string, unknown>>(...args: string[]): Promise<T> {
  return new Promise((done, fail) => {
    execFile(
      TSX,
      [CLI, ...args],
      { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) return fail(new Error(`central ${args[0]} failed (${error.code}): ${stderr}`));
        try {
          done(JSON.parse(stdout) as T);
        } catch {
          fail(new Error(`central ${args[0]} printed something that is not JSON: ${stdout}`));
        }
      },
    );
  });
}

export interface CentralServer {
  url: string;
  /** SIGTERM, and wait for the process to finish its requests and release the store. */
  stop(): Promise<void>;
}

/**
 * `central serve --data DIR --port 0` (or a given port, to come back where devices know it):
 * resolves once it prints the address it listens on.
 */
export function serveCentral(data: string, port = 0): Promise<CentralServer> {
  const child: ChildProcess = spawn(
    TSX,
    [CLI, 'serve', '--data', data, '--host', '127.0.0.1', '--port', String(port)],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return new Promise((done, fail) => {
    const lines = createInterface({ input: child.stdout! });
    child.once('exit', (code) => fail(new Error(`central serve exited (${code}): ${stderr}`)));
    lines.once('line', (line) => {
      const { listening } = JSON.parse(line) as { listening: string };
      done({
        url: listening,
        stop: async () => {
          if (child.exitCode === null) child.kill('SIGTERM');
          await exited;
        },
      });
    });
  });
}
