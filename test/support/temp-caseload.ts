/**
 * A real encrypted caseload in a fresh temporary directory whose path contains a space (Joplin's
 * habit: paths with spaces break naive code). The scrypt cost is lowered for speed; everything
 * else is what the app runs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dataPathsFor, type DataPaths } from '../../src-main/app/data-paths';
import { Session } from '../../src-main/app/session';
import type { Services } from '../../src-main/app/services';

export const TEST_KDF = { N: 2 ** 10, r: 8, p: 1 };
export const PASSPHRASE = 'correct horse battery staple';

export function tempDir(prefix = 'waymark test '): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface TempCaseload {
  dir: string;
  paths: DataPaths;
  session: Session;
  services: Services;
  close(): Promise<void>;
}

export async function tempCaseload(opts: { now?: () => Date } = {}): Promise<TempCaseload> {
  const { dir, cleanup } = tempDir();
  const paths = dataPathsFor(join(dir, 'case load.waymark'));
  const session = new Session({ paths, kdfCost: TEST_KDF, now: opts.now });
  await session.setup('Ada Adviser', PASSPHRASE);
  return {
    dir,
    paths,
    session,
    services: session.require().services,
    close: async () => {
      await session.lock('quit');
      cleanup();
    },
  };
}
