/**
 * The participant's plan (PPEP, or the charter profile's name for it). A draft is saved as the
 * adviser types, so its fields may be empty; agreeing checks the fuller rules (R5: at least one
 * job goal and one step, every step with an action and a due date) and names the field at fault.
 */
import { z } from 'zod';
import { civilDate } from './participant';
import { isCivilDate } from '../domain/calendar/civil-date';

export const STEP_OWNERS = ['participant', 'adviser'] as const;
export const STEP_STATUSES = ['not-started', 'in-progress', 'done'] as const;
export const AGREEMENT_METHODS = ['in-person', 'phone', 'video', 'signed-paper'] as const;
export const SUPPORT_SERVICES = [
  'money',
  'drug-and-alcohol',
  'housing',
  'childcare',
  'other',
] as const;
export const REFERRAL_STATUSES = [
  'to-refer',
  'referred',
  'engaged',
  'completed',
  'declined',
] as const;
export const HEALTH_DECISIONS = ['refer', 'no-referral'] as const;

export type StepOwner = (typeof STEP_OWNERS)[number];
export type StepStatus = (typeof STEP_STATUSES)[number];
export type AgreementMethod = (typeof AGREEMENT_METHODS)[number];
export type SupportService = (typeof SUPPORT_SERVICES)[number];
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** Stable ids let a review's diff say "step changed" rather than "one removed, one added". */
const itemId = z.string().regex(/^[A-Za-z0-9-]{1,40}$/, 'Not an item id');
const line = z.string().trim().max(300, 'Must be 300 characters or fewer');
const lines = (max: number) => z.array(line).max(max, `No more than ${max} entries`);
/** Empty or a real date: a draft step may not have its due date yet. */
const draftDate = z.union([z.literal(''), civilDate]);

export const planBarrierSchema = z
  .object({
    id: itemId,
    barrier: line,
    support: z.string().trim().max(600, 'Must be 600 characters or fewer'),
    /** A health-related need asks for an occupational-health referral decision (R9). */
    healthRelated: z.boolean(),
  })
  .strict();

export const planStepSchema = z
  .object({
    id: itemId,
    action: line,
    owner: z.enum(STEP_OWNERS),
    due: draftDate,
    status: z.enum(STEP_STATUSES),
    mandatory: z.boolean(),
  })
  .strict();

export const planContentSchema = z
  .object({
    aboutMe: z.string().trim().max(4000, 'Must be 4000 characters or fewer'),
    strengths: lines(20),
    goals: z.object({ shortTerm: lines(10), longTerm: lines(10) }).strict(),
    barriers: z.array(planBarrierSchema).max(20, 'No more than 20 barriers'),
    skills: lines(30),
    qualifications: lines(30),
    training: lines(30),
    steps: z.array(planStepSchema).max(40, 'No more than 40 steps'),
  })
  .strict();

export type PlanBarrier = z.infer<typeof planBarrierSchema>;
export type PlanStep = z.infer<typeof planStepSchema>;
export type PlanContent = z.infer<typeof planContentSchema>;

export const EMPTY_PLAN: PlanContent = {
  aboutMe: '',
  strengths: [],
  goals: { shortTerm: [], longTerm: [] },
  barriers: [],
  skills: [],
  qualifications: [],
  training: [],
  steps: [],
};

export interface PlanProblem {
  field: string;
  message: string;
}

/** What stops a draft being agreed (R5), each with the dotted path of the field at fault. */
export function agreementProblems(c: PlanContent): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const filled = (xs: string[]) => xs.filter((x) => x.trim() !== '');
  if (filled(c.goals.shortTerm).length + filled(c.goals.longTerm).length === 0)
    problems.push({ field: 'goals.shortTerm', message: 'Add at least one job goal' });
  if (c.steps.length === 0) problems.push({ field: 'steps', message: 'Add at least one step' });
  c.steps.forEach((s, i) => {
    if (!s.action) problems.push({ field: `steps.${i}.action`, message: `Describe step ${i + 1}` });
    if (!s.due)
      problems.push({ field: `steps.${i}.due`, message: `Give step ${i + 1} a due date` });
    else if (!isCivilDate(s.due))
      problems.push({
        field: `steps.${i}.due`,
        message: `Enter step ${i + 1}'s due date as a real date, for example 27 3 2027`,
      });
  });
  c.barriers.forEach((b, i) => {
    if (!b.barrier)
      problems.push({
        field: `barriers.${i}.barrier`,
        message: `Describe barrier ${i + 1} or remove it`,
      });
  });
  return problems;
}

