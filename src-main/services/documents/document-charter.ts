/**
 * What letters take from the charter profile that governs the participant (shipped or a
 * manager's copy, from the one resolver): the plan's name, the promises quoted from the charter,
 * the complaint route and the profile's own letter wording (`letters`). Profiles are written in
 * English; a Welsh letter under a shipped profile takes the reviewed Welsh wording in
 * src-main/pdf/wording. A copy has no reviewed Welsh, so its Welsh letter quotes the copy's own
 * (English) promises and route: the right route untranslated rather than a wrong one in Welsh.
 */
import type { ResolvedProfile } from '@shared/domain/charter/governing-profile';
import type { CharterWording, TemplateLanguage } from '@shared/schemas/documents';
import { fallbackCharterWording } from '../../pdf/wording/charter-wording';

/** The rules whose promises an induction letter lists under "what you can expect from us". */
const LETTER_PROMISES = ['R5', 'R6', 'R7', 'R9', 'R11', 'R14'] as const;

/** 'Personal Profile and Employment Plan (PPEP)'; a plain name such as 'action plan' as it is. */
export const letterPlanName = (short: string, long: string): string =>
  short === short.toUpperCase() ? `${long} (${short})` : long;

export function letterWording(
  { profile, version }: ResolvedProfile,
  lang: TemplateLanguage,
): CharterWording {
  // The numbers come from the governing profile whatever language the words are in.
  const numbers = {
    missedContactDays: profile.rules.R8.days,
    meetingsPerMonth: profile.rules.R6.meetingsPerMonth,
  };
  if (lang !== 'en' && version === 0)
    return { ...fallbackCharterWording(profile.id)[lang], ...numbers };
  return {
    profileId: profile.id,
    planName: letterPlanName(profile.planName, profile.planNameLong),
    promises: LETTER_PROMISES.map((rule) => profile.rules[rule].promise),
    complaintRoute: profile.complaintRoute.map((step) => ({ name: step.name, how: step.contact })),
    letters: profile.letters,
    ...numbers,
  };
}
