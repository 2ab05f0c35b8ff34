/**
 * Properties over random caseloads: the report is the engine's obligations counted, whatever the
 * caseload, period and grouping; the anonymised export never publishes a row below K and never
 * lets subtraction give a small hidden cell back.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src-shared/domain/calendar/civil-date';
import { calendarsFrom } from '../../src-shared/domain/calendar/shipped-calendars';
import { computeObligations } from '../../src-shared/domain/charter/compute-obligations';
import type { Obligation } from '../../src-shared/domain/charter/obligation';
import { parseObligationsInput } from '../../src-shared/domain/charter/obligations-input';
import { OBLIGATION_RULES } from '../../src-shared/domain/charter/profile';
import {
  anonymiseReport,
  buildReport,
  byParticipant,
  type GroupRef,
} from '../../src-shared/domain/report';
import { generateCaseload } from '../domain/charter/generate-caseload';
import { attack } from './recover';
import { countByHand } from './count-by-hand';

const calendars = calendarsFrom();
const BASE = '2026-01-01';

const date = (maxDays: number) => fc.integer({ min: 0, max: maxDays }).map((d) => addDays(BASE, d));

const obligationArb = fc.record({
  participantId: fc.integer({ min: 1, max: 40 }).map((n) => `P${String(n).padStart(3, '0')}`),
  rule: fc.constantFrom(...OBLIGATION_RULES),
  due: date(400),
  status: fc.constantFrom('met', 'met-late', 'missed', 'pending' as const),
}) as fc.Arbitrary<Obligation>;

const periodArb = fc
  .tuple(date(400), fc.integer({ min: 0, max: 200 }), fc.integer({ min: -30, max: 430 }))
  .map(([from, length, todayAt]) => ({
    from,
    to: addDays(from, length),
    today: addDays(BASE, todayAt),
  }));

/** A participant's group from a random table; some participants are in none. */
const groupingArb = fc.oneof(
  fc.array(fc.option(fc.integer({ min: 0, max: 6 }), { nil: null, freq: 8 }), {
    minLength: 41,
    maxLength: 41,
  }),
  // Everyone in a group: no remainder to hide behind, the case subtraction attacks.
  fc.array(fc.integer({ min: 0, max: 6 }) as fc.Arbitrary<number | null>, {
    minLength: 41,
    maxLength: 41,
  }),
);
const groupOfFrom =
  (table: (number | null)[]) =>
  (id: string): GroupRef | null => {
    const g = table[Number(id.slice(1))];
    return g === null || g === undefined ? null : { id: `g${g}`, name: `Office ${g}` };
  };

describe('report properties', () => {
  it('counts exactly the obligations due in the period, per rule and per group', () => {
    fc.assert(
      fc.property(
        fc.array(obligationArb, { maxLength: 300 }),
        periodArb,
        groupingArb,
        (obligations, period, table) => {
          const groupOf = groupOfFrom(table);
          const report = buildReport(byParticipant(obligations), groupOf, {
            ...period,
            by: 'provider',
          });
          expect(report.rules).toEqual(countByHand(obligations, period));
          for (const g of report.groups)
            expect(g.rules).toEqual(
              countByHand(
                obligations.filter((o) => groupOf(o.participantId)?.id === g.id),
                period,
              ),
            );
          for (const r of [...report.rules, ...report.groups.flatMap((g) => g.rules)]) {
            expect(r.met + r.metLate + r.missed + r.pending).toBe(r.due);
            if (r.onTimePercent !== null) {
              expect(r.onTimePercent).toBeGreaterThanOrEqual(0);
              expect(r.onTimePercent).toBeLessThanOrEqual(100);
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('equals the counts of the engine’s own obligations over random generated caseloads', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 900 }),
        fc.integer({ min: -400, max: 60 }),
        fc.integer({ min: 0, max: 400 }),
        (seed, count, todayAt, fromOffset, length) => {
          const today = addDays(BASE, todayAt);
          const engine = computeObligations(
            parseObligationsInput(generateCaseload(count, today, seed)),
            calendars,
          ).obligations;
          const period = {
            from: addDays(today, fromOffset),
            to: addDays(today, fromOffset + length),
          };
          const report = buildReport(byParticipant(engine), null, { ...period, today });
          expect(report.rules).toEqual(countByHand(engine, period));
          expect(report.groups).toEqual([]);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('anonymised: no published row below K, no small hidden cell recoverable', () => {
    let lonelySmallCells = 0;
    fc.assert(
      fc.property(
        fc.array(obligationArb, { maxLength: 400 }),
        periodArb,
        groupingArb,
        fc.integer({ min: 1, max: 15 }),
        fc.constantFrom('adviser', 'office', 'subcontractor' as const),
        (obligations, period, table, minCell, by) => {
          const report = buildReport(byParticipant(obligations), groupOfFrom(table), {
            ...period,
            by,
          });
          const out = anonymiseReport(report, { minCell });
          const groupRows = out.groups.flatMap((g) => g.rules);
          for (const r of [...out.rules, ...groupRows]) {
            if ('suppressed' in r) {
              expect([r.due, r.met, r.metLate, r.missed, r.pending, r.onTimePercent]).toEqual([
                null,
                null,
                null,
                null,
                null,
                null,
              ]);
            } else expect(r.due).toBeGreaterThanOrEqual(minCell);
          }
          // Published rows are the report's own figures; totals were computed before suppression.
          for (const [i, r] of out.rules.entries())
            if (!('suppressed' in r)) expect(r).toEqual(report.rules[i]);
          for (const a of attack(out, report, minCell)) expect(a.recovered).toBeNull();
          for (const total of report.rules) {
            const rows = report.groups.flatMap((g) => g.rules.filter((r) => r.rule === total.rule));
            const small = rows.filter((r) => r.due < minCell).length;
            const remainder = total.due - rows.reduce((s, r) => s + r.due, 0);
            if (total.due >= minCell && small + (remainder > 0 ? 1 : 0) === 1) lonelySmallCells++;
          }
          if (by === 'adviser')
            for (const g of out.groups) {
              expect(g).not.toHaveProperty('name');
              expect(g.id).toMatch(/^adviser-[0-9a-f]{16}$/);
            }
        },
      ),
      // A fixed seed: the coverage check below must not depend on the luck of one run (random
      // seeds met the lonely-cell case in most runs but not all). WAYMARK_FC_SEED tries others.
      { numRuns: 300, seed: Number(process.env.WAYMARK_FC_SEED ?? 20261201) },
    );
    // The runs must have met the case the second suppression exists for.
    expect(lonelySmallCells).toBeGreaterThan(0);
  });
});
