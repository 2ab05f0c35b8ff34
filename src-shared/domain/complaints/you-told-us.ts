/**
 * "You told us, we did" (charter.md, "a service that learns and improves"): each entry records a
 * change the service made and what people told us that led to it, linked to the complaints or
 * feedback behind it. A link is a source kind and an id, so feedback from the surveys (or any
 * later source) joins without changing the table. Entries are printed for the waiting room, so
 * they hold no personal data: the words are checked against the linked people's names.
 */
import { z } from 'zod';
import { isCivilDate } from '../calendar/civil-date';

export const SOURCE_KINDS = ['complaint', 'feedback'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const SOURCE_KIND_WORDS: Record<SourceKind, string> = {
  complaint: 'Complaint',
  feedback: 'Feedback',
};

const words = (max: number, what: string) =>
  z
    .string()
    .trim()
    .min(1, { message: `Enter ${what}` })
    .max(max, { message: `Keep ${what} to ${max} characters` });

export const sourceLinkSchema = z
  .object({
    kind: z.enum(SOURCE_KINDS, { message: 'Choose whether it came from a complaint or feedback' }),
    id: z.string().uuid('Not a complaint or feedback id'),
  })
  .strict();
export type SourceLink = z.output<typeof sourceLinkSchema>;

export const youToldUsInputSchema = z
  .object({
    /** Absent for a new entry. */
    id: z.string().uuid('Not an entry id').optional(),
    /** What people told us, in general terms (it is printed for the waiting room). */
    said: words(300, 'what people told us'),
    /** What we changed. */
    did: words(300, 'what we did'),
    changedOn: z
      .string()
      .refine(isCivilDate, { message: 'Enter the date of the change as a real date' }),
    sources: z
      .array(sourceLinkSchema)
      .min(1, { message: 'Choose at least one complaint or piece of feedback behind this change' })
      .max(50, { message: 'Link at most 50 complaints or pieces of feedback' })
      .refine((links) => new Set(links.map((l) => `${l.kind}:${l.id}`)).size === links.length, {
        message: 'Each complaint or piece of feedback can be linked once',
      }),
  })
  .strict();
export type YouToldUsInput = z.output<typeof youToldUsInputSchema>;

/**
 * The first of `names` that `text` mentions as whole words, ignoring case, or null. Used to keep
 * the people behind an entry off the waiting-room poster.
 */
export function mentionedName(text: string, names: readonly string[]): string | null {
  const squash = (s: string) =>
    ` ${s
      .toLowerCase()
      .replace(/[^\p{L}\p{N}']+/gu, ' ')
      .trim()} `;
  const haystack = squash(text);
  for (const name of names) {
    const needle = squash(name);
    if (needle.trim().length > 1 && haystack.includes(needle)) return name;
  }
  return null;
}
