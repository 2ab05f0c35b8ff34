/**
 * THE CURSOR-GAP TEST, on real PostgreSQL (PGlite serialises everything and can never show it):
 * several devices push hundreds of mutations at once over HTTP while another device pulls
 * incrementally the whole time. Every row is written once and never again, so a row a puller
 * skipped (a position that committed after the puller had moved past it) would never come back:
 * the puller's incremental view must equal the server's set exactly.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  enrol,
  newAdviser,
  newParticipantMutations,
  pullPage,
  pushBatch,
  startCentral,
  stopCluster,
  type Central,
} from './harness';

const PUSHERS = 6;
const PER_DEVICE = 300;
const BATCH = 25;

let c: Central;
beforeAll(async () => {
  c = await startCentral('postgres', { poolSize: 16 });
}, 120_000);
afterAll(async () => {
  await c?.close();
  await stopCluster();
});

it('never lets a concurrent puller skip a row', async () => {
  // One adviser with many devices: the puller's scope holds every pushed participant.
  const adviser = await newAdviser(c);
  const pushers = await Promise.all(Array.from({ length: PUSHERS }, () => enrol(c, adviser)));
  const puller = await enrol(c, adviser);
  let pushing = true;
  const seen = new Set<string>();
  let cursor = 0;
  let pulls = 0;
  const pull = async () => {
    const page = await pullPage(c, puller, cursor, 200);
    expect(page.status).toBe(200);
    for (const ch of page.body.changes) {
      expect(ch.cursor).toBeGreaterThan(cursor);
      seen.add(ch.id);
    }
    cursor = page.body.cursor;
    pulls++;
    return page.body.hasMore;
  };
  const pullerLoop = (async () => {
    while (pushing) await pull();
  })();
  await Promise.all(
    pushers.map(async (d) => {
      for (let i = 0; i < PER_DEVICE; i += BATCH) {
        const res = await pushBatch(c, d, newParticipantMutations(d, BATCH));
        expect(res.status).toBe(200);
      }
    }),
  );
  pushing = false;
  await pullerLoop;
  while (await pull());
  const all = await c.store.db
    .selectFrom('records')
    .select('entity_id')
    .where('entity_type', '=', 'participant')
    .execute();
  expect(all).toHaveLength(PUSHERS * PER_DEVICE);
  const missed = all.filter((r) => !seen.has(r.entity_id));
  expect(missed).toHaveLength(0);
  // The puller really ran alongside the pushers (otherwise this proves nothing).
  expect(pulls).toBeGreaterThan(5);
}, 300_000);
