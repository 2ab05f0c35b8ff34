import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function rulesHit(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, filePath) });
  return result!.messages.map((m) => m.ruleId ?? '');
}

describe('architecture boundaries enforced by lint', () => {
  it('allows electron only in the shell and the preload', async () => {
    const code = "import { app } from 'electron';\nexport const a = app;\n";
    expect(await rulesHit(code, 'src-main/services/anything.ts')).toContain(
      'no-restricted-imports',
    );
    expect(await rulesHit(code, 'src-renderer/app/anything.ts')).toContain('no-restricted-imports');
    expect(await rulesHit(code, 'src-shared/domain/anything.ts')).toContain(
      'no-restricted-imports',
    );
    expect(await rulesHit(code, 'src-main/shell/anything.ts')).not.toContain(
      'no-restricted-imports',
    );
    expect(await rulesHit(code, 'src-main/preload/anything.ts')).not.toContain(
      'no-restricted-imports',
    );
  });

  it('keeps src-shared free of Node built-ins and React', async () => {
    expect(
      await rulesHit(
        "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n",
        'src-shared/x.ts',
      ),
    ).toContain('no-restricted-imports');
    expect(
      await rulesHit(
        "import { useState } from 'react';\nexport const u = useState;\n",
        'src-shared/x.ts',
      ),
    ).toContain('no-restricted-imports');
  });

  it('keeps the renderer away from Node built-ins and the main process', async () => {
    const file = 'src-renderer/features/x/x.tsx';
    for (const code of [
      "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n",
      "import { readFileSync } from 'fs';\nexport const r = readFileSync;\n",
      "import { spawn } from 'child_process';\nexport const s = spawn;\n",
      "import { openDatabase } from '../../../src-main/db/open';\nexport const o = openDatabase;\n",
      "import type { Services } from '../../../src-main/app/services';\nexport type S = Services;\n",
    ])
      expect(await rulesHit(code, file), code).toContain('no-restricted-imports');
    // What the renderer does use stays allowed: shared code, its own modules, React.
    for (const code of [
      "import { formatDate } from '../../labels';\nexport const f = formatDate;\n",
      "import { dayMonthYear } from '@shared/wording/dates';\nexport const d = dayMonthYear;\n",
      "import { useState } from 'react';\nexport const u = useState;\n",
    ])
      expect(await rulesHit(code, file), code).not.toContain('no-restricted-imports');
  });

  it('forbids console.log outside the command line and tests (personal data must not reach logs)', async () => {
    expect(
      await rulesHit(
        'export const f = (x: unknown) => console.log(x);\n',
        'src-main/services/x.ts',
      ),
    ).toContain('no-console');
  });
});
