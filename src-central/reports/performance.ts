/**
 * The organisation's charter performance report (shared/domain/report-format.md) from what the
 * central store holds: each participant's synced records mapped to engine facts by the same
 * function the device uses (factsFromRows), their governing profile by the same resolver, the
 * engine's own obligations (engineObligationsByParticipant), then buildReport and, for the
 * benchmarking export, anonymiseReport. Never a second way of counting.
 */
import { scopeToProvider } from './scope';
import type { Kysely } from 'kysely';
import type { CentralDatabase } from '../db/schema';
import { AdminError } from '../errors';
import { currentOrganisation } from '../org/organisation';
import { loadReportData, type ReportOrganisation, type ReportParticipant } from './data';
import { isCivilDate } from '@shared/domain/calendar/civil-date';
import { londonDate } from '@shared/domain/identity/civil-date';
import { calendarsFrom } from '@shared/domain/calendar/shipped-calendars';
import {
  factsFromRows,
  type AppointmentRow,
  type EventRow,
  type ParticipantFacts,
} from '@shared/domain/charter/facts-from-rows';
import {
  governingProfile,
  type CopyVersions,
  type ProfileCopyVersion,
  type ResolvedProfile,
} from '@shared/domain/charter/governing-profile';
import { charterProfileSchema } from '@shared/domain/charter/profile';
import {
  ObligationsInputError,
  parseObligationsInput,
  type ParticipantFactsInput,
} from '@shared/domain/charter/obligations-input';
import {
  anonymiseReport,
  buildReport,
  checkReportPeriod,
  engineObligationsByParticipant,
  type AnonymisedReport,
  type GroupOf,
  type GroupRef,
  type ParticipantInScope,
  type Report,
  type ReportGrouping,
  ReportInputError,
  REPORT_GROUPINGS,
} from '@shared/domain/report';

export interface CentralReportOptions {
  from: string;
  to: string;
  today: string;
  by?: ReportGrouping;
  /** Only this provider's figures (a subcontractor's manager; see scope.ts). */
  provider?: string;
}

/** The report over every participant of the organisation, grouped as asked. */
export async function centralReport(
  db: Kysely<CentralDatabase>,
  options: CentralReportOptions,
): Promise<Report> {
  try {
    checkReportPeriod({ from: options.from, to: options.to, today: options.today });
  } catch (error) {
    if (error instanceof ReportInputError) throw new AdminError('invalid-input', error.message);
    throw error;
  }
  const [data, copies] = await Promise.all([loadReportData(db), loadProfileCopies(db)]);
  return reportFromData(data, copies, options);
}

/** As centralReport, then anonymised with small-number suppression (K defaults to 10). */
export async function centralAnonymisedReport(
  db: Kysely<CentralDatabase>,
  options: CentralReportOptions & { minCell?: number },
): Promise<AnonymisedReport> {
  const report = await centralReport(db, options);
  return anonymiseReport(report, { minCell: options.minCell });
}

/** Pure: the report from data already loaded (one read, many views). */
export function reportFromData(
  data: ReportOrganisation,
  copies: CopyVersions,
  options: CentralReportOptions,
): Report {
  if (options.provider) data = scopeToProvider(data, options.provider);
  const obligations = engineObligationsByParticipant(
    inScope(data.participants, copies, options.today),
    options.today,
    calendarsFrom(),
  );
  // Participants the engine could not read are left out, as on the device.
  return buildReport(
    [...obligations].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    options.by ? groupingOf(data, options.by) : null,
    { from: options.from, to: options.to, today: options.today, by: options.by },
  );
}

function participantRow(p: ReportParticipant) {
  return p.records.participant![0] as {
    id: string;
    nation: string;
    referral_date: string;
    charter_profile: string;
    programme: string;
  };
}

/**
 * Each participant's engine input and governing profile. Facts are checked against the engine's
 * input schema per profile group; if a group fails, one by one, so one unreadable record leaves
 * out only that participant (the device's ObligationService does the same).
 */
function inScope(
  participants: readonly ReportParticipant[],
  copies: CopyVersions,
  today: string,
): ParticipantInScope[] {
  const groups = new Map<string, { profile: ResolvedProfile; facts: ParticipantFacts[] }>();
  for (const p of participants) {
    const row = participantRow(p);
    const facts = factsFromRows(
      row,
      (p.records.participant_event ?? []) as unknown as EventRow[],
      (p.records.appointment ?? []) as unknown as AppointmentRow[],
    );
    const profile = governingProfile(
      { charterProfile: row.charter_profile, programme: row.programme },
      today,
      copies,
    );
    const key = `${profile.profile.id}@${profile.version}`;
    const group = groups.get(key) ?? { profile, facts: [] };
    group.facts.push(facts);
    groups.set(key, group);
  }
  const out: ParticipantInScope[] = [];
  for (const { profile, facts } of groups.values())
    for (const input of parsed(facts, profile, today))
      out.push({ facts: input, profile: profile.profile, nation: null });
  return out;
}

