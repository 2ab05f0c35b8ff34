/** One print file from many PDFs: the documents' own pages, in order, unchanged (pdf-lib). */
import { PDFDocument } from 'pdf-lib';

export async function concatenatePdfs(files: Uint8Array[]): Promise<Uint8Array> {
  const out = await PDFDocument.create();
  for (const file of files) {
    const src = await PDFDocument.load(file);
    const pages = await out.copyPages(src, src.getPageIndices());
    for (const page of pages) out.addPage(page);
  }
  return out.save();
}
