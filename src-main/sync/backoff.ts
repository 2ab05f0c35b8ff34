/**
 * Full-jitter exponential backoff (sync design §5): sleep = random(0, min(cap, base·2ⁿ)), reset on
 * success. A server's Retry-After wins when it asks for longer.
 */
export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
  random: () => number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = {
  baseMs: 1000,
  capMs: 5 * 60_000,
  random: Math.random,
};

/** Tests inject this: every retry is immediate, so fault schedules run fast. */
export const NO_BACKOFF: BackoffPolicy = { baseMs: 0, capMs: 0, random: () => 0 };

export function backoffDelay(
  policy: BackoffPolicy,
  failures: number,
  retryAfterMs: number | null = null,
): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(failures, 30));
  const jittered = Math.floor(policy.random() * ceiling);
  return retryAfterMs === null ? jittered : Math.max(jittered, retryAfterMs);
}
