/** Words the adviser reads for the schema's enum values, and display formats. */
import type {
  BENEFITS,
  CONTACT_CHANNELS,
  EXIT_REASONS,
  NATIONS,
  ParticipantStatus,
  Programme,
} from '@shared/schemas/participant';

export const STATUS_LABELS: Record<ParticipantStatus, string> = {
  referred: 'Referred',
  allocated: 'Allocated',
  contacted: 'Contacted',
  'induction-booked': 'Induction booked',
  started: 'Started',
  'in-work': 'In work',
  exited: 'Exited',
};

export const PROGRAMME_LABELS: Record<Programme, string> = {
  'work-programme': 'Work Programme',
  restart: 'Restart',
  'no-one-left-behind': 'No One Left Behind',
};

export const BENEFIT_LABELS: Record<(typeof BENEFITS)[number], string> = {
  'universal-credit': 'Universal Credit',
  jsa: "Jobseeker's Allowance",
  esa: 'Employment and Support Allowance',
  'income-support': 'Income Support',
  none: 'None',
  other: 'Other',
};

export const NATION_LABELS: Record<(typeof NATIONS)[number], string> = {
  'england-and-wales': 'England and Wales',
  scotland: 'Scotland',
  'northern-ireland': 'Northern Ireland',
};

export const CONTACT_LABELS: Record<(typeof CONTACT_CHANNELS)[number], string> = {
  phone: 'Phone',
  email: 'Email',
  letter: 'Letter',
  text: 'Text message',
};

export const EXIT_REASON_LABELS: Record<(typeof EXIT_REASONS)[number], string> = {
  'completed-programme': 'Completed the programme',
  'sustained-employment': 'Sustained employment',
  'moved-away': 'Moved away',
  'no-longer-eligible': 'No longer eligible',
  withdrew: 'Withdrew',
  other: 'Other',
};

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** '2026-03-07' → '7 March 2026' (GOV.UK style), without time zones getting involved. */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? ''} ${m[1]}`;
}

/** '2026-03-07' → '7 Mar 2026', for table cells. */
export function formatShortDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])} ${(MONTHS[Number(m[2]) - 1] ?? '').slice(0, 3)} ${m[1]}`;
}

/** An ISO instant → '7 Mar 2026' in the adviser's local time. */
export function formatShortInstant(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getDate()} ${(MONTHS[d.getMonth()] ?? '').slice(0, 3)} ${d.getFullYear()}`;
}

/** An ISO instant → '7 March 2026 at 14:05' in the adviser's local time. */
export function formatInstant(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()} at ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Today as YYYY-MM-DD in local time; the clock is a parameter so tests can fix it. */
export function civilToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
