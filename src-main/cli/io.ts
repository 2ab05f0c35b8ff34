/** Command-line plumbing shared by every command: exit codes, output, passphrase, opening a db. */
import { chmodSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';
import { AppError } from '../errors';
import { dataPathsFor } from '../app/data-paths';
import { Vault } from '../vault/vault';
import { openDatabase } from '../db/open';
import { startServices, type Unlocked } from '../app/session';

/** Exit codes, documented in the README. */
export const EXIT = {
  ok: 0,
  failure: 1,
  usage: 2,
  invalidInput: 3,
  wrongPassphrase: 4,
  notFound: 5,
  refused: 6,
  verifyFailed: 7,
  /** Sync: the server could not be reached or stopped answering part-way (nothing is lost). */
  unreachable: 8,
} as const;

export class CliError extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message);
  }
}

export function exitCodeFor(error: unknown): number {
  if (error instanceof CliError) return error.exitCode;
  if (error instanceof AppError) {
    switch (error.code) {
      case 'invalid-input':
        return EXIT.invalidInput;
      case 'wrong-passphrase':
      case 'too-many-attempts':
        return EXIT.wrongPassphrase;
      case 'not-found':
      case 'not-initialised':
        return EXIT.notFound;
      default:
        return EXIT.refused;
    }
  }
  return EXIT.failure;
}

export const writeJson = (value: unknown) =>
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
export const writeLine = (line: string) => process.stdout.write(`${line}\n`);

/**
 * Every file the command line writes (letters, error reports) holds participant data: readable
 * by its owner only (0600), also when it replaces an existing file.
 */
export function writePrivateFile(file: string, data: string | Uint8Array): void {
  writeFileSync(file, data, { mode: 0o600 });
  chmodSync(file, 0o600);
}

export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** WAYMARK_PASSPHRASE (or `env`), or a prompt on a terminal (the answer is not echoed). */
export async function passphrase(
  prompt = 'Passphrase: ',
  env = 'WAYMARK_PASSPHRASE',
): Promise<string> {
  const fromEnv = process.env[env];
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY)
    throw new CliError(EXIT.usage, `Set ${env} or run in a terminal to be asked for it`);
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
    if (s.includes(prompt)) process.stderr.write(prompt);
  };
  return new Promise((done) =>
    rl.question(prompt, (answer) => {
      rl.close();
      process.stderr.write('\n');
      done(answer);
    }),
  );
}

/**
 * Scrypt cost for `init`; tests lower it through the environment to stay quick. Honoured only
 * under the test runner (NODE_ENV=test) and never below 2^10, so a production run cannot be
 * talked into a key file a guesser could break.
 */
export function kdfCostFromEnv(): { N: number; r: number; p: number } | undefined {
  const n = Number(process.env.WAYMARK_TEST_KDF_N);
  if (process.env.NODE_ENV !== 'test' || !Number.isInteger(n) || n < 2 ** 10) return undefined;
  return { N: n, r: 8, p: 1 };
}

/** Unlocks the caseload at `file` with the passphrase and runs `work` over its services. */
export async function withCaseload<T>(file: string, work: (u: Unlocked) => Promise<T>): Promise<T> {
  const paths = dataPathsFor(resolve(file));
  const vault = new Vault({ file: paths.keyFile });
  if (!vault.exists())
    throw new CliError(EXIT.notFound, `No Waymark caseload at ${file} (run init first)`);
  const key = await vault.unlock(await passphrase());
  let opened;
  try {
    opened = await openDatabase({ file: paths.database, key });
  } finally {
    key.fill(0);
  }
  try {
    return await work(await startServices(opened, () => new Date()));
  } finally {
    await opened.close();
  }
}