function parsed(
  facts: ParticipantFacts[],
  profile: ResolvedProfile,
  today: string,
): ParticipantFactsInput[] {
  const input = (participants: ParticipantFacts[]) =>
    parseObligationsInput({ today, profile: profile.profile, participants }).participants;
  try {
    return input(facts);
  } catch (error) {
    if (!(error instanceof ObligationsInputError)) throw error;
    return facts.flatMap((f) => {
      try {
        return input([f]);
      } catch (inner) {
        if (inner instanceof ObligationsInputError) return [];
        throw inner;
      }
    });
  }
}

/**
 * Which group a participant counts in: their owning adviser, that adviser's office, the office's
 * provider (prime or subcontractor), or the subcontractor (participants of the prime's own
 * offices count in the totals only). No owner: totals only.
 */
export function groupingOf(data: ReportOrganisation, by: ReportGrouping): GroupOf {
  const users = new Map(data.users.map((u) => [u.id, u]));
  const offices = new Map(data.offices.map((o) => [o.id, o]));
  const providers = new Map(data.providers.map((p) => [p.id, p]));
  const ownerOf = new Map(data.participants.map((p) => [p.id, p.adviserId]));
  const groupOfAdviser = (adviserId: string): GroupRef | null => {
    const user = users.get(adviserId);
    if (!user) return null;
    if (by === 'adviser') return { id: user.id, name: user.name };
    const office = user.officeId ? offices.get(user.officeId) : undefined;
    if (!office) return null;
    if (by === 'office') return { id: office.id, name: office.name };
    const provider = providers.get(office.providerId);
    if (!provider) return null;
    if (by === 'subcontractor' && provider.role !== 'subcontractor') return null;
    return { id: provider.id, name: provider.name };
  };
  const memo = new Map<string, GroupRef | null>();
  return (participantId) => {
    const adviserId = ownerOf.get(participantId);
    if (!adviserId) return null;
    if (!memo.has(adviserId)) memo.set(adviserId, groupOfAdviser(adviserId));
    return memo.get(adviserId);
  };
}

/** Managers' profile copies, synced as organisation reference data in the device's row form. */
export async function loadProfileCopies(db: Kysely<CentralDatabase>): Promise<CopyVersions> {
  const org = await currentOrganisation(db);
  const rows = await db
    .selectFrom('records')
    .select(['data'])
    .where('organisation_id', '=', org.id)
    .where('entity_type', '=', 'charter_profile')
    .where('deleted', '=', false)
    .execute();
  const out = new Map<string, ProfileCopyVersion[]>();
  for (const { data } of rows) {
    const row = data as {
      id: string;
      version: number;
      based_on: string;
      saved_at: string;
      saved_by: string;
      body: string;
    };
    const version: ProfileCopyVersion = {
      id: row.id,
      version: row.version,
      basedOn: row.based_on,
      savedAt: row.saved_at,
      savedBy: row.saved_by,
      profile: charterProfileSchema.parse(JSON.parse(row.body)),
    };
    const list = out.get(row.id) ?? [];
    list.push(version);
    out.set(row.id, list);
  }
  for (const list of out.values()) list.sort((a, b) => a.version - b.version);
  return out;
}

/** What the command line and the HTTP endpoint ask for, as given (strings). */
export interface ReportRequest {
  from: string;
  to: string;
  today?: string;
  by?: string;
  anonymised?: boolean;
  minCell?: string;
}

/** Checks a request and names the first bad option; `today` defaults to today in London. */
export function reportOptions(
  r: ReportRequest,
  now: Date = new Date(),
): CentralReportOptions & { anonymised: boolean; minCell?: number } {
  for (const name of ['from', 'to', 'today'] as const) {
    const value = r[name];
    if (value !== undefined && !isCivilDate(value))
      throw new AdminError('invalid-input', `--${name}: expected a real date as YYYY-MM-DD`);
  }
  if (r.from > r.to) throw new AdminError('invalid-input', '--from: must be on or before --to');
  if (r.by !== undefined && !(REPORT_GROUPINGS as readonly string[]).includes(r.by))
    throw new AdminError('invalid-input', `--by: expected one of ${REPORT_GROUPINGS.join(', ')}`);
  let minCell: number | undefined;
  if (r.minCell !== undefined) {
    minCell = Number(r.minCell);
    if (!(/^\d+$/.test(r.minCell) && minCell >= 1))
      throw new AdminError('invalid-input', '--min-cell: expected a whole number of at least 1');
  }
  return {
    from: r.from,
    to: r.to,
    today: r.today ?? londonDate(now),
    by: r.by as ReportGrouping | undefined,
    anonymised: r.anonymised === true,
    minCell,
  };
}

/** The report as the command line prints it: plain, or the anonymised export. */
export function runReport(
  db: Kysely<CentralDatabase>,
  options: ReturnType<typeof reportOptions>,
): Promise<Report | AnonymisedReport> {
  const { anonymised, minCell, ...period } = options;
  return anonymised
    ? centralAnonymisedReport(db, { ...period, minCell })
    : centralReport(db, period);
}
