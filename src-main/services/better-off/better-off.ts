/**
 * The better-off calculator on a participant (charter R11). Calculations are pure; saving one
 * records its full input, output, tax year and rates version, and adds the 'better-off' timeline
 * event whose date R11 reads, all in one write-path transaction. A saved calculation is only ever
 * reproduced with the rates it was made with.
 */
import { isDeepStrictEqual } from 'node:util';
import { v7 as uuidv7 } from 'uuid';
import {
  calculationsOf,
  findCalculation,
  insertCalculation,
  lifeEventFacts,
  toSaved,
} from '../../db/repositories/better-off';
import { findParticipant, toParticipant } from '../../db/repositories/participants';
import { AppError, notFound } from '../../errors';
import type { WritePath } from '../../write-path/write-path';
import { addTimelineEvent } from '../caseload/participants';
import {
  BetterOffInputError,
  calculateBetterOff,
  explainBetterOff,
  parseBetterOffInput,
  ratesForTaxYear,
  RatesUnavailableError,
  TAX_YEARS_WITH_RATES,
  type BetterOffInput,
  type BetterOffOutput,
  type BetterOffResult,
  type Household,
  type Rates,
} from '@shared/domain/better-off';
import type {
  BetterOffCalculation,
  BetterOffPrefill,
  SavedBetterOff,
} from '@shared/ipc/channels/better-off';
import type { Participant, TimelineEvent } from '@shared/schemas/participant';
import { ageOn, isCivilDate, londonDate } from '@shared/domain/identity/civil-date';

export interface BetterOffServiceOptions {
  /** The shipped rates for a tax year (a parameter so a test can ship changed rates). */
  ratesFor?: (taxYear: string) => Rates;
}

export interface SaveOptions {
  label?: string;
  /** The day it was explained to the participant; today in Europe/London when not given. */
  explainedOn?: string;
}

export interface Reproduced {
  record: SavedBetterOff;
  output: BetterOffOutput;
  /** Whether recomputing gave exactly the stored figures. */
  identical: boolean;
}

/** Postcode areas wholly in Wales, and in Greater London (the benefit cap's higher level). */
const WELSH_AREAS = new Set(['CF', 'LD', 'LL', 'NP', 'SA']);
const LONDON_AREAS = new Set(['E', 'EC', 'N', 'NW', 'SE', 'SW', 'W', 'WC']);

const postcodeArea = (postcode: string) => /^[A-Z]{1,2}/.exec(postcode.toUpperCase())?.[0] ?? '';

