/** Writes referral CSVs in the documented batch format, for import tests. */
import Papa from 'papaparse';

export const CSV_COLUMNS = [
  'referral_id',
  'referral_date',
  'given_name',
  'family_name',
  'preferred_name',
  'date_of_birth',
  'ni_number',
  'address_line1',
  'address_line2',
  'town',
  'postcode',
  'phone',
  'email',
  'jobcentre_office',
  'benefit',
  'programme',
  'contact_channel',
  'language',
  'interpreter_needed',
  'adjustments',
  'large_print',
  'welsh',
] as const;

export type CsvRow = Partial<Record<(typeof CSV_COLUMNS)[number], string>>;

/** Allocated prefixes only (see src-shared/domain/identity/ni-number.ts). */
const PREFIXES = ['AB', 'CE', 'HJ', 'KL', 'MN', 'PR', 'ST', 'WX', 'YZ', 'JT'];

export function validRow(i: number, overrides: CsvRow = {}): CsvRow {
  return {
    referral_id: `JCP-B${String(i).padStart(6, '0')}`,
    referral_date: '2026-10-01',
    given_name: ['Łukasz', 'Siân', 'Ștefan', 'Aoife', 'Mohammed'][i % 5]!,
    family_name: ['Wiśniewski', 'ap Gruffydd', 'Țurcanu', "O'Neill", 'Khan'][i % 5]!,
    preferred_name: '',
    date_of_birth: '1985-06-15',
    ni_number: `${PREFIXES[i % PREFIXES.length]}${String(i % 1_000_000).padStart(6, '0')}A`,
    address_line1: `${(i % 300) + 1} Station Road`,
    address_line2: '',
    town: 'Sheffield',
    postcode: 'S1 2AB',
    phone: '0114 496 0000',
    email: '',
    jobcentre_office: 'Sheffield Eastern Avenue',
    benefit: 'universal-credit',
    programme: 'work-programme',
    contact_channel: 'phone',
    language: 'English',
    interpreter_needed: 'no',
    adjustments: '',
    large_print: 'no',
    welsh: 'no',
    ...overrides,
  };
}

export const toCsv = (rows: CsvRow[]) =>
  Papa.unparse({
    fields: [...CSV_COLUMNS],
    data: rows.map((r) => CSV_COLUMNS.map((c) => r[c] ?? '')),
  });
