/**
 * "What changed since the last review": two plan versions in, a list of readable changes out.
 * Lists of phrases compare as sets (reordering is not a change); barriers and steps compare by
 * their stable ids, so an edited step reads as changed rather than as removed and added.
 */
import type { PlanBarrier, PlanContent, PlanStep } from '../schemas/plan';

export type PlanSection =
  | 'aboutMe'
  | 'strengths'
  | 'goals.shortTerm'
  | 'goals.longTerm'
  | 'barriers'
  | 'skills'
  | 'qualifications'
  | 'training'
  | 'steps';

export interface PlanChange {
  section: PlanSection;
  change: 'added' | 'removed' | 'changed';
  /** The item's words (a step's action, a goal), so the change can be read on its own. */
  item: string;
  /** For 'changed': each field that differs, with before and after as the adviser reads them. */
  fields?: { field: string; before: string; after: string }[];
}

export const SECTION_LABELS: Record<PlanSection, string> = {
  aboutMe: 'About me',
  strengths: 'Strengths',
  'goals.shortTerm': 'Short-term job goals',
  'goals.longTerm': 'Long-term job goals',
  barriers: 'Barriers and support',
  skills: 'Skills',
  qualifications: 'Qualifications',
  training: 'Training done',
  steps: 'Steps',
};

const STATUS_WORDS: Record<PlanStep['status'], string> = {
  'not-started': 'not started',
  'in-progress': 'in progress',
  done: 'done',
};

function listChanges(section: PlanSection, before: string[], after: string[]): PlanChange[] {
  const was = new Set(before);
  const now = new Set(after);
  return [
    ...before
      .filter((x) => !now.has(x))
      .map((item) => ({ section, change: 'removed' as const, item })),
    ...after
      .filter((x) => !was.has(x))
      .map((item) => ({ section, change: 'added' as const, item })),
  ];
}

function keyedChanges<T extends { id: string }>(
  section: PlanSection,
  before: T[],
  after: T[],
  name: (x: T) => string,
  fields: (a: T, b: T) => { field: string; before: string; after: string }[],
): PlanChange[] {
  const was = new Map(before.map((x) => [x.id, x]));
  const now = new Map(after.map((x) => [x.id, x]));
  const out: PlanChange[] = [];
  for (const x of before)
    if (!now.has(x.id)) out.push({ section, change: 'removed', item: name(x) });
  for (const x of after) {
    const old = was.get(x.id);
    if (!old) {
      out.push({ section, change: 'added', item: name(x) });
      continue;
    }
    const diffs = fields(old, x);
    if (diffs.length > 0) out.push({ section, change: 'changed', item: name(x), fields: diffs });
  }
  return out;
}

function differing<T>(pairs: [string, T, T, (v: T) => string][]) {
  return pairs
    .filter(([, a, b]) => a !== b)
    .map(([field, a, b, show]) => ({ field, before: show(a), after: show(b) }));
}

const text = (v: string) => v || '(blank)';
const yesNo = (v: boolean) => (v ? 'yes' : 'no');

const barrierFields = (a: PlanBarrier, b: PlanBarrier) =>
  differing<string | boolean>([
    ['barrier', a.barrier, b.barrier, (v) => text(String(v))],
    ['support', a.support, b.support, (v) => text(String(v))],
    ['health-related', a.healthRelated, b.healthRelated, (v) => yesNo(Boolean(v))],
  ]);

const stepFields = (a: PlanStep, b: PlanStep) =>
  differing<string | boolean>([
    ['action', a.action, b.action, (v) => text(String(v))],
    ['owner', a.owner, b.owner, (v) => String(v)],
    ['due', a.due, b.due, (v) => text(String(v))],
    ['status', a.status, b.status, (v) => STATUS_WORDS[v as PlanStep['status']] ?? String(v)],
    ['mandatory', a.mandatory, b.mandatory, (v) => yesNo(Boolean(v))],
  ]);

/** Every change from `before` to `after`, in the order the plan's sections are written. */
export function diffPlans(before: PlanContent, after: PlanContent): PlanChange[] {
  const changes: PlanChange[] = [];
  if (before.aboutMe.trim() !== after.aboutMe.trim())
    changes.push({
      section: 'aboutMe',
      change: 'changed',
      item: 'About me',
      fields: [{ field: 'text', before: text(before.aboutMe), after: text(after.aboutMe) }],
    });
  changes.push(
    ...listChanges('strengths', before.strengths, after.strengths),
    ...listChanges('goals.shortTerm', before.goals.shortTerm, after.goals.shortTerm),
    ...listChanges('goals.longTerm', before.goals.longTerm, after.goals.longTerm),
    ...keyedChanges('barriers', before.barriers, after.barriers, (b) => b.barrier, barrierFields),
    ...listChanges('skills', before.skills, after.skills),
    ...listChanges('qualifications', before.qualifications, after.qualifications),
    ...listChanges('training', before.training, after.training),
    ...keyedChanges('steps', before.steps, after.steps, (s) => s.action, stepFields),
  );
  return changes;
}

/** One change as a sentence, e.g. 'Steps: "Update CV" changed: status from not started to done'. */
export function describeChange(c: PlanChange): string {
  const where = SECTION_LABELS[c.section];
  if (c.change === 'added') return `${where}: added "${c.item}"`;
  if (c.change === 'removed') return `${where}: removed "${c.item}"`;
  if (c.section === 'aboutMe') return 'About me was rewritten';
  const parts = (c.fields ?? []).map((f) => `${f.field} from ${f.before} to ${f.after}`);
  return `${where}: "${c.item}" changed: ${parts.join('; ')}`;
}
