/**
 * Stored data freezing the main process: an impossible office closure (`0416-55-30` to
 * `3291-71-23`) was accepted, and every slot search then walked each day of it.
 */
import { describe, expect, it } from 'vitest';
import { closureSchema } from '../../src-shared/schemas/diary';
import { findSlots } from '../../src-shared/domain/diary';
import { context, office } from '../domain/diary/diary-fixture';

const closure = (from: string, to: string) => ({ from, to, reason: 'Closed' });

describe('office closures', () => {
  it('must be real dates', () => {
    const impossible: [string, string][] = [
      ['0416-55-30', '3291-71-23'],
      ['2026-02-30', '2026-03-01'],
      ['2026-12-24', '2026-13-01'],
    ];
    for (const [from, to] of impossible)
      expect(closureSchema.safeParse(closure(from, to)).success, `${from} ${to}`).toBe(false);
  });

  it('may last a year at most, and must be in this century', () => {
    expect(closureSchema.safeParse(closure('2026-12-24', '2027-01-01')).success).toBe(true);
    expect(closureSchema.safeParse(closure('2026-01-01', '2026-12-31')).success).toBe(true);
    expect(closureSchema.safeParse(closure('2026-01-01', '2027-01-02')).success).toBe(false);
    expect(closureSchema.safeParse(closure('1899-12-30', '1899-12-31')).success).toBe(false);
    const long = closureSchema.safeParse(closure('2026-01-01', '2030-01-01'));
    expect(long.error?.issues[0]?.message).toBe(
      'A closure can last at most a year: close the venue instead',
    );
  });

  it('a closure stored before these checks (thousands of years) still closes only its days', () => {
    const huge = office({ closures: [closure('0416-01-01', '3291-12-31')] });
    const ctx = context({ offices: [huge, office({ id: 'office-two', name: 'Two' })] });
    const r = findSlots(ctx, { kind: 'induction', earliest: '2026-11-23T09:00', count: 2 });
    expect(r.slots.map((s) => s.officeId)).toEqual(['office-two', 'office-two']);
  });
});
