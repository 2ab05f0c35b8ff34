/**
 * Page 1 of each sample document, compared with the image approved for it in
 * test/fixtures/pdf-approved, pixel by pixel within a small tolerance (anti-aliasing may differ
 * slightly between machines). Images are approved deliberately, never by a test run:
 * `npm run -s approve-pdf-images` writes new ones, to be looked at before committing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PNG } from 'pngjs';
import pixelmatch from 'pixelmatch';
import type { DocumentSnapshot } from '../../src-main/pdf/documents';
import { betterOffSample, inductionSample, ppepSample } from './sample-data';

export const APPROVED_DIR = resolve(import.meta.dirname, '../fixtures/pdf-approved');

/** The documents whose first page has an approved image, by image name. */
export const APPROVED_PAGES: ReadonlyArray<readonly [string, () => DocumentSnapshot]> = [
  ['induction-en', () => inductionSample()],
  ['induction-large-print', () => inductionSample({}, { largePrint: true })],
  ['induction-cy-en', () => inductionSample({}, { language: 'cy-en' })],
  ['ppep', () => ppepSample()],
  ['better-off', () => betterOffSample()],
];

export const approvedImageFile = (name: string): string => join(APPROVED_DIR, `${name}.png`);

export interface ImageComparison {
  missing: boolean;
  sizeMatches: boolean;
  /** Share of pixels that differ beyond pixelmatch's colour threshold. */
  differentShare: number;
}

export function compareWithApproved(name: string, png: Buffer): ImageComparison {
  const file = approvedImageFile(name);
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
