/**
 * Channel files match their prefixes: every channel `x:...` is declared in
 * src-shared/ipc/channels/x.ts (a camelCase prefix in its kebab-case file, `betterOff:` in
 * better-off.ts), so the file that defines a channel is found from its name alone.
 */
import { readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { contract } from '../../src-shared/ipc/contract';

const CHANNELS_DIR = resolve(import.meta.dirname, '../../src-shared/ipc/channels');

const kebab = (prefix: string) => prefix.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The channels each file declares: the keys of its exported `...Channels` objects. */
async function channelsByFile(): Promise<Map<string, string[]>> {
  const byFile = new Map<string, string[]>();
  for (const file of readdirSync(CHANNELS_DIR)
    .filter((f) => f.endsWith('.ts'))
    .sort()) {
    const mod = (await import(pathToFileURL(join(CHANNELS_DIR, file)).href)) as Record<
      string,
      unknown
    >;
    const names = Object.entries(mod)
      .filter(([exported, value]) => /Channels$/.test(exported) && typeof value === 'object')
      .flatMap(([, value]) => Object.keys(value as object));
    byFile.set(basename(file, '.ts'), names);
  }
  return byFile;
}

function misplaced(byFile: Map<string, string[]>): string[] {
  return [...byFile].flatMap(([file, names]) =>
    names.filter((n) => kebab(n.split(':')[0] ?? '') !== file).map((n) => `${n} in ${file}.ts`),
  );
}

describe('channel files', () => {
  it('declare only channels whose prefix is the file name, and every file declares some', async () => {
    const byFile = await channelsByFile();
    for (const [file, names] of byFile) expect(names, `${file}.ts`).not.toEqual([]);
    expect(misplaced(byFile)).toEqual([]);
  });

  it('between them declare exactly the contract, each channel once', async () => {
    const declared = [...(await channelsByFile()).values()].flat();
    expect(declared.length).toBe(new Set(declared).size);
    expect([...declared].sort()).toEqual(Object.keys(contract).sort());
  });

  it('flags the layouts it replaced: participant channels in caseload.ts, import in referral-import.ts', () => {
    const old = new Map([
      ['caseload', ['caseload:list', 'participant:get']],
      ['referral-import', ['import:start']],
      ['better-off', ['betterOff:calculate']],
      ['plans', ['plan:get']],
    ]);
    expect(misplaced(old)).toEqual([
      'participant:get in caseload.ts',
      'import:start in referral-import.ts',
      'plan:get in plans.ts',
    ]);
  });
});
