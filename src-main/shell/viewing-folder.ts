/**
 * Where PDFs go for the system viewer: another program can only open a file, so "open" must
 * write one. One private folder (0700, files 0600) per unlocked session, deleted when the
 * session locks or the app quits; folders left by a crash are swept at the next start.
 * Plain Node (no electron import), so it is tested directly.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { safePdfName } from '../app/desktop';

const PREFIX = 'waymark-view-';

export class ViewingFolder {
  private dir: string | null = null;
  private opened = 0;

  constructor(private readonly tempRoot: string) {}

  write(pdf: Uint8Array, fileName: string): string {
    if (!this.dir) {
      this.dir = mkdtempSync(join(this.tempRoot, PREFIX));
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    }
    this.opened += 1;
    const file = join(this.dir, `${this.opened}-${safePdfName(fileName)}`);
    writeFileSync(file, pdf, { mode: 0o600, flag: 'wx' });
    return file;
  }

  /** Deletes every file opened so far. A viewer still holding one (Windows) leaves it for sweep. */
  clear(): void {
    if (!this.dir) return;
    try {
      rmSync(this.dir, { recursive: true, force: true });
    } catch {
      // Swept at the next start.
    }
    this.dir = null;
  }

  /** At start (one instance per user): removes folders a crash left; returns how many. */
  static sweep(tempRoot: string): number {
    let swept = 0;
    for (const name of readdirSync(tempRoot)) {
      if (!name.startsWith(PREFIX)) continue;
      try {
        rmSync(join(tempRoot, name), { recursive: true, force: true });
        swept += 1;
      } catch {
        // In use by a viewer still open; the next start tries again.
      }
    }
    return swept;
  }
}
