/**
 * The Jobcentre referral batch format (columns documented in README, "Referral CSV"): parsing
 * and per-row validation. Pure: text in, valid referrals and row errors out.
 */
import Papa from 'papaparse';
import { referralSchema, type Referral } from '@shared/schemas/participant';
import { PROGRAMME_PROFILE, defaultProfileId } from '@shared/domain/charter/programme-profiles';
import { shippedProfile } from '@shared/domain/charter/shipped-profiles';
import type { ImportRowError } from '@shared/ipc/channels/import';
import { toCsv } from '@shared/csv';

export const REQUIRED_COLUMNS = [
  'referral_id',
  'referral_date',
  'given_name',
  'family_name',
  'date_of_birth',
  'ni_number',
  'address_line1',
  'town',
  'postcode',
  'jobcentre_office',
  'benefit',
  'programme',
  'contact_channel',
] as const;

export const OPTIONAL_COLUMNS = [
  'preferred_name',
  'address_line2',
  'county',
  'phone',
  'email',
  'charter_profile',
  'nation',
  'language',
  'interpreter_needed',
  'adjustments',
  'large_print',
  'welsh',
  'easy_read',
] as const;

/** Which CSV column a schema path came from, so the error report names what the adviser sees. */
const COLUMN_FOR_PATH: Record<string, string> = {
  givenName: 'given_name',
  familyName: 'family_name',
  preferredName: 'preferred_name',
  dateOfBirth: 'date_of_birth',
  niNumber: 'ni_number',
  'address.line1': 'address_line1',
  'address.line2': 'address_line2',
  'address.town': 'town',
  'address.county': 'county',
  'address.postcode': 'postcode',
  phone: 'phone',
  email: 'email',
  referralId: 'referral_id',
  referralDate: 'referral_date',
  jobcentreOffice: 'jobcentre_office',
  benefit: 'benefit',
  programme: 'programme',
  charterProfile: 'charter_profile',
  nation: 'nation',
  contactChannel: 'contact_channel',
  language: 'language',
  interpreterNeeded: 'interpreter_needed',
  adjustments: 'adjustments',
  'accessibleFormats.largePrint': 'large_print',
  'accessibleFormats.welsh': 'welsh',
  'accessibleFormats.easyRead': 'easy_read',
};

const yes = (v: string | undefined) => /^(y|yes|true|1)$/i.test((v ?? '').trim());
const opt = (v: string | undefined) => (v && v.trim() !== '' ? v.trim() : undefined);

export interface ParsedRow {
  /** 1-based line number in the file, the header being line 1. */
  line: number;
  referral: Referral;
}

export interface ParsedBatch {
  rows: ParsedRow[];
  errors: ImportRowError[];
  total: number;
}

const PAPA_OPTIONS = {
  header: true,
  skipEmptyLines: 'greedy',
  transformHeader: (h: string) =>
    h
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_'),
} as const;

/** How many rows are read and checked before the event loop gets a turn. */
export const ROWS_PER_TURN = 500;

/**
 * Reads and checks the batch in turns of ROWS_PER_TURN rows, giving the event loop a turn
 * between them: a 100,000-row file took the main process away from every other call for the
 * whole read (about 12 s, and much longer on a slow machine).
 */
export async function parseReferralCsv(content: string): Promise<ParsedBatch> {
  const text = content.replace(/^\uFEFF/, '');
  const headers =
    Papa.parse<Record<string, string>>(text, { ...PAPA_OPTIONS, preview: 1 }).meta.fields ?? [];
  const missing = REQUIRED_COLUMNS.filter((c) => !headers.includes(c));
  if (missing.length > 0) {
    return {
      rows: [],
      total: 0,
      errors: [
        {
          row: 1,
          referralId: null,
          field: missing.join(', '),
          message: `The file has no ${missing.join(', ')} column${missing.length > 1 ? 's' : ''}`,
        },
      ],
    };
  }
  const rows: ParsedRow[] = [];
  const errors: ImportRowError[] = [];
  const unreadable: ImportRowError[] = [];
  const seen = new Map<string, number>();
  const check = (rec: Record<string, string>, i: number): void => {
    const line = i + 2;
    const programme = opt(rec.programme);
    const candidate = {
      givenName: rec.given_name ?? '',
      familyName: rec.family_name ?? '',
      preferredName: opt(rec.preferred_name),
      dateOfBirth: rec.date_of_birth ?? '',
      niNumber: rec.ni_number ?? '',
      address: {
        line1: rec.address_line1 ?? '',
        line2: opt(rec.address_line2),
        town: rec.town ?? '',
        county: opt(rec.county),
        postcode: rec.postcode ?? '',
      },
      phone: opt(rec.phone),
      email: opt(rec.email),
      referralId: rec.referral_id ?? '',
      referralDate: rec.referral_date ?? '',
      jobcentreOffice: rec.jobcentre_office ?? '',
      benefit: opt(rec.benefit),
      programme,
      charterProfile: opt(rec.charter_profile) ?? PROGRAMME_PROFILE[programme ?? ''] ?? '',
      // The programme's profile says where it runs (No One Left Behind: Scotland).
      nation: opt(rec.nation) ?? shippedProfile(defaultProfileId(programme ?? ''))!.defaultNation,
      contactChannel: opt(rec.contact_channel),
      language: opt(rec.language) ?? 'English',
      interpreterNeeded: yes(rec.interpreter_needed),
      adjustments: rec.adjustments?.trim() ?? '',
      accessibleFormats: {
        largePrint: yes(rec.large_print),
        welsh: yes(rec.welsh),
        easyRead: yes(rec.easy_read),
      },
    };
    const result = referralSchema.safeParse(candidate);
    const referralId = opt(rec.referral_id) ?? null;
    if (!result.success) {
      for (const issue of result.error.issues) {
        const path = issue.path.join('.');
        errors.push({
          row: line,
          referralId,
          field: COLUMN_FOR_PATH[path] ?? path,
          message: issue.message,
        });
      }
      return;
    }
    const firstLine = seen.get(result.data.referralId);
    if (firstLine !== undefined) {
      errors.push({
        row: line,
        referralId,
        field: 'referral_id',
        message: `The same referral is already on line ${firstLine} of this file`,
      });
      return;
    }
    seen.set(result.data.referralId, line);
    rows.push({ line, referral: result.data });
  };
  let total = 0;
  await new Promise<void>((resolve, reject) => {
    Papa.parse<Record<string, string>>(text, {
      ...PAPA_OPTIONS,
      step: (result, parser) => {
        const i = total++;
        try {
          check(result.data, i);
        } catch (error) {
          parser.abort();
          reject(error);
          return;
        }
        for (const e of result.errors)
          unreadable.push({
            row: i + 2,
            referralId: null,
            field: '',
            message: `The CSV could not be read here: ${e.message}`,
          });
        if (total % ROWS_PER_TURN === 0) {
          parser.pause();
          setImmediate(() => parser.resume());
        }
      },
      complete: () => resolve(),
      error: (error: Error) => reject(error),
    });
  });
  return { rows, errors: [...errors, ...unreadable], total };
}

/** The error report the adviser downloads: one line per problem, in file order. */
export function errorReportCsv(errors: ImportRowError[]): string {
  return toCsv(
    ['line', 'referral_id', 'column', 'problem'],
    [...errors]
      .sort((a, b) => a.row - b.row)
      .map((e) => [e.row, e.referralId ?? '', e.field, e.message]),
  );
}
