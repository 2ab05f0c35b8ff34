/**
 * Compares page images with approved ones in test/fixtures/pdf-approved within a small
 * tolerance (anti-aliasing differs between poppler builds). UPDATE_APPROVED=1 writes new ones:
 * look at them before committing.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PNG } from 'pngjs';
import pixelmatch from 'pixelmatch';

const DIR = resolve(import.meta.dirname, '../fixtures/pdf-approved');

export interface ImageComparison {
  missing: boolean;
  sizeMatches: boolean;
  /** Share of pixels that differ beyond pixelmatch's colour threshold. */
  differentShare: number;
}

export function compareWithApproved(name: string, png: Buffer): ImageComparison {
  const file = join(DIR, `${name}.png`);
  if (process.env.UPDATE_APPROVED === '1') {
    mkdirSync(DIR, { recursive: true });
    writeFileSync(file, png);
  }
  if (!existsSync(file)) return { missing: true, sizeMatches: false, differentShare: 1 };
  const approved = PNG.sync.read(readFileSync(file));
  const actual = PNG.sync.read(png);
  if (approved.width !== actual.width || approved.height !== actual.height)
    return { missing: false, sizeMatches: false, differentShare: 1 };
  const { width, height } = approved;
  const different = pixelmatch(approved.data, actual.data, undefined, width, height, {
    threshold: 0.1,
  });
  return { missing: false, sizeMatches: true, differentShare: different / (width * height) };
}
