/**
 * The plan editor's react-hook-form plumbing: the typed draft checked by the shared plan schema
 * (a step's due date says which step, in the words agreeing uses), and react-hook-form's nested
 * errors as one list keyed by the field's dotted path, as the server and agreeing name them.
 */
import type { FieldErrors, Resolver } from 'react-hook-form';
import { planContentSchema, type PlanContent } from '@shared/schemas/plan';
import { toCivilDate } from '../../components/date-input';
import { schemaResolver } from '../../components/form-support';

/** The draft as typed, with each due date's three boxes tidied into YYYY-MM-DD. */
export const toContent = (v: PlanContent): PlanContent => ({
  ...v,
  steps: v.steps.map((s) => ({ ...s, due: toCivilDate(s.due) })),
});

export const dueWords = (index: number) =>
  `Enter step ${index + 1}'s due date as a real date, for example 27 3 2027`;

export function planResolver(): Resolver<PlanContent, unknown, PlanContent> {
  const resolve = schemaResolver<PlanContent, PlanContent>(planContentSchema, toContent, []);
  return async (values, context, options) => {
    const result = await resolve(values, context, options);
    const steps = (result.errors as { steps?: ({ due?: { message?: string } } | undefined)[] })
      .steps;
    if (Array.isArray(steps)) steps.forEach((e, i) => e?.due && (e.due.message = dueWords(i)));
    return result;
  };
}

/** A list typed one entry per line is one textarea: an entry's problem belongs to the list. */
const LINE_LISTS =
  /^(strengths|skills|qualifications|training|goals\.shortTerm|goals\.longTerm)\.\d+$/;

export function flatErrors(errors: FieldErrors<PlanContent>): { field: string; message: string }[] {
  const found = new Map<string, string>();
  const walk = (node: unknown, path: string[]) => {
    if (!node || typeof node !== 'object') return;
    const leaf = node as { message?: unknown; type?: unknown };
    if (typeof leaf.message === 'string' && leaf.message && typeof leaf.type === 'string') {
      const dotted = path.filter((p) => p !== 'root').join('.');
      const field = LINE_LISTS.test(dotted) ? dotted.replace(/\.\d+$/, '') : dotted;
      if (!found.has(field)) found.set(field, leaf.message);
    }
    for (const [k, v] of Object.entries(node)) if (k !== 'ref') walk(v, [...path, k]);
  };
  walk(errors, []);
  return [...found].map(([field, message]) => ({ field, message }));
}

/**
 * What can be saved while the screen shows a problem: the typed draft with each field at fault
 * put back to its value in the last saved draft (or emptied, when that draft did not have it).
 * Without this, every edit made after an impossible date would be held too, and lost if the
 * adviser left the page before putting the date right. The words at fault stay on screen.
 */
export function salvage(
  typed: PlanContent,
  lastSaved: PlanContent,
  faults: readonly string[],
): PlanContent | null {
  const copy = structuredClone(typed) as unknown as Record<string, unknown>;
  for (const field of faults) {
    const path = field.split('.');
    const before = path.reduce<unknown>(
      (node, key) => (node && typeof node === 'object' ? (node as never)[key] : undefined),
      lastSaved,
    );
    let node: unknown = copy;
    for (const key of path.slice(0, -1))
      node = node && typeof node === 'object' ? (node as never)[key] : undefined;
    if (!node || typeof node !== 'object') return null;
    const last = path[path.length - 1]!;
    const current = (node as Record<string, unknown>)[last];
    (node as Record<string, unknown>)[last] =
      before !== undefined ? before : Array.isArray(current) ? [] : '';
  }
  const result = planContentSchema.safeParse(copy);
  return result.success ? result.data : null;
}
