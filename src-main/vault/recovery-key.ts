/**
 * The recovery key: 24 characters of Crockford's base32 (120 random bits) in six groups of four,
 * shown once at set-up. Crockford's alphabet leaves out I, L, O and U, so a key copied by hand is
 * read back the same; normalising maps the look-alikes (O to 0, I and L to 1) and drops spaces
 * and dashes, so "abcd efgh" and "ABCD-EFGH" are the same key.
 */
import { randomBytes } from 'node:crypto';
import { AppError } from '../errors';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RECOVERY_KEY_CHARS = 24;

export function newRecoveryKey(): string {
  const bytes = randomBytes(RECOVERY_KEY_CHARS);
  // 256 is a multiple of 32: taking each byte mod 32 is unbiased.
  const chars = [...bytes].map((b) => ALPHABET[b % 32]).join('');
  bytes.fill(0);
  return chars.match(/.{4}/g)!.join('-');
}

/** The canonical form the key is derived from; refuses anything that cannot be a recovery key. */
export function normaliseRecoveryKey(input: string): string {
  const plain = input
    .toUpperCase()
    .replace(/[\s-]+/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (plain.length !== RECOVERY_KEY_CHARS || [...plain].some((c) => !ALPHABET.includes(c)))
    throw new AppError(
      'invalid-input',
      `A recovery key is ${RECOVERY_KEY_CHARS} letters and numbers, in groups of four`,
      'recoveryKey',
    );
  return plain.match(/.{4}/g)!.join('-');
}
