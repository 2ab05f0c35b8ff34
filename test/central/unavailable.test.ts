/**
 * A database that goes away mid-service: requests get 503 with Retry-After (the device backs off
 * and retries; nothing is lost because nothing was acknowledged), never a 500 or a hang.
 */
import { afterAll, expect, it } from 'vitest';
import {
  enrol,
  newAdviser,
  newParticipantMutations,
  pushBatch,
  startCentral,
  stopCluster,
  type Central,
} from './harness';

let c: Central | undefined;
afterAll(async () => {
  await c?.close().catch(() => undefined);
  await stopCluster();
});

it('answers 503 with Retry-After when PostgreSQL is unreachable', async () => {
  c = await startCentral('postgres');
  const d = await enrol(c, await newAdviser(c));
  expect((await pushBatch(c, d, newParticipantMutations(d, 2))).status).toBe(200);
  await stopCluster();
  const res = await pushBatch(c, d, newParticipantMutations(d, 1));
  expect(res.status).toBe(503);
  expect(res.body.code).toBe('unavailable');
  expect(res.headers.get('retry-after')).toBe('1');
}, 120_000);
