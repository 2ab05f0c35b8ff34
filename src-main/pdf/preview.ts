/**
 * The preview the app shows, read out of the very document definition the PDF is rendered from,
 * so what the adviser checks on screen is what prints. One line per block, in page order;
 * bullet items start with '• ' and table rows join their cells with ' | '.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';

function inline(node: unknown): string {
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(inline).join('');
  if (node && typeof node === 'object' && 'text' in node) return inline(node.text);
  return '';
}

function blocks(node: Content | undefined, out: string[], bullet = ''): void {
  if (node === undefined || node === null) return;
  if (typeof node === 'string' || typeof node === 'number') {
    out.push(bullet + String(node));
    return;
  }
  if (Array.isArray(node)) {
    for (const n of node) blocks(n, out);
    return;
  }
  if ('stack' in node) return blocks(node.stack, out);
  if ('columns' in node) return blocks(node.columns, out);
  if ('ul' in node && node.ul) {
    for (const item of node.ul) blocks(item, out, '• ');
    return;
  }
  if ('ol' in node && node.ol) {
    node.ol.forEach((item, i) => blocks(item, out, `${i + 1}. `));
    return;
  }
  if ('table' in node && node.table) {
    for (const row of node.table.body)
      out.push(
        row
          .map((cell) => inline(cell))
          .filter((t) => t !== '')
          .join(' | '),
      );
    return;
  }
  if ('text' in node) {
    const text = inline(node.text);
    if (text.trim() !== '') out.push(bullet + text);
  }
}

export function previewText(doc: TDocumentDefinitions): string {
  const out: string[] = [];
  blocks(doc.content, out);
  return out.join('\n');
}
