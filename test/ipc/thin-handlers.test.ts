/**
 * Handlers are one call into a service: no queries, no PDF building, no desktop delivery and no
 * reaching into the database from src-main/ipc/handlers. Read from the source, so a handler that
 * grows logic again fails here and the logic goes to its service instead.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = join(__dirname, '../../src-main/ipc/handlers');
const files = readdirSync(DIR).filter((f) => f.endsWith('.ts'));

/** What only a service (or a repository) may do. */
const FORBIDDEN: [RegExp, string][] = [
  [/\b(selectFrom|insertInto|updateTable|deleteFrom)\(/, 'a database query'],
  [/\.transaction\(/, 'a transaction'],
  [/from '\.\.\/\.\.\/(db|pdf|write-path)\//, 'an import from db/, pdf/ or write-path/'],
  [/\brunDesktopAction\b|createPdfRenderer\b/, 'PDF building or delivery'],
  [/\bthrow new\b/, 'a rule of its own (an error it raises)'],
];

describe('thin handlers', () => {
  it('finds the handler files', () => {
    expect(files).toContain('complaints.ts');
    expect(files.length).toBeGreaterThan(15);
  });

  for (const file of files)
    it(`${file} only calls services`, () => {
      const source = readFileSync(join(DIR, file), 'utf8');
      const found = FORBIDDEN.filter(([re]) => re.test(source)).map(([, what]) => what);
      expect(found).toEqual([]);
    });

  it('catches a handler that queries the database (the check can fail)', () => {
    const bad = "'x:y': () => db.selectFrom('offices').select('name').execute(),";
    expect(FORBIDDEN.some(([re]) => re.test(bad))).toBe(true);
  });
});
