import { describe, expect, it } from 'vitest';
import { runBatch } from '../../src-main/pdf/batch';
import { defaultFontDir } from '../../src-main/pdf/render';
import { inductionSample } from './sample-data';

const snapshots = Array.from({ length: 7 }, (_, i) =>
  inductionSample({
    givenName: `Person${i}`,
    familyName: 'Nowak',
    preferredName: null,
    referralId: `REF-${i}`,
  }),
);

async function render(workers: number) {
  const seen: { index: number; sha256: string }[] = [];
  const outcome = await runBatch(
    snapshots,
    { fontDir: defaultFontDir(), single: false, workers },
    { onDocument: (index, _bytes, sha256) => void seen.push({ index, sha256 }) },
  ).done;
  return { outcome, seen };
}

describe('a batch split across worker threads', () => {
  it('hands documents over in batch order, byte-identical to one worker', async () => {
    const one = await render(1);
    const three = await render(3);
    expect(one.outcome).toBe('finished');
    expect(three.outcome).toBe('finished');
    expect(three.seen.map((d) => d.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(three.seen).toEqual(one.seen);
    expect(new Set(one.seen.map((d) => d.sha256)).size).toBe(7);
  });
});
