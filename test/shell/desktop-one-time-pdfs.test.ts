import { describe, expect, it } from 'vitest';
import { OneTimePdfs } from '../../src-main/shell/one-time-pdfs';
import { safePdfName } from '../../src-main/app/desktop';

const pdf = Buffer.from('%PDF-1.7 test');

describe('the one-time print URLs', () => {
  it('serve the bytes once, then nothing', () => {
    const pdfs = new OneTimePdfs();
    const url = pdfs.add(pdf);
    expect(url).toMatch(/^app:\/\/waymark\/print\/[0-9a-f]{64}\.pdf$/);
    expect(pdfs.isPrintUrl(url)).toBe(true);
    expect(pdfs.take(url)).toEqual(pdf);
    expect(pdfs.take(url)).toBeNull();
    expect(pdfs.size).toBe(0);
  });

  it('give every document its own unguessable URL', () => {
    const pdfs = new OneTimePdfs();
    const a = pdfs.add(pdf);
    const b = pdfs.add(Buffer.from('%PDF other'));
    expect(a).not.toBe(b);
    expect(pdfs.take(b)?.toString()).toBe('%PDF other');
    expect(pdfs.take(a)).toEqual(pdf);
  });

  it('serve nothing for another origin, a made-up token or another path', () => {
    const pdfs = new OneTimePdfs(() => 'a'.repeat(64));
    pdfs.add(pdf);
    expect(pdfs.take(`app://evil/print/${'a'.repeat(64)}.pdf`)).toBeNull();
    expect(pdfs.take(`https://waymark/print/${'a'.repeat(64)}.pdf`)).toBeNull();
    expect(pdfs.take(`app://waymark/print/${'b'.repeat(64)}.pdf`)).toBeNull();
    expect(pdfs.take(`app://waymark/print/${'a'.repeat(64)}.pdf/../x`)).toBeNull();
    expect(pdfs.take('app://waymark/index.html')).toBeNull();
    expect(pdfs.size).toBe(1);
    expect(pdfs.take(`app://waymark/print/${'a'.repeat(64)}.pdf`)).toEqual(pdf);
  });

  it('forget a URL that was revoked before it was fetched', () => {
    const pdfs = new OneTimePdfs();
    const url = pdfs.add(pdf);
    pdfs.revoke(url);
    expect(pdfs.size).toBe(0);
    expect(pdfs.take(url)).toBeNull();
  });

  it('refuse a token that is not 64 hex digits', () => {
    expect(() => new OneTimePdfs(() => '../../etc').add(pdf)).toThrow(/64 hex digits/);
  });

  it('keep print URLs out of the renderer files even when unknown', () => {
    const pdfs = new OneTimePdfs();
    expect(pdfs.isPrintUrl('app://waymark/print/whatever')).toBe(true);
    expect(pdfs.isPrintUrl('app://waymark/assets/index.js')).toBe(false);
  });
});

describe('desktop file names', () => {
  it('keep letters, digits, dots, dashes and underscores, and end in .pdf', () => {
    expect(safePdfName('JCP-0001-induction-letter-2026-11-23.pdf')).toBe(
      'JCP-0001-induction-letter-2026-11-23.pdf',
    );
    expect(safePdfName('../../etc/passwd')).toBe('etc-passwd.pdf');
    expect(safePdfName('Siân ap Gruffydd.PDF')).toBe('Si-n-ap-Gruffydd.pdf');
    expect(safePdfName('')).toBe('document.pdf');
  });
});
