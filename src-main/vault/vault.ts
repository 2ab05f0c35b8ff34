/**
 * The database key's keeper. A random 256-bit key encrypts the database; it is stored only
 * wrapped (AES-256-GCM) by a key derived from the adviser's passphrase, and that wrapped blob is
 * wrapped again by the OS keychain where one exists. Changing the passphrase re-wraps the same
 * key, so the database is never re-encrypted. The key file holds no secret in the clear.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  openSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import lockfile from 'proper-lockfile';
import { AppError } from '../errors';
import { deriveKey, newScryptParams, DEFAULT_SCRYPT, type ScryptParams } from './kdf';
import { newRecoveryKey, normaliseRecoveryKey } from './recovery-key';
import type { OsKeyProtector } from './os-protector';

interface Wrapped {
  kdf: ScryptParams;
  iv: string;
  tag: string;
  ct: string;
}

interface KeyFile {
  format: 1;
  /** The passphrase-wrapped key, present when the OS keychain is not used. */
  wrapped?: Wrapped;
  /** The same, encrypted by the OS keychain (base64). */
  osWrapped?: string;
  /**
   * A second wrap of the same key, under a key derived from the recovery key shown once at
   * set-up. Not wrapped by the OS keychain: it must still open on a new computer, after a
   * reinstall, or from a backup, and its 120 random bits leave nothing to guess.
   */
  recovery?: Wrapped;
  /**
   * count: every refused attempt, including those refused unheard while waiting (evidence of
   * hammering); tried: wrong passphrases actually checked, which set the wait (older files
   * lack it and use count).
   */
  failures: { count: number; lastAt: string | null; tried?: number };
}

export interface VaultOptions {
  file: string;
  os?: OsKeyProtector | null;
  now?: () => Date;
  /** Lower scrypt cost, for tests only. */
  kdfCost?: { N: number; r: number; p: number };
}

/** No delay for the first three failures, then 30 s doubling to a 15-minute ceiling. */
export function retryDelayMs(failures: number): number {
  if (failures < 3) return 0;
  return Math.min(30_000 * 2 ** (failures - 3), 15 * 60_000);
}

const GCM_AAD = Buffer.from('waymark-db-key-v1');

function seal(key: Buffer, kek: Buffer, kdf: ScryptParams): Wrapped {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv).setAAD(GCM_AAD);
  const ct = Buffer.concat([cipher.update(key), cipher.final()]);
  return {
    kdf,
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    ct: ct.toString('base64'),
  };
}

function open(wrapped: Wrapped, kek: Buffer): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(wrapped.iv, 'base64')).setAAD(
      GCM_AAD,
    );
    decipher.setAuthTag(Buffer.from(wrapped.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(wrapped.ct, 'base64')), decipher.final()]);
  } catch {
    return null; // the tag did not verify: wrong passphrase
  }
}

/**
 * One key-file operation at a time: in this process (a queue per file, so parallel unlock calls
 * cannot all read the same failure count) and across processes (a lock directory beside the
 * file, so the app and the command line cannot both set up or both count a failure).
 */
const queues = new Map<string, Promise<unknown>>();
function exclusive<T>(file: string, work: () => Promise<T>): Promise<T> {
  const locked = async () => {
    const release = await lockfile.lock(file, {
      realpath: false,
      stale: 30_000,
      retries: { retries: 100, minTimeout: 20, maxTimeout: 250 },
    });
    try {
      return await work();
    } finally {
      await release();
    }
  };
  const result = (queues.get(file) ?? Promise.resolve()).then(locked, locked);
  const settled = result.then(
    () => undefined,
    () => undefined,
  );
  queues.set(file, settled);
  void settled.then(() => {
    if (queues.get(file) === settled) queues.delete(file);
  });
  return result;
}

/** Writes, flushes to disk, then (optionally exclusively) moves into place. */
function writeDurably(file: string, text: string, exclusiveCreate: boolean): void {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    if (exclusiveCreate) {
      // link fails if the key file exists: a second set-up can never replace the first's key.
      linkSync(tmp, file);
      unlinkSync(tmp);
    } else renameSync(tmp, file);
  } catch (error) {
    unlinkSync(tmp);
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw alreadySetUp();
    throw error;
  }
  try {
    const dir = openSync(dirname(file), 'r');
    try {
      fsyncSync(dir); // the rename itself survives power loss
    } finally {
      closeSync(dir);
    }
  } catch {
    // Windows cannot open a directory; NTFS journals the rename.
  }
}