/** The tax year a civil date falls in: 6 April to 5 April. */
export function taxYearOn(date: string): string {
  const year = Number(date.slice(0, 4));
  const start = date.slice(5) >= '04-06' ? year : year - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/** A starting household from what the record holds; the adviser checks and completes it. */
export function prefillHousehold(
  p: Participant,
  events: Pick<TimelineEvent, 'kind' | 'date' | 'data'>[],
  today: string,
): BetterOffPrefill {
  const notes: string[] = [];
  const current = taxYearOn(today);
  const taxYear = TAX_YEARS_WITH_RATES.includes(current)
    ? current
    : (TAX_YEARS_WITH_RATES.filter((y) => y < current).at(-1) ?? TAX_YEARS_WITH_RATES[0]!);
  if (taxYear !== current)
    notes.push(`Waymark has no rates for ${current} yet, so the ${taxYear} rates are used.`);

  const area = postcodeArea(p.address.postcode);
  const country: BetterOffInput['country'] =
    p.nation === 'scotland'
      ? 'scotland'
      : p.nation === 'northern-ireland'
        ? 'northern-ireland'
        : WELSH_AREAS.has(area)
          ? 'wales'
          : 'england';
  const london = p.nation === 'england-and-wales' && LONDON_AREAS.has(area);
  notes.push(
    `Country from the participant's nation and postcode${london ? ' (a London postcode: the London benefit cap applies)' : ''}.`,
  );

  const age = Math.min(120, Math.max(16, ageOn(p.dateOfBirth, today)));
  notes.push(`Age ${age} from the date of birth.`);

  const jobStart = events
    .filter((e) => e.kind === 'life-event' && e.data.lifeEvent === 'job-start')
    .sort((a, b) => (a.date < b.date ? 1 : -1))[0];
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null);
  const hours = num(jobStart?.data.hoursPerWeek);
  const wage = num(jobStart?.data.hourlyWage);
  const rates = ratesForTaxYear(taxYear);
  const minimum =
    age >= 21
      ? rates.minimumWage.age21OrOver
      : age >= 18
        ? rates.minimumWage.age18To20
        : rates.minimumWage.age16To17;
  if (hours !== null || wage !== null)
    notes.push(`Hours and wage from the job start recorded on ${jobStart!.date}.`);
  else
    notes.push(
      'No job start with hours and pay is recorded: 16 hours at the minimum wage for their age to start with.',
    );
  notes.push('Children, rent, savings and childcare are not on the record: ask and add them.');

  return {
    taxYears: [...TAX_YEARS_WITH_RATES],
    explainedOn: today,
    notes,
    household: {
      taxYear,
      country,
      london,
      adults: [{ age }],
      children: [],
      housing: { tenure: 'none', rentMonthly: 0, spareBedrooms: 0 },
      savings: 0,
      otherIncomeMonthly: 0,
      childcareMonthly: { outOfWork: 0, inWork: 0 },
      travelToWorkMonthly: 0,
      job: {
        adult: 0,
        hoursPerWeek: hours ?? 16,
        hourlyWage: wage ?? minimum / 100,
        pension: 'relief-at-source',
      },
    },
  };
}

