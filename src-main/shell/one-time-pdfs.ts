/**
 * PDFs waiting to be printed, each behind a one-time app:// URL: the hidden print window fetches
 * it once from memory and the entry is gone, so a document to print never touches the disk and
 * cannot be fetched again. Pure (no electron), so it is tested under plain Node.
 */
import { randomBytes } from 'node:crypto';
import { isAppUrl } from './security-policy';

const PATH = /^\/print\/([0-9a-f]{64})\.pdf$/;

export class OneTimePdfs {
  private readonly waiting = new Map<string, Buffer>();

  constructor(private readonly newToken: () => string = () => randomBytes(32).toString('hex')) {}

  /** Registers the bytes and returns the URL that serves them once. */
  add(pdf: Buffer): string {
    const token = this.newToken();
    if (!/^[0-9a-f]{64}$/.test(token)) throw new Error('A print token must be 64 hex digits');
    this.waiting.set(token, pdf);
    return `app://waymark/print/${token}.pdf`;
  }

  /** The bytes behind a print URL, removed as they are handed out; null for any other URL. */
  take(url: string): Buffer | null {
    if (!isAppUrl(url)) return null;
    const token = PATH.exec(new URL(url).pathname)?.[1];
    if (!token) return null;
    const pdf = this.waiting.get(token) ?? null;
    this.waiting.delete(token);
    return pdf;
  }

  /** Forgets a URL that was never fetched (the print window failed to load). */
  revoke(url: string): void {
    const token = PATH.exec(new URL(url).pathname)?.[1];
    if (token) this.waiting.delete(token);
  }

  /** True when a URL is a print URL (served or not), so it never falls through to the files. */
  isPrintUrl(url: string): boolean {
    return isAppUrl(url) && new URL(url).pathname.startsWith('/print/');
  }

  get size(): number {
    return this.waiting.size;
  }
}