/** Blank list entries are typing in progress: an agreed version keeps only what was written. */
export function tidyPlan(c: PlanContent): PlanContent {
  const filled = (xs: string[]) => xs.map((x) => x.trim()).filter(Boolean);
  return {
    ...c,
    strengths: filled(c.strengths),
    goals: { shortTerm: filled(c.goals.shortTerm), longTerm: filled(c.goals.longTerm) },
    skills: filled(c.skills),
    qualifications: filled(c.qualifications),
    training: filled(c.training),
  };
}

export const agreementSchema = z
  .object({
    agreedOn: civilDate,
    method: z.enum(AGREEMENT_METHODS, { message: 'Choose how the participant agreed' }),
    participantAgreed: z.literal(true, { message: 'Confirm the participant agreed this plan' }),
  })
  .strict();
export type Agreement = z.infer<typeof agreementSchema>;

export interface PlanDraft {
  content: PlanContent;
  /** Counts saves, so a stale tab cannot overwrite a newer draft. */
  revision: number;
  savedAt: string;
  savedBy: string;
  /** The agreed version this draft reviews, or null for the first plan. */
  baseVersionId: string | null;
}

export interface PlanVersionSummary {
  id: string;
  number: number;
  agreedOn: string;
  method: AgreementMethod;
  adviserName: string;
  recordedAt: string;
}

export interface PlanVersion extends PlanVersionSummary {
  participantId: string;
  content: PlanContent;
  previousVersionId: string | null;
}

export interface SupportReferral {
  id: string;
  participantId: string;
  service: SupportService;
  detail: string;
  status: ReferralStatus;
  outcome: string;
  referredOn: string | null;
  version: number;
  updatedAt: string;
}

export interface HealthDecision {
  id: string;
  needNotedOn: string;
  decision: (typeof HEALTH_DECISIONS)[number];
  decidedOn: string;
  reason: string;
  recordedBy: string;
}

export interface PlanView {
  participantId: string;
  /** From the charter profile: 'PPEP' or 'action plan'. */
  planName: string;
  planNameLong: string;
  draft: PlanDraft | null;
  versions: PlanVersionSummary[];
  latest: PlanVersion | null;
  /** The engine's next R7 review date (unmet), or null when none is due. */
  nextReview: string | null;
  referrals: SupportReferral[];
  healthDecisions: HealthDecision[];
}

export const supportReferralSchema = z
  .object({
    service: z.enum(SUPPORT_SERVICES, { message: 'Choose the kind of support' }),
    detail: z.string().trim().min(1, 'Say who the referral is to').max(600),
    status: z.enum(REFERRAL_STATUSES),
    outcome: z.string().trim().max(600).default(''),
    referredOn: civilDate.nullable().default(null),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.status !== 'to-refer' && !r.referredOn)
      ctx.addIssue({
        code: 'custom',
        path: ['referredOn'],
        message: 'Enter the date the referral was made',
      });
  });
export type SupportReferralInput = z.input<typeof supportReferralSchema>;

export const healthDecisionSchema = z
  .object({
    needNotedOn: civilDate,
    decision: z.enum(HEALTH_DECISIONS, { message: 'Choose whether to refer' }),
    decidedOn: civilDate,
    reason: z.string().trim().max(600).default(''),
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.decidedOn < d.needNotedOn)
      ctx.addIssue({
        code: 'custom',
        path: ['decidedOn'],
        message: 'The decision cannot be before the need was noted',
      });
    if (d.decision === 'no-referral' && !d.reason)
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message: 'Say why an occupational health referral is not needed',
      });
  });
export type HealthDecisionInput = z.input<typeof healthDecisionSchema>;
