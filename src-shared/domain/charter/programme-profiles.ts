/**
 * The charter profile a programme follows when a referral names none (or names one that no longer
 * exists). Restart has no charter of its own in the seed documents, so it follows the Work
 * Programme's. Import fills the referral's profile from this; the resolver falls back to it.
 */
export const PROGRAMME_PROFILE: Readonly<Record<string, string>> = {
  'work-programme': 'work-programme',
  restart: 'work-programme',
  'no-one-left-behind': 'no-one-left-behind',
};

/** The profile a programme defaults to; the Work Programme's for an unknown programme. */
export function defaultProfileId(programme: string): string {
  return PROGRAMME_PROFILE[programme] ?? 'work-programme';
}