const pounds = (n: number) =>
  `£${Math.abs(n).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

function jobWords(h: Household): string {
  const { hoursPerWeek, hourlyWage, annualSalary } = h.job;
  if (annualSalary !== undefined) return `${pounds(annualSalary)} a year`;
  return `${hoursPerWeek} hours a week at ${pounds(hourlyWage ?? 0)} an hour`;
}

export class BetterOffService {
  private readonly ratesFor: (taxYear: string) => Rates;

  constructor(
    private readonly wp: WritePath,
    options: BetterOffServiceOptions = {},
  ) {
    this.ratesFor = options.ratesFor ?? ratesForTaxYear;
  }

  /** Validates, finds the year's rates and calculates: the same answer as the command line. */
  private work(raw: unknown): { household: Household; rates: Rates; result: BetterOffResult } {
    let household: Household;
    let rates: Rates;
    try {
      household = parseBetterOffInput(raw);
      rates = this.ratesFor(household.taxYear);
    } catch (error) {
      if (error instanceof BetterOffInputError)
        throw new AppError('invalid-input', error.issues[0]!.message, error.field);
      if (error instanceof RatesUnavailableError)
        throw new AppError(
          'invalid-input',
          `There are no rates for the tax year ${error.taxYear}; choose ${TAX_YEARS_WITH_RATES.join(' or ')}`,
          'taxYear',
        );
      throw error;
    }
    return { household, rates, result: calculateBetterOff(household, rates) };
  }

  calculate(raw: unknown): BetterOffCalculation {
    const { rates, result } = this.work(raw);
    const { output, breakdown } = result;
    return {
      taxYear: rates.taxYear,
      ratesVersion: rates.version,
      output,
      explanation: explainBetterOff(breakdown),
    };
  }

  async prefill(participantId: string): Promise<BetterOffPrefill> {
    const row = await findParticipant(this.wp.db, participantId);
    if (!row) throw new AppError('not-found', 'That participant was not found', 'participantId');
    const events = await lifeEventFacts(this.wp.db, participantId);
    await this.wp.auditRead('participant', participantId, { view: 'better-off-prefill' });
    return prefillHousehold(toParticipant(row), events, londonDate(this.wp.now()));
  }

  /** Records the calculation and its R11 timeline event in one transaction. */
  async save(
    participantId: string,
    raw: unknown,
    options: SaveOptions = {},
  ): Promise<SavedBetterOff> {
    const { household, rates, result } = this.work(raw);
    const { output } = result;
    const label = options.label?.trim() || null;
    if (label !== null && label.length > 120)
      throw new AppError('invalid-input', 'Keep the label to 120 characters or fewer', 'label');
    if (options.explainedOn !== undefined && !isCivilDate(options.explainedOn))
      throw new AppError('invalid-input', 'Enter a real date as YYYY-MM-DD', 'explainedOn');
    return this.wp.transaction(async (w) => {
      const participant = await findParticipant(w.trx, participantId);
      if (!participant)
        throw new AppError('not-found', 'That participant was not found', 'participantId');
      const today = londonDate(w.now);
      const explainedOn = options.explainedOn ?? today;
      if (explainedOn > today)
        throw new AppError(
          'invalid-input',
          'The date it was explained cannot be in the future',
          'explainedOn',
        );
      if (explainedOn < participant.referral_date)
        throw new AppError(
          'invalid-input',
          'The date it was explained cannot be before the referral date',
          'explainedOn',
        );
      const id = uuidv7();
      const better = output.betterOffMonthly;
      const eventId = await addTimelineEvent(w, {
        participantId,
        kind: 'better-off',
        date: explainedOn,
        summary: `Better-off calculation explained: ${pounds(better)} a month ${better >= 0 ? 'better' : 'worse'} off in work (${jobWords(household)}, ${rates.taxYear} rates)${label ? `: ${label}` : ''}`,
        data: {
          calculationId: id,
          taxYear: rates.taxYear,
          ratesVersion: rates.version,
          betterOffMonthly: better,
        },
      });
      const row = {
        id,
        participant_id: participantId,
        event_id: eventId,
        label,
        explained_on: explainedOn,
        tax_year: rates.taxYear,
        rates_version: rates.version,
        input: JSON.stringify(household),
        output: JSON.stringify(output),
        better_off_monthly: better,
        recorded_at: w.now.toISOString(),
        recorded_by: w.actor.name,
      };
      await insertCalculation(w.trx, row);
      await w.record({
        entityType: 'better_off_calculation',
        entityId: id,
        op: 'insert',
        payload: row,
        action: 'better-off.save',
        detail: { participantId, taxYear: rates.taxYear, ratesVersion: rates.version },
      });
      return toSaved(row);
    });
  }

  async list(participantId: string): Promise<SavedBetterOff[]> {
    if (!(await findParticipant(this.wp.db, participantId)))
      throw new AppError('not-found', 'That participant was not found', 'participantId');
    const saved = await calculationsOf(this.wp.db, participantId);
    await this.wp.auditRead('participant', participantId, { view: 'better-off' });
    return saved;
  }

  async get(id: string): Promise<SavedBetterOff> {
    const saved = await findCalculation(this.wp.db, id);
    if (!saved) throw notFound('That calculation');
    await this.wp.auditRead('participant', saved.participantId, { view: 'better-off', id });
    return saved;
  }

  /** Recomputes from the stored input with the stored rates, or refuses if those have changed. */
  async reproduce(id: string): Promise<Reproduced> {
    const record = await this.get(id);
    let rates: Rates;
    try {
      rates = this.ratesFor(record.taxYear);
    } catch (error) {
      if (!(error instanceof RatesUnavailableError)) throw error;
      throw new AppError(
        'refused',
        `Waymark no longer ships rates for ${record.taxYear}, so this calculation cannot be reproduced`,
      );
    }
    if (rates.version !== record.ratesVersion)
      throw new AppError(
        'refused',
        `This calculation used the ${record.taxYear} rates version ${record.ratesVersion}, but the rates shipped for ${record.taxYear} are now version ${rates.version}. It cannot be reproduced exactly: work it out again to use the current rates.`,
      );
    const { output } = calculateBetterOff(parseBetterOffInput(record.household), rates);
    return { record, output, identical: isDeepStrictEqual(output, record.output) };
  }
}
