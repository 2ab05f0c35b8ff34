/**
 * Merge fields in provider-editable wording: {{participant.preferredName}} and friends. Values are
 * inserted in ONE pass and never scanned again, so a name that itself contains braces or markup
 * ("{{x}}", "<b>", "**y**") prints exactly as written; pdfmake treats every string as plain text.
 */
export const MERGE_FIELDS = [
  'participant.preferredName',
  'participant.givenName',
  'participant.familyName',
  'participant.fullName',
  'participant.referralId',
  'office.name',
  'office.address',
  'office.phone',
  'office.email',
  'appointment.date',
  'appointment.time',
  'contact.name',
  'plan.name',
  'charter.missedContactDays',
  'charter.meetingsAMonth',
  'letter.date',
] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];
export type MergeValues = Record<MergeField, string>;

const FIELD = /\{\{\s*([^{}]*?)\s*\}\}/g;
const KNOWN = new Set<string>(MERGE_FIELDS);

/** The merge fields a piece of wording uses that Waymark does not know (for template checks). */
export function unknownFields(wording: string): string[] {
  return [...wording.matchAll(FIELD)].map((m) => m[1]!).filter((name) => !KNOWN.has(name));
}

export function merge(wording: string, values: MergeValues): string {
  return wording.replace(FIELD, (whole, name: string) =>
    KNOWN.has(name) ? values[name as MergeField] : whole,
  );
}
