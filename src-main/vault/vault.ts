/**
 * The database key's keeper. A random 256-bit key encrypts the database; it is stored only
 * wrapped (AES-256-GCM) by a key derived from the adviser's passphrase, and that wrapped blob is
 * wrapped again by the OS keychain where one exists. Changing the passphrase re-wraps the same
 * key, so the database is never re-encrypted. The key file holds no secret in the clear.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { AppError } from '../errors';
import { deriveKey, newScryptParams, DEFAULT_SCRYPT, type ScryptParams } from './kdf';
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
  failures: { count: number; lastAt: string | null };
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
    const at = new Date(Date.parse(failures.lastAt) + retryDelayMs(failures.count));
    return at > this.now() ? at : null;
  }

  /** First run: makes a new random database key and stores it wrapped. */
  async create(passphrase: string): Promise<Buffer> {
    if (this.exists())
      throw new AppError('already-initialised', 'Waymark is already set up on this computer');
    const key = randomBytes(32);
    await this.store(key, passphrase, { count: 0, lastAt: null });
    return key;
  }

  async unlock(passphrase: string): Promise<Buffer> {
    if (!this.exists()) throw new AppError('not-initialised', 'Waymark has not been set up yet');
    const retry = this.retryAfter();
    if (retry) {
      const seconds = Math.ceil((retry.getTime() - this.now().getTime()) / 1000);
      throw new AppError(
        'too-many-attempts',
        `Too many wrong passphrases. Try again in ${seconds} seconds.`,
      );
    }
    const file = this.read();
    const wrapped = this.unwrapOs(file);
    const key = open(wrapped, await deriveKey(passphrase, wrapped.kdf));
    if (!key) {
      this.write({
        ...file,
        failures: { count: file.failures.count + 1, lastAt: this.now().toISOString() },
      });
      throw new AppError(
        'wrong-passphrase',
        'That passphrase is not right. Check it and try again.',
        'passphrase',
      );
    }
    if (file.failures.count > 0) this.write({ ...file, failures: { count: 0, lastAt: null } });
    return key;
  }

  async changePassphrase(current: string, next: string): Promise<void> {
    const key = await this.unlock(current);
    try {
      await this.store(key, next, { count: 0, lastAt: null });
    } finally {
      key.fill(0);
    }
  }

  private async store(
    key: Buffer,
    passphrase: string,
    failures: KeyFile['failures'],
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
    this.write(file);
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

  /** Write to a temporary file and rename: a crash never leaves a half-written key file. */
  private write(file: KeyFile): void {
    const tmp = `${this.options.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(file, null, 2), { mode: 0o600 });
    renameSync(tmp, this.options.file);
  }
}
