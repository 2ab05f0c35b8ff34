/**
 * Opening hours as an adviser types them, one box a day: "9:00 to 12:30, 13:30 to 17:00", or
 * empty for closed. Parsing keeps anything it cannot read as typed, so the shared schema
 * rejects it with its own message instead of the form dropping it.
 */
import type { OpeningHours } from '@shared/schemas/diary';

export const WEEKDAY_NAMES = [
  ['mon', 'Monday'],
  ['tue', 'Tuesday'],
  ['wed', 'Wednesday'],
  ['thu', 'Thursday'],
  ['fri', 'Friday'],
  ['sat', 'Saturday'],
  ['sun', 'Sunday'],
] as const;
export type WeekdayKey = (typeof WEEKDAY_NAMES)[number][0];
export type HoursText = Record<WeekdayKey, string>;

/** '9:00' → '09:00', '9.30' → '09:30', '14' → '14:00'; anything else as typed. */
function tidyTime(raw: string): string {
  const m = /^(\d{1,2})(?:[:.](\d{2}))?$/.exec(raw.trim());
  if (!m) return raw.trim();
  return `${m[1]!.padStart(2, '0')}:${m[2] ?? '00'}`;
}

export function parseSessions(text: string): [string, string][] {
  if (!text.trim()) return [];
  return text.split(/[,;]/).map((part) => {
    const [a = '', b = ''] = part.split(/\s*(?:–|—|-|\bto\b)\s*/i);
    return [tidyTime(a), tidyTime(b)];
  });
}

export function hoursFromText(text: HoursText): OpeningHours {
  const out: OpeningHours = {};
  for (const [key] of WEEKDAY_NAMES) {
    const sessions = parseSessions(text[key]);
    if (sessions.length > 0) out[key] = sessions;
  }
  return out;
}

export function hoursToText(hours: OpeningHours | undefined): HoursText {
  const out = {} as HoursText;
  for (const [key] of WEEKDAY_NAMES)
    out[key] = (hours?.[key] ?? []).map(([a, b]) => `${a} to ${b}`).join(', ');
  return out;
}

/** 'Monday 09:00 to 12:30 and 13:30 to 17:00' lines for a summary; closed days left out. */
export function hoursLines(hours: OpeningHours): string[] {
  return WEEKDAY_NAMES.flatMap(([key, name]) => {
    const s = hours[key] ?? [];
    return s.length ? [`${name}: ${s.map(([a, b]) => `${a} to ${b}`).join(' and ')}`] : [];
  });
}
