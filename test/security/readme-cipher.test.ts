/** The README named ChaCha20 while the code opened the caseload with AEGIS: the two must agree. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CIPHER } from '../../src-main/db/open';

describe('the README on the cipher', () => {
  it('names the cipher the database is opened with, and no other', () => {
    const readme = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8');
    const claim = /\*\*Cipher: [^*]+\*\* \(sqlite3mc's `PRAGMA cipher='([a-z0-9]+)'`/.exec(readme);
    expect(claim?.[1]).toBe(CIPHER);
  });
});
