/** What each merge field in the provider's wording prints (src-main/pdf/merge.ts lists them). */
export const MERGE_FIELD_HELP: Record<string, string> = {
  'participant.preferredName': 'The name they asked to be called, or their first name',
  'participant.givenName': 'Their first name',
  'participant.familyName': 'Their last name',
  'participant.fullName': 'Their first and last name',
  'participant.referralId': 'The Jobcentre referral reference',
  'office.name': 'The office where the induction is',
  'office.address': 'The office address on one line',
  'office.phone': 'The office phone number',
  'office.email': 'The office email address',
  'appointment.date': 'The induction date, written out (for example Tuesday 1 December 2026)',
  'appointment.time': 'The induction start time',
  'contact.name': 'The adviser running the induction',
  'plan.name': 'The charter profile’s name for the plan (PPEP or action plan)',
  'charter.missedContactDays':
    'From the charter profile: within how many days we contact someone who missed a meeting',
  'charter.meetingsAMonth':
    'From the charter profile: how often we meet (for example twice a month)',
  'letter.date': 'The date the letter is printed',
};
