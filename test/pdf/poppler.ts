/** Real PDF checks with poppler-utils: text, embedded fonts, word boxes and page images. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function withFile<T>(bytes: Uint8Array, work: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'waymark pdf '));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, bytes);
    return work(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const pdfText = (bytes: Uint8Array): string =>
  withFile(bytes, (f) =>
    execFileSync('pdftotext', ['-enc', 'UTF-8', f, '-'], { encoding: 'utf8' }),
  );

export const pageCount = (bytes: Uint8Array): number =>
  withFile(bytes, (f) => {
    const info = execFileSync('pdfinfo', [f], { encoding: 'utf8' });
    return Number(/Pages:\s+(\d+)/.exec(info)![1]);
  });

export interface EmbeddedFont {
  name: string;
  type: string;
  embedded: boolean;
}

export const pdfFonts = (bytes: Uint8Array): EmbeddedFont[] =>
  withFile(bytes, (f) =>
    execFileSync('pdffonts', [f], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter((l) => l.trim() !== '')
      .map((l) => {
        const cols = l.trim().split(/\s+/);
        // name, type (may be two words), encoding, emb, sub, uni, object, id
        const emb = cols[cols.length - 5];
        return { name: cols[0]!, type: cols.slice(1, -6).join(' '), embedded: emb === 'yes' };
      }),
  );

export interface Word {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word with its box in points from the top-left (pdftotext -bbox). */
export const pdfWords = (bytes: Uint8Array): Word[] =>
  withFile(bytes, (f) => {
    const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', f, '-'], {
      encoding: 'utf8',
    });
    const words: Word[] = [];
    let page = 0;
    for (const line of html.split('\n')) {
      if (line.includes('<page ')) page++;
      const m =
        /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(
          line,
        );
      if (m)
        words.push({
          page,
          xMin: Number(m[1]),
          yMin: Number(m[2]),
          xMax: Number(m[3]),
          yMax: Number(m[4]),
          text: m[5]!
            .replace(/&lt;/g, '<')
            .replace(/&gt;/g, '>')
            .replace(/&quot;/g, '"')
            .replace(/&amp;/g, '&'),
        });
    }
    return words;
  });

/** Page images as PNG bytes (pdftoppm), at a low resolution so fixtures stay small. */
export const pageImages = (bytes: Uint8Array, dpi = 50): Buffer[] =>
  withFile(bytes, (f, dir) => {
    execFileSync('pdftoppm', ['-r', String(dpi), '-png', f, join(dir, 'page')]);
    return readdirSync(dir)
      .filter((n) => n.startsWith('page') && n.endsWith('.png'))
      .sort()
      .map((n) => readFileSync(join(dir, n)));
  });
