/**
 * `npm run -s approve-pdf-images`: renders page 1 of each sample document with the same renderer
 * and reader the tests use and writes it as the approved image. Run it only after a deliberate
 * change to a document's look (or to the page renderer), then LOOK at every image it lists
 * before committing: the test compares against whatever is approved here.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { createPdfRenderer } from '../../src-main/pdf/render';
import { buildDocument } from '../../src-main/pdf/documents';
import {
  APPROVED_DIR,
  APPROVED_PAGES,
  approvedImageFile,
  compareWithApproved,
} from './approved-images';
import { pageImages } from './pdf-reader';

const renderer = createPdfRenderer();
mkdirSync(APPROVED_DIR, { recursive: true });
for (const [name, sample] of APPROVED_PAGES) {
  const [page1] = await pageImages(await renderer.render(buildDocument(sample())));
  const before = compareWithApproved(name, page1!);
  const change = before.missing
    ? 'new'
    : !before.sizeMatches
      ? 'new size'
      : `${(before.differentShare * 100).toFixed(2)}% of pixels changed`;
  writeFileSync(approvedImageFile(name), page1!);
  console.log(`${relative(process.cwd(), approvedImageFile(name))}: ${change}`);
}
console.log('Look at each image before committing it.');
