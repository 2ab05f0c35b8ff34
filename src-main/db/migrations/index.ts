import type { Migration } from 'kysely/migration';
import m0001 from './0001-create-caseload';
import m0002 from './0002-index-caseload-search';
import m0003 from './0003-create-offices-appointments';
import m0004 from './0004-create-documents';
import m0005 from './0005-create-better-off';
import m0006 from './0006-create-plans-meetings';
import m0007 from './0007-create-diaries';
import m0008 from './0008-create-profiles';
import m0009 from './0009-places-and-attendance';
import m0010 from './0010-create-sync';
import m0011 from './0011-protect-audit-log';
import m0012 from './0012-create-complaints';
import m0014 from './0014-create-you-told-us';
import m0015 from './0015-create-surveys';
import m0016 from './0016-keep-local-records';
import m0017 from './0017-retention-erasure';
import m0018 from './0018-sync-held-and-server-role';

/** Every migration, in order. A bundled main process has no folder to read, so they are listed. */
export const migrations: Record<string, Migration> = {
  '0001-create-caseload': m0001,
  '0002-index-caseload-search': m0002,
  '0003-create-offices-appointments': m0003,
  '0004-create-documents': m0004,
  '0005-create-better-off': m0005,
  '0006-create-plans-meetings': m0006,
  '0007-create-diaries': m0007,
  '0008-create-profiles': m0008,
  '0009-places-and-attendance': m0009,
  '0010-create-sync': m0010,
  '0011-protect-audit-log': m0011,
  '0012-create-complaints': m0012,
  '0014-create-you-told-us': m0014,
  '0015-create-surveys': m0015,
  '0016-keep-local-records': m0016,
  '0017-retention-erasure': m0017,
  '0018-sync-held-and-server-role': m0018,
};