const isWrapped = (w: unknown): w is Wrapped => {
  const v = w as Wrapped | undefined;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.iv === 'string' &&
    typeof v.tag === 'string' &&
    typeof v.ct === 'string' &&
    v.kdf?.name === 'scrypt' &&
    Number.isInteger(v.kdf.N) &&
    Number.isInteger(v.kdf.r) &&
    Number.isInteger(v.kdf.p) &&
    typeof v.kdf.salt === 'string'
  );
};

/** A key file from a backup: its shape checked before anything is written. */
function parseKeyFile(text: string): KeyFile {
  let file: KeyFile;
  try {
    file = JSON.parse(text) as KeyFile;
  } catch {
    throw badKeyFile();
  }
  if (file?.format !== 1 || !isWrapped(file.wrapped)) throw badKeyFile();
  if (file.recovery !== undefined && !isWrapped(file.recovery)) throw badKeyFile();
  return { format: 1, wrapped: file.wrapped, recovery: file.recovery, failures: file.failures };
}

const badKeyFile = () =>
  new AppError(
    'invalid-input',
    'The backup does not hold a Waymark key file it can restore',
    'file',
  );

const alreadySetUp = () =>
  new AppError(
    'already-initialised',
    'Waymark is already set up on this computer. Unlock it with its passphrase.',
  );

export class Vault {
  private readonly now: () => Date;
  constructor(private readonly options: VaultOptions) {
    this.now = options.now ?? (() => new Date());
  }

  exists(): boolean {
    return existsSync(this.options.file);
  }

  get osProtected(): boolean {
    return this.exists() && this.read().osWrapped !== undefined;
  }

  /** When the next unlock attempt will be accepted, or null if now. */
  retryAfter(): Date | null {
    if (!this.exists()) return null;
    const { failures } = this.read();
    if (!failures.lastAt) return null;
    const at = new Date(
      Date.parse(failures.lastAt) + retryDelayMs(failures.tried ?? failures.count),
    );
    return at > this.now() ? at : null;
  }

  /**
   * First run: makes a new random database key and stores it wrapped, and (given one) wrapped
   * a second time by the recovery key in the same write.
   */
  create(passphrase: string, recoveryKey?: string): Promise<Buffer> {
    return exclusive(this.options.file, async () => {
      if (this.exists()) throw alreadySetUp();
      const key = randomBytes(32);
      try {
        const recovery = recoveryKey ? await this.recoveryWrap(key, recoveryKey) : undefined;
        await this.store(key, passphrase, { count: 0, lastAt: null }, true, recovery);
      } catch (error) {
        key.fill(0);
        throw error;
      }
      return key;
    });
  }

  /** Attempts run one at a time, so every failure is counted however many arrive together. */
  unlock(passphrase: string): Promise<Buffer> {
    return exclusive(this.options.file, () => this.attempt(passphrase));
  }

  private attempt(passphrase: string): Promise<Buffer> {
    return this.tryWrap(passphrase, (file) => this.unwrapOs(file), 'passphrase');
  }

  /**
   * Forgotten passphrase: opens the key with the recovery key, then wraps it under the new
   * passphrase (the recovery wrap stays, so the same recovery key keeps working). Wrong recovery
   * keys count towards the same wait as wrong passphrases.
   */
  recover(recoveryKey: string, newPassphrase: string): Promise<Buffer> {
    return exclusive(this.options.file, async () => {
      const key = await this.tryWrap(
        normaliseRecoveryKey(recoveryKey),
        (file) => {
          if (!file.recovery)
            throw new AppError(
              'refused',
              'This caseload has no recovery key. It was set up before recovery keys existed.',
              'recoveryKey',
            );
          return file.recovery;
        },
        'recoveryKey',
      );
      try {
        await this.store(key, newPassphrase, { count: 0, lastAt: null });
      } catch (error) {
        key.fill(0);
        throw error;
      }
      return key;
    });
  }

  /** Whether a recovery key can open this caseload. */
  get hasRecoveryKey(): boolean {
    return this.exists() && this.read().recovery !== undefined;
  }

  /**
   * A new recovery key (the old one stops working), after proving the passphrase. Returns the
   * key's words for showing once; only its wrap is stored.
   */
  async replaceRecoveryKey(passphrase: string): Promise<string> {
    const key = await this.unlock(passphrase);
    try {
      const code = newRecoveryKey();
      const recovery = await this.recoveryWrap(key, code);
      await exclusive(this.options.file, async () => this.write({ ...this.read(), recovery }));
      return code;
    } finally {
      key.fill(0);
    }
  }

