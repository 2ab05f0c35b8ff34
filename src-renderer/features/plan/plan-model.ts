/** Small pure helpers the plan screens share: list text, new items, section progress. */
import {
  agreementProblems,
  type PlanBarrier,
  type PlanContent,
  type PlanStep,
} from '@shared/schemas/plan';

/** One entry per line in a textarea; the draft keeps blank lines until the plan is agreed. */
export const toLines = (items: string[]) => items.join('\n');
export const fromLines = (text: string) => (text === '' ? [] : text.split('\n'));

export const newId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

export const newStep = (): PlanStep => ({
  id: newId(),
  action: '',
  owner: 'participant',
  due: '',
  status: 'not-started',
  mandatory: false,
});

export const newBarrier = (): PlanBarrier => ({
  id: newId(),
  barrier: '',
  support: '',
  healthRelated: false,
});

export const SECTIONS = [
  { id: 'about', title: 'About me and strengths' },
  { id: 'goals', title: 'Job goals' },
  { id: 'barriers', title: 'Barriers and support needs' },
  { id: 'skills', title: 'Skills, qualifications and training' },
  { id: 'steps', title: 'Steps' },
  { id: 'agreement', title: 'Agreement' },
] as const;
export type SectionId = (typeof SECTIONS)[number]['id'];

export type SectionStatus =
  'Completed' | 'Incomplete' | 'Not started' | 'Optional' | 'Cannot start yet';

const filled = (xs: string[]) => xs.some((x) => x.trim() !== '');

export function sectionStatus(id: SectionId, c: PlanContent): SectionStatus {
  switch (id) {
    case 'about':
      if (c.aboutMe.trim() && filled(c.strengths)) return 'Completed';
      return c.aboutMe.trim() || filled(c.strengths) ? 'Incomplete' : 'Not started';
    case 'goals':
      if (filled(c.goals.shortTerm) && filled(c.goals.longTerm)) return 'Completed';
      return filled(c.goals.shortTerm) || filled(c.goals.longTerm) ? 'Incomplete' : 'Not started';
    case 'barriers':
      if (c.barriers.length === 0) return 'Optional';
      return c.barriers.every((b) => b.barrier.trim()) ? 'Completed' : 'Incomplete';
    case 'skills':
      return filled(c.skills) || filled(c.qualifications) || filled(c.training)
        ? 'Completed'
        : 'Optional';
    case 'steps':
      if (c.steps.length === 0) return 'Not started';
      return c.steps.every((s) => s.action.trim() && s.due) ? 'Completed' : 'Incomplete';
    case 'agreement':
      return agreementProblems(c).length === 0 ? 'Not started' : 'Cannot start yet';
  }
}
