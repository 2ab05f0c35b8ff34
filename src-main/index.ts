/** Composition root of the Electron main process: everything else lives in plain-Node modules. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runShell } from './shell/main';

runShell(join(dirname(fileURLToPath(import.meta.url)), '..'));
