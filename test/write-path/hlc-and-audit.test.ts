import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HybridLogicalClock, parseHlc } from '../../src-main/write-path/hlc';
import {
  auditHash,
  GENESIS_HASH,
  verifyChain,
  type AuditFields,
} from '../../src-main/write-path/audit-chain';

describe('the hybrid logical clock', () => {
  it('never goes backwards, even when the wall clock does', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 4_000_000_000_000 }), { minLength: 1, maxLength: 200 }),
        (walls) => {
          let i = 0;
          const hlc = new HybridLogicalClock('00000000000000aa', () => walls[i++ % walls.length]!);
          const stamps = walls.map(() => hlc.now());
          for (let k = 1; k < stamps.length; k++) expect(stamps[k]! > stamps[k - 1]!).toBe(true);
        },
      ),
    );
  });

  it('orders a local event after a received remote one', () => {
    const hlc = new HybridLogicalClock('00000000000000aa', () =>
      Date.parse('2026-11-23T10:00:00.000Z'),
    );
    hlc.receive('2026-11-23T10:05:00.000Z-0007-00000000000000bb');
    const next = hlc.now();
    expect(next > '2026-11-23T10:05:00.000Z-0007-00000000000000bb').toBe(true);
    expect(parseHlc(next)).toEqual({
      millis: Date.parse('2026-11-23T10:05:00.000Z'),
      counter: 9,
      node: '00000000000000aa',
    });
  });

  it('continues after the last stored timestamp when restarted', () => {
    const hlc = new HybridLogicalClock(
      '00000000000000aa',
      () => 0,
      '2026-11-23T10:00:00.000Z-0003-00000000000000aa',
    );
    expect(hlc.now()).toBe('2026-11-23T10:00:00.000Z-0004-00000000000000aa');
  });
});

describe('the audit hash chain', () => {
  const chain = (n: number) => {
    const rows: (AuditFields & { prev_hash: string; hash: string })[] = [];
    let prev = GENESIS_HASH;
    for (let seq = 1; seq <= n; seq++) {
      const e = {
        seq,
        id: `id${seq}`,
        at: `2026-11-23T10:00:0${seq % 10}Z`,
        actor: 'a Ada',
        action: 'participant.open',
        entity_type: 'participant',
        entity_id: 'p1',
        detail: '{}',
      };
      const hash = auditHash(prev, e);
      rows.push({ ...e, prev_hash: prev, hash });
      prev = hash;
    }
    return rows;
  };

  it('verifies an untouched chain', () => expect(verifyChain(chain(5))).toBeNull());

  it('finds an edited, a deleted and a reordered entry', () => {
    const edited = chain(5);
    edited[2] = { ...edited[2]!, action: 'participant.create' };
    expect(verifyChain(edited)).toEqual({ seq: 3, problem: 'has been altered' });
    const deleted = chain(5).filter((r) => r.seq !== 2);
    expect(verifyChain(deleted)).toEqual({ seq: 3, problem: 'entry 2 is missing' });
    const rehashed = chain(5);
    rehashed[1] = { ...rehashed[1]!, detail: '{"x":1}' };
    rehashed[1].hash = auditHash(rehashed[1].prev_hash, rehashed[1]);
    expect(verifyChain(rehashed)).toEqual({
      seq: 3,
      problem: 'does not follow the entry before it',
    });
  });
});
