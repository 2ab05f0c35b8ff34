/** A step's impossible due date (31 November) stops agreement with a message; it is never dropped. */
import { describe, expect, it } from 'vitest';
import { agreementProblems, EMPTY_PLAN, type PlanContent } from '../../src-shared/schemas/plan';

const plan = (due: string): PlanContent => ({
  ...EMPTY_PLAN,
  goals: { shortTerm: ['Warehouse work'], longTerm: [] },
  steps: [
    {
      ...(EMPTY_PLAN.steps[0] ?? {}),
      id: 's1',
      action: 'Update CV',
      owner: 'participant',
      due,
      status: 'not-started',
    } as PlanContent['steps'][number],
  ],
});

describe('plan step due dates', () => {
  it('names an impossible date, a missing one, and accepts a real one', () => {
    const messages = (due: string) =>
      agreementProblems(plan(due))
        .filter((p) => p.field === 'steps.0.due')
        .map((p) => p.message);
    expect(messages('2026-11-31')).toEqual([
      "Enter step 1's due date as a real date, for example 27 3 2027",
    ]);
    expect(messages('')).toEqual(['Give step 1 a due date']);
    expect(messages('2026-11-30')).toEqual([]);
  });
});
