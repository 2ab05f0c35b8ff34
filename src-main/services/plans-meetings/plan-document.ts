/**
 * The recorded plan as the printed PPEP: an agreed plan only has to meet R5 (a job goal and a
 * step), so parts the adviser left empty print as "Not recorded" rather than stopping the print.
 * Pure: the plan, its agreement date and the next R7 review in, the document content out.
 */
import type { PpepContent } from '@shared/schemas/documents';
import type { PlanContent } from '@shared/schemas/plan';

export const NOT_RECORDED = 'Not recorded';

const filled = (xs: string[]) => xs.map((x) => x.trim()).filter((x) => x !== '');
const orNotRecorded = (xs: string[]) => {
  const kept = filled(xs);
  return kept.length > 0 ? kept : [NOT_RECORDED];
};

export function ppepFromPlan(
  plan: PlanContent,
  agreedOn: string | null,
  nextReview: string | null,
): PpepContent {
  return {
    aboutMe: plan.aboutMe.trim() || NOT_RECORDED,
    strengths: filled(plan.strengths),
    goals: {
      shortTerm: orNotRecorded(plan.goals.shortTerm),
      longTerm: orNotRecorded(plan.goals.longTerm),
    },
    barriers: plan.barriers
      .filter((b) => b.barrier.trim() !== '')
      .map((b) => ({ barrier: b.barrier.trim(), support: b.support.trim() || NOT_RECORDED })),
    skills: filled(plan.skills),
    qualifications: filled(plan.qualifications),
    training: filled(plan.training),
    steps: plan.steps
      .filter((st) => st.action.trim() !== '')
      .map((st) => ({ action: st.action.trim(), owner: st.owner, due: st.due, status: st.status })),
    agreedOn,
    nextReview,
  };
}
