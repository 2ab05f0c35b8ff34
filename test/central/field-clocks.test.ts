import { describe, expect, it } from 'vitest';
import { packFieldClocks, unpackFieldClocks } from '../../src-central/sync/field-clocks';

const data = { id: 'p1', given_name: 'Ann', family_name: 'Lee', phone: null };
const h1 = '2026-11-20T10:00:00.000Z-0000-aaaaaaaaaaaaaaaa';
const h2 = '2026-11-21T09:00:00.000Z-0003-bbbbbbbbbbbbbbbb';

describe('stored per-field clocks', () => {
  it('stores the common value once and only the fields that differ', () => {
    const full = { id: h1, given_name: h2, family_name: h1, phone: h1 };
    const packed = packFieldClocks(full);
    expect(packed).toEqual({ '*': h1, given_name: h2 });
    expect(unpackFieldClocks(packed, data)).toEqual(full);
  });

  it('round-trips versions, including a field whose value is null', () => {
    const full = { id: 1, given_name: 3, family_name: 3, phone: 1 };
    expect(unpackFieldClocks(packFieldClocks(full), data)).toEqual(full);
  });

  it('leaves a map with no repeated value as it is, and reads rows stored in full unchanged', () => {
    const distinct = { id: 1, given_name: 2 };
    expect(packFieldClocks(distinct)).toEqual(distinct);
    const old = { id: h1, given_name: h1, family_name: h1, phone: h1 };
    expect(unpackFieldClocks(old, data)).toBe(old);
  });
});
