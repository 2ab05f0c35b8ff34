/**
 * Test-only crash points: when WAYMARK_SYNC_CRASH names a point, the process kills itself there
 * with SIGKILL (no cleanup, no flush), so the kill -9 tests can stop a sync exactly between two
 * steps and prove the next run converges. Unset in normal use.
 */
export type CrashPoint =
  | 'after-enrol-key'
  | 'after-enrol-response'
  | 'after-push-response'
  | 'after-ack'
  | 'after-pull-response'
  | 'mid-pull-apply'
  | 'after-pull-apply';

export function crashPoint(point: CrashPoint): void {
  if (process.env.WAYMARK_SYNC_CRASH === point) process.kill(process.pid, 'SIGKILL');
}
