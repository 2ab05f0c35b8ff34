/**
 * What letters take from the charter profiles (resources/profiles): the plan's name, the
 * promises quoted from the charter and the complaint route, plus each profile's R3 days and the
 * nations' working-day calendars. The profiles are English only, so a Welsh letter takes its
 * promises and route from the reviewed Welsh wording in src-main/pdf/wording.
 */
import { shippedProfile } from '@shared/domain/charter/shipped-profiles';
import { calendarsFrom } from '@shared/domain/calendar/shipped-calendars';
import type { CalendarSet } from '@shared/domain/calendar/working-day-calendar';
import type { CharterWording, TemplateLanguage } from '@shared/schemas/documents';
import type { Nation } from '@shared/schemas/participant';
import { fallbackCharterWording } from '../../pdf/wording/charter-wording';

/** The rules whose promises an induction letter lists under "what you can expect from us". */
const LETTER_PROMISES = ['R5', 'R6', 'R7', 'R9', 'R11', 'R14'] as const;

/** 'Personal Profile and Employment Plan (PPEP)'; a plain name such as 'action plan' as it is. */
export const letterPlanName = (short: string, long: string): string =>
  short === short.toUpperCase() ? `${long} (${short})` : long;

export function profileCharterWording(profileId: string, lang: TemplateLanguage): CharterWording {
  const profile = shippedProfile(profileId);
  const fallback = fallbackCharterWording(profileId)[lang];
  if (!profile || lang !== 'en') return fallback;
  const short = profile.planName;
  return {
    profileId,
    planName:
      short === short.toUpperCase() ? `${profile.planNameLong} (${short})` : profile.planNameLong,
    promises: LETTER_PROMISES.map((rule) => profile.rules[rule].promise),
    complaintRoute: profile.complaintRoute.map((step) => ({ name: step.name, how: step.contact })),
  };
}

export const profileR3Days = (profileId: string): number =>
  shippedProfile(profileId)?.rules.R3.days ?? 14;

let calendars: CalendarSet | undefined;

/** Working days by the shipped bank holidays (projected by rule past the published years). */
export function shippedWorkingDay(nation: Nation, civilDate: string): boolean {
  calendars ??= calendarsFrom();
  return calendars[nation].isWorkingDay(civilDate);
}
