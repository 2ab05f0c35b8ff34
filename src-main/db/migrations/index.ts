import type { Migration } from 'kysely';
import m0001 from './0001-create-caseload';
import m0002 from './0002-index-caseload-search';
import m0003 from './0003-create-offices-appointments';

/** Every migration, in order. A bundled main process has no folder to read, so they are listed. */
export const migrations: Record<string, Migration> = {
  '0001-create-caseload': m0001,
  '0002-index-caseload-search': m0002,
  '0003-create-offices-appointments': m0003,
};
