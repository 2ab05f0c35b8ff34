/** Words the adviser reads for the schema's enum values, and display formats. */
import {
  dayMonthYear,
  instantInWords,
  instantShort,
  shortDayMonthYear,
} from '@shared/wording/dates';
import { CHANNEL_LABELS } from '@shared/wording/labels';
import type { AdviserRole } from '@shared/ipc/access';
import { CONTACT_CHANNELS } from '@shared/schemas/participant';
import type { BENEFITS, EXIT_REASONS, ParticipantStatus } from '@shared/schemas/participant';

export const STATUS_LABELS: Record<ParticipantStatus, string> = {
  referred: 'Referred',
  allocated: 'Allocated',
  contacted: 'Contacted',
  'induction-booked': 'Induction booked',
  started: 'Started',
  'in-work': 'In work',
  exited: 'Exited',
};

export { PROGRAMME_LABELS } from '@shared/wording/labels';

export const BENEFIT_LABELS: Record<(typeof BENEFITS)[number], string> = {
  'universal-credit': 'Universal Credit',
  jsa: "Jobseeker's Allowance",
  esa: 'Employment and Support Allowance',
  'income-support': 'Income Support',
  none: 'None',
  other: 'Other',
};

export { NATION_LABELS } from '@shared/wording/labels';

/** The channels a referral may prefer, in the schema's order, worded as everywhere else. */
export const CONTACT_LABELS = Object.fromEntries(
  CONTACT_CHANNELS.map((c) => [c, CHANNEL_LABELS[c]]),
) as Record<(typeof CONTACT_CHANNELS)[number], string>;

export const EXIT_REASON_LABELS: Record<(typeof EXIT_REASONS)[number], string> = {
  'completed-programme': 'Completed the programme',
  'sustained-employment': 'Sustained employment',
  'moved-away': 'Moved away',
  'no-longer-eligible': 'No longer eligible',
  withdrew: 'Withdrew',
  other: 'Other',
};

/** '2026-03-07' → '7 March 2026' (GOV.UK style), without time zones getting involved. */
export function formatDate(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}/.test(iso) ? dayMonthYear(iso) : iso;
}

/** '2026-03-07' → '7 Mar 2026', for table cells. */
export function formatShortDate(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}/.test(iso) ? shortDayMonthYear(iso) : iso;
}

/** An ISO instant → '7 Mar 2026', in Europe/London whatever the computer's time zone. */
export const formatShortInstant = instantShort;

/** An ISO instant → '7 March 2026 at 14:05', in Europe/London. */
export const formatInstant = instantInWords;

/** The signed-in user's role, as the header shows it. */
export const ROLE_LABELS: Record<AdviserRole, string> = {
  adviser: 'Adviser',
  manager: 'Manager',
  reception: 'Reception',
};
