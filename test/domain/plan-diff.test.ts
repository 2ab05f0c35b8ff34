import { describe, expect, it } from 'vitest';
import { describeChange, diffPlans } from '../../src-shared/domain/plan-diff';
import { EMPTY_PLAN, type PlanContent } from '../../src-shared/schemas/plan';

const step = (id: string, over: Partial<PlanContent['steps'][number]> = {}) => ({
  id,
  action: `Step ${id}`,
  owner: 'participant' as const,
  due: '2026-12-01',
  status: 'not-started' as const,
  mandatory: false,
  ...over,
});

const base: PlanContent = {
  ...EMPTY_PLAN,
  aboutMe: 'Worked in a warehouse for ten years.',
  strengths: ['Reliable', 'Good with people'],
  goals: { shortTerm: ['Forklift licence'], longTerm: ['Warehouse supervisor'] },
  barriers: [{ id: 'b1', barrier: 'Back pain', support: 'OH assessment', healthRelated: true }],
  skills: ['Stock control'],
  steps: [step('s1', { action: 'Update CV' }), step('s2', { action: 'Book forklift course' })],
};

describe('diffPlans', () => {
  it('finds nothing between a plan and itself, or the same lists in another order', () => {
    expect(diffPlans(base, base)).toEqual([]);
    const reordered = {
      ...base,
      strengths: [...base.strengths].reverse(),
      steps: [...base.steps].reverse(),
    };
    expect(diffPlans(base, reordered)).toEqual([]);
  });

  it('reports added and removed phrases per section', () => {
    const after = {
      ...base,
      strengths: ['Reliable', 'Punctual'],
      goals: { ...base.goals, longTerm: ['Logistics manager'] },
    };
    expect(diffPlans(base, after)).toEqual([
      { section: 'strengths', change: 'removed', item: 'Good with people' },
      { section: 'strengths', change: 'added', item: 'Punctual' },
      { section: 'goals.longTerm', change: 'removed', item: 'Warehouse supervisor' },
      { section: 'goals.longTerm', change: 'added', item: 'Logistics manager' },
    ]);
  });

  it('reads an edited step as changed, field by field, by its id', () => {
    const after = {
      ...base,
      steps: [
        step('s1', { action: 'Update CV', status: 'done', mandatory: true }),
        step('s3', { action: 'Apply to three jobs a week' }),
      ],
    };
    const changes = diffPlans(base, after);
    expect(changes).toEqual([
      { section: 'steps', change: 'removed', item: 'Book forklift course' },
      {
        section: 'steps',
        change: 'changed',
        item: 'Update CV',
        fields: [
          { field: 'status', before: 'not started', after: 'done' },
          { field: 'mandatory', before: 'no', after: 'yes' },
        ],
      },
      { section: 'steps', change: 'added', item: 'Apply to three jobs a week' },
    ]);
    expect(changes.map(describeChange)).toEqual([
      'Steps: removed "Book forklift course"',
      'Steps: "Update CV" changed: status from not started to done; mandatory from no to yes',
      'Steps: added "Apply to three jobs a week"',
    ]);
  });

  it('notices a rewritten about-me and a barrier that is no longer health-related', () => {
    const after = {
      ...base,
      aboutMe: 'Ten years in warehousing; now looking for lighter work.',
      barriers: [{ ...base.barriers[0]!, healthRelated: false }],
    };
    expect(diffPlans(base, after).map(describeChange)).toEqual([
      'About me was rewritten',
      'Barriers and support: "Back pain" changed: health-related from yes to no',
    ]);
  });

  it('ignores whitespace-only changes to about me', () => {
    expect(diffPlans(base, { ...base, aboutMe: `  ${base.aboutMe} ` })).toEqual([]);
  });
});
