/**
 * Gives a jsdom page a `window.waymark` that reaches the real router over a real encrypted
 * caseload, as the preload does in Electron (answers are copied, as IPC would copy them).
 */
import { join } from 'node:path';
import { createBackend, type Backend } from '../../src-main/app/backend';
import { dataPathsFor } from '../../src-main/app/data-paths';
import { CHANNEL_NAMES } from '../../src-shared/ipc/channel-names';
import type { WaymarkApi } from '../../src-shared/ipc/contract';
import { PASSPHRASE, TEST_KDF, tempDir } from '../support/temp-caseload';

const ORIGIN = 'app://waymark';

export interface RealBackend {
  backend: Backend;
  close(): Promise<void>;
}

export async function installRealBackend(
  opts: { setUp?: boolean; now?: () => Date } = {},
): Promise<RealBackend> {
  const { dir, cleanup } = tempDir('waymark dom ');
  const backend = createBackend({
    paths: dataPathsFor(join(dir, 'case load.waymark')),
    kdfCost: TEST_KDF,
    trustedOrigins: [ORIGIN],
    now: opts.now,
  });
  const api = Object.fromEntries(
    CHANNEL_NAMES.map((channel) => [
      channel,
      async (input: unknown) => structuredClone(await backend.router(channel, input, ORIGIN)),
    ]),
  ) as unknown as WaymarkApi;
  Object.defineProperty(window, 'waymark', { value: api, configurable: true });
  if (opts.setUp ?? true) await backend.session.setup('Ada Adviser', PASSPHRASE);
  return {
    backend,
    close: async () => {
      await backend.session.lock('quit');
      cleanup();
    },
  };
}

/** jsdom does no layout; give elements a size so the virtual table renders a window of rows. */
export function giveElementsASize(height = 560, width = 1000): () => void {
  const proto = HTMLElement.prototype;
  const saved = ['clientHeight', 'clientWidth'].map(
    (k) => [k, Object.getOwnPropertyDescriptor(Element.prototype, k)] as const,
  );
  Object.defineProperty(proto, 'clientHeight', { configurable: true, get: () => height });
  Object.defineProperty(proto, 'clientWidth', { configurable: true, get: () => width });
  return () => {
    for (const [k] of saved) delete (proto as unknown as Record<string, unknown>)[k];
  };
}