  /**
   * The key file as it goes into a backup: the passphrase wrap without the OS keychain layer
   * (another computer's keychain cannot open it) and the recovery wrap. Nothing in it is a
   * secret in the clear; it opens only with the passphrase or the recovery key.
   */
  portable(): string {
    const file = this.read();
    const portable: KeyFile = {
      format: 1,
      wrapped: this.unwrapOs(file),
      ...(file.recovery ? { recovery: file.recovery } : {}),
      failures: { count: 0, lastAt: null },
    };
    return JSON.stringify(portable, null, 2);
  }

  /** Restore: puts a portable key file in place, never over an existing one. */
  install(text: string): Promise<void> {
    return exclusive(this.options.file, async () => {
      if (this.exists()) throw alreadySetUp();
      const file = parseKeyFile(text);
      this.write({ ...file, failures: { count: 0, lastAt: null } }, true);
    });
  }

  private async recoveryWrap(key: Buffer, recoveryKey: string): Promise<Wrapped> {
    const kdf = newScryptParams(this.options.kdfCost ?? DEFAULT_SCRYPT);
    return seal(key, await deriveKey(normaliseRecoveryKey(recoveryKey), kdf), kdf);
  }

  private async tryWrap(
    secret: string,
    pick: (file: KeyFile) => Wrapped,
    field: 'passphrase' | 'recoveryKey',
  ): Promise<Buffer> {
    if (!this.exists()) throw new AppError('not-initialised', 'Waymark has not been set up yet');
    const retry = this.retryAfter();
    if (retry) {
      // Counted, but the passphrase is not tried and the wait is not lengthened.
      const file = this.read();
      this.write({ ...file, failures: { ...file.failures, count: file.failures.count + 1 } });
      const seconds = Math.ceil((retry.getTime() - this.now().getTime()) / 1000);
      throw new AppError(
        'too-many-attempts',
        `Too many wrong passphrases. Try again in ${seconds} seconds.`,
      );
    }
    const file = this.read();
    const wrapped = pick(file);
    const key = open(wrapped, await deriveKey(secret, wrapped.kdf));
    if (!key) {
      const now = this.read(); // re-read: the count is the file's, not this attempt's snapshot
      this.write({
        ...now,
        failures: {
          count: now.failures.count + 1,
          tried: (now.failures.tried ?? now.failures.count) + 1,
          lastAt: this.now().toISOString(),
        },
      });
      throw field === 'passphrase'
        ? new AppError(
            'wrong-passphrase',
            'That passphrase is not right. Check it and try again.',
            'passphrase',
          )
        : new AppError(
            'wrong-passphrase',
            'That recovery key is not right. Check it and try again.',
            'recoveryKey',
          );
    }
    if (file.failures.count > 0) this.write({ ...file, failures: { count: 0, lastAt: null } });
    return key;
  }

  async changePassphrase(current: string, next: string): Promise<void> {
    const key = await this.unlock(current);
    try {
      await exclusive(this.options.file, () => this.store(key, next, { count: 0, lastAt: null }));
    } finally {
      key.fill(0);
    }
  }

  private async store(
    key: Buffer,
    passphrase: string,
    failures: KeyFile['failures'],
    first = false,
    /** The recovery wrap to keep; by default the one already stored. */
    recovery: Wrapped | undefined = first ? undefined : this.read().recovery,
  ): Promise<void> {
    const kdf = newScryptParams(this.options.kdfCost ?? DEFAULT_SCRYPT);
    const wrapped = seal(key, await deriveKey(passphrase, kdf), kdf);
    const os = this.options.os;
    const file: KeyFile =
      os && os.isAvailable()
        ? {
            format: 1,
            osWrapped: os.encrypt(Buffer.from(JSON.stringify(wrapped))).toString('base64'),
            failures,
          }
        : { format: 1, wrapped, failures };
    if (recovery) file.recovery = recovery;
    this.write(file, first);
  }

  private unwrapOs(file: KeyFile): Wrapped {
    if (file.wrapped) return file.wrapped;
    const os = this.options.os;
    if (!file.osWrapped || !os || !os.isAvailable()) {
      throw new AppError(
        'refused',
        "This caseload's key is also protected by the operating system's keychain, which is not available here. Open it in the Waymark app on the computer that created it.",
      );
    }
    return JSON.parse(
      os.decrypt(Buffer.from(file.osWrapped, 'base64')).toString('utf8'),
    ) as Wrapped;
  }

  private read(): KeyFile {
    return JSON.parse(readFileSync(this.options.file, 'utf8')) as KeyFile;
  }

  /** Written whole, flushed and renamed: a crash or power cut never leaves a half-written key. */
  private write(file: KeyFile, first = false): void {
    writeDurably(this.options.file, JSON.stringify(file, null, 2), first);
  }
}
