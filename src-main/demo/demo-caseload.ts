/**
 * A deterministic, realistic demo caseload: two years of one adviser's work. Offices in all three
 * nations with rooms and Christmas closures, the adviser's working pattern and leave, and for each
 * participant referral, allocation, an initial contact offering an induction, the induction,
 * meetings about twice a month (some missed, most followed up), a plan agreed at induction and
 * reviewed about every three months, job starts with better-off calculations and in-work
 * contacts, and exits. Everything is written through the services real work uses, so the diary
 * rules (opening hours, bank holidays, working pattern, leave, clashes) are checked for every
 * booking; times are chosen with the slot finder first. The same seed gives the same caseload:
 * every civil date and choice comes from the seed, only ids and recorded-at stamps from the clock.
 */
import type { Services } from '../app/services';
import { AppError } from '../errors';
import { HybridLogicalClock } from '../write-path/hlc';
import { WritePath, type Writer } from '../write-path/write-path';
import { addTimelineEvent } from '../services/caseload/participants';
import { BetterOffService, taxYearOn } from '../services/better-off/better-off';
import { ContactService } from '../services/caseload/contacts';
import { DiaryService } from '../services/diary/diary';
import { diaryCalendars, loadOffices } from '../services/diary/diary-context';
import { DiarySettingsService } from '../services/diary/diary-settings';
import { LifeEventService } from '../services/caseload/life-events';
import { MeetingService } from '../services/plans-meetings/meetings';
import { PlanService } from '../services/plans-meetings/plans';
import {
  addDays,
  addMonthsClamped,
  daysBetween,
  fromDayNumber,
  toDayNumber,
  weekdayOf,
} from '@shared/domain/calendar/civil-date';
import type { Nation } from '@shared/domain/calendar/nations';
import { TAX_YEARS_WITH_RATES } from '@shared/domain/better-off';
import {
  DiaryIndex,
  NO_CONSTRAINTS,
  toMinute,
  type SlotChannel,
  type SlotKind,
} from '@shared/domain/diary';
import { scan, scanOptions, type Slot } from '@shared/domain/diary/slot-finder';
import { londonDate } from '@shared/domain/identity/civil-date';
import { bookingSchema, officeSchema, type Appointment } from '@shared/schemas/diary';
import { leaveSchema, roomSaveSchema, workingPatternSchema } from '@shared/schemas/diary-settings';
import {
  type LoggedOutcome,
  contactAttemptSchema,
  lifeEventSchema,
  logMeetingSchema,
} from '@shared/schemas/meeting';
import { type PlanContent, type PlanStep, supportReferralSchema } from '@shared/schemas/plan';
import {
  referralSchema,
  type ExitReason,
  type ParticipantStatus,
  type Referral,
} from '@shared/schemas/participant';

import {
  GIVEN,
  FAMILY,
  TOWNS,
  ROOMS,
  OPENING_HOURS,
  PATTERNS,
  STREETS,
  ADJUSTMENTS,
  NI_LETTERS,
  STRENGTHS,
  SHORT_GOALS,
  LONG_GOALS,
  BARRIERS,
  STEP_ACTIONS,
  MEETING_NOTES,
  EMPLOYERS,
  SUPPORT,
  type Town,
} from './demo-data';

/** mulberry32: a tiny, well-known seeded generator; Math.random would make demos differ. */
export function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
/** A whole number from `lo` to `hi` inclusive. */
const between = (random: Random, lo: number, hi: number) =>
  lo + Math.floor(random() * (hi - lo + 1));
const pad = (n: number, w: number) => String(n).padStart(w, '0');

export interface DemoOptions {
  participants: number;
  seed?: number;
  /** The last day of the two years of history; not after the clock's today. */
  today: string;
}

export function demoReferral(
  i: number,
  random: Random,
  today: string,
): { referral: Referral; town: Town } {
  const town = pick(random, TOWNS);
  const birthYear = 1960 + Math.floor(random() * 45);
  const referralDate = addDays(today, -Math.floor(random() * 730));
  let first = pick(random, [...NI_LETTERS]);
  let second = pick(random, [...NI_LETTERS.replace('O', '')]);
  if (['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ'].includes(first + second))
    [first, second] = ['A', 'B'];
  const channel = pick(random, ['phone', 'phone', 'email', 'letter', 'text'] as const);
  const welsh = town.town === 'Cardiff' && random() < 0.2;
  const referral = referralSchema.parse({
    givenName: pick(random, GIVEN),
    familyName: pick(random, FAMILY),
    dateOfBirth: `${birthYear}-${pad(1 + Math.floor(random() * 12), 2)}-${pad(1 + Math.floor(random() * 28), 2)}`,
    niNumber: `${first}${second}${pad(i % 1_000_000, 6)}${'ABCD'[i % 4]}`,
    address: {
      line1: `${1 + Math.floor(random() * 200)} ${pick(random, STREETS)}`,
      town: town.town,
      postcode: pick(random, town.postcodes),
    },
    phone: `${town.phonePrefix} ${pad(Math.floor(random() * 1000), 4)}`,
    email: channel === 'email' ? `participant${i}@example.org` : undefined,
    referralId: `JCP-${pad(i, 7)}`,
    referralDate,
    jobcentreOffice: town.jobcentre,
    benefit: pick(random, [
      'universal-credit',
      'universal-credit',
      'universal-credit',
      'esa',
      'jsa',
    ] as const),
    programme: town.programme,
    charterProfile:
      town.programme === 'no-one-left-behind' ? 'no-one-left-behind' : 'work-programme',
    nation: town.nation,
    contactChannel: channel,
    language:
      random() < 0.1
        ? pick(random, ['Polish', 'Romanian', 'Urdu', 'Somali', 'Arabic', 'Welsh'])
        : 'English',
    interpreterNeeded: random() < 0.05,
    adjustments: pick(random, ADJUSTMENTS),
    accessibleFormats: { largePrint: random() < 0.05, welsh, easyRead: false },
  });
  return { referral, town };
}

/**
 * A write path whose transactions all join one outer transaction. Services that open their own
 * transaction (the meeting logger, plans, contacts, life events) write through it unchanged,
 * audit and journal included, and a batch of the demo commits once instead of once per change.
 */
class JoinedWritePath extends WritePath {
  constructor(private readonly writer: Writer) {
    // The clock is never read: no transaction starts here, and the outer one stamps the journal.
    super(writer.trx, {
      actor: writer.actor,
      hlc: new HybridLogicalClock('0'.repeat(16)),
      now: () => writer.now,
    });
  }

  override transaction<T>(work: (w: Writer) => Promise<T>): Promise<T> {
    return work(this.writer);
  }
}

interface Batch {
  w: Writer;
  diary: DiaryService;
  settings: DiarySettingsService;
  meetings: MeetingService;
  contacts: ContactService;
  plans: PlanService;
  betterOff: BetterOffService;
  lifeEvents: LifeEventService;
}

function batchOf(services: Services, w: Writer): Batch {
  const wp = new JoinedWritePath(w);
  const diary = new DiaryService(wp);
  return {
    w,
    diary,
    settings: new DiarySettingsService(wp),
    meetings: new MeetingService(wp, diary),
    contacts: new ContactService(wp),
    plans: new PlanService(wp),
    betterOff: new BetterOffService(wp),
    // The caseload's own participant service, so its search index hears of status changes.
    lifeEvents: new LifeEventService(wp, services.participants),
  };
}

type Task = (b: Batch) => Promise<void>;

interface Person {
  n: number;
  id: string;
  random: Random;
  referral: Referral;
  officeId: string;
  nation: Nation;
  status: ParticipantStatus;
  /** Some people never take part; the rest miss meetings without notice at their own rate. */
  engaged: boolean;
  dnaRate: number;
  inductionsMissed: number;
  startDate: string | null;
  /** The one booked appointment not yet held. */
  next: Appointment | null;
  /** Days with an appointment: one a day at most. */
  days: Set<number>;
  plan: PlanContent | null;
  lastAgreed: string | null;
  /** A newer review or job replaces the chain of tasks scheduled for the old one. */
  reviewToken: number;
  jobToken: number;
}

/** Minutes of appointments a working day can hold (09:00–17:00 less an hour for lunch). */
const DAY_MINUTES = 420;
/** Tasks per transaction: large enough that commits are a small share of the work. */
const BATCH_TASKS = 1500;

export interface DemoSummary {
  created: number;
  offices: number;
  appointments: number;
  /** Times the slot finder offered that the booking rules then refused (should be none). */
  refused: number;
}

class DemoSimulation {
  private readonly queue = new Map<number, Task[]>();
  private readonly adviserMinutes = new Map<number, number>();
  private readonly offices = new Map<string, { id: string; nation: Nation }>();
  private readonly people: Person[] = [];
  private index: DiaryIndex | null = null;
  private readonly summary: DemoSummary = { created: 0, offices: 0, appointments: 0, refused: 0 };

  constructor(
    private readonly services: Services,
    private readonly today: string,
    private readonly seed: number,
  ) {}

  async run(participants: number): Promise<DemoSummary> {
    const first = addDays(this.today, -730);
    await this.services.wp.transaction((w) => this.setUp(batchOf(this.services, w), first));
    for (let n = 1; n <= participants; n++) {
      const random = rng(Math.imul(this.seed, 0x9e3779b1) ^ Math.imul(n, 0x85ebca6b));
      const { referral, town } = demoReferral(n, random, this.today);
      const office = this.offices.get(town.town)!;
      const p: Person = {
        n,
        id: '',
        random,
        referral,
        officeId: office.id,
        nation: office.nation,
        status: 'referred',
        engaged: random() >= 0.05,
        dnaRate: 0.02 + random() * 0.1,
        inductionsMissed: 0,
        startDate: null,
        next: null,
        days: new Set(),
        plan: null,
        lastAgreed: null,
        reviewToken: 0,
        jobToken: 0,
      };
      this.people.push(p);
      this.at(referral.referralDate, (b) => this.refer(b, p));
    }
    let day = toDayNumber(first);
    const last = toDayNumber(this.today);
    while (day <= last) {
      await this.services.wp.transaction(async (w) => {
        const b = batchOf(this.services, w);
        let done = 0;
        for (; day <= last && done < BATCH_TASKS; day++) {
          const tasks = this.queue.get(day) ?? [];
          // Tasks may add more for the same day, so the length is read each time round.
          for (let k = 0; k < tasks.length; k++) {
            await tasks[k]!(b);
            done++;
          }
          this.queue.delete(day);
        }
      });
    }
    return this.summary;
  }

  /** Runs `task` on `date`; the future has not happened, so later tasks are dropped. */
  private at(date: string, task: Task): void {
    if (date > this.today) return;
    const day = toDayNumber(date);
    const list = this.queue.get(day);
    if (list) list.push(task);
    else this.queue.set(day, [task]);
  }

  private async setUp(b: Batch, first: string): Promise<void> {
    const firstYear = Number(first.slice(0, 4));
    const lastYear = Number(this.today.slice(0, 4)) + 1;
    const closures = [];
    for (let y = firstYear - 1; y < lastYear; y++)
      closures.push({ from: `${y}-12-24`, to: `${y + 1}-01-01`, reason: 'Christmas closure' });
    for (const town of TOWNS) {
      const office = await b.diary.saveOffice(
        officeSchema.parse({
          ...town.office,
          kind: 'office',
          nation: town.nation,
          openingHours: OPENING_HOURS,
          closures,
        }),
      );
      this.offices.set(town.town, { id: office.id, nation: office.nation });
      for (const room of ROOMS)
        await b.settings.saveRoom(
          roomSaveSchema.parse({ ...room, officeId: office.id, equipment: [...room.equipment] }),
        );
      this.summary.offices++;
    }
    // The pattern changes on the Monday a year before today; the first covers the history before.
    const change = mondayOnOrAfter(addDays(this.today, -365));
    const patterns = [
      await b.settings.savePattern(
        workingPatternSchema.parse({
          effectiveFrom: addDays(first, -30),
          effectiveTo: addDays(change, -1),
          sessions: PATTERNS[0],
        }),
      ),
      await b.settings.savePattern(
        workingPatternSchema.parse({ effectiveFrom: change, sessions: PATTERNS[1] }),
      ),
    ];
    // A week in August and three days in late May each year, including the coming ones.
    const leave = [];
    for (let y = firstYear; y <= lastYear; y++) {
      const august = mondayOnOrAfter(`${y}-08-04`);
      const may = addDays(mondayOnOrAfter(`${y}-05-20`), 2);
      for (const [from, to] of [
        [may, addDays(may, 2)],
        [august, addDays(august, 4)],
      ] as const)
        leave.push(
          await b.settings.addLeave(leaveSchema.parse({ from, to, reason: 'Annual leave' })),
        );
    }
    this.index = new DiaryIndex({
      calendars: diaryCalendars(),
      offices: await loadOffices(b.w.trx),
      adviser: {
        id: b.w.actor.id,
        patterns: patterns.map((p) => ({
          effectiveFrom: p.effectiveFrom,
          effectiveTo: p.effectiveTo,
          sessions: p.sessions,
        })),
        leave,
      },
      participant: { id: '', constraints: NO_CONSTRAINTS },
      appointments: [],
    });
  }

  // --- the lifecycle ------------------------------------------------------------------------

  private async refer(b: Batch, p: Person): Promise<void> {
    p.id = await this.services.participants.createIn(b.w, p.referral, 'import');
    this.summary.created++;
    const r = p.random();
    // R1: most are allocated within 10 days, a few later.
    const delay =
      r < 0.85
        ? between(p.random, 0, 7)
        : r < 0.95
          ? between(p.random, 8, 10)
          : between(p.random, 11, 16);
    this.at(addDays(p.referral.referralDate, delay), (b) =>
      this.allocate(b, p, addDays(p.referral.referralDate, delay)),
    );
  }

  private async allocate(b: Batch, p: Person, date: string): Promise<void> {
    await this.setStatus(b, p, 'allocated', date);
    const r = p.random();
    // R2: contact within two working days mostly, sometimes later.
    const workingDays = r < 0.8 ? between(p.random, 0, 1) : r < 0.93 ? 2 : between(p.random, 3, 6);
    const on = workingDays === 0 ? date : this.calendar(p).addWorkingDays(date, workingDays);
    this.at(on, (b) => this.initialContact(b, p, on));
  }

  private async initialContact(b: Batch, p: Person, date: string): Promise<void> {
    const slot =
      this.findSlot(p, 'induction', 'in-person', addDays(date, 2), 11) ??
      this.findSlot(p, 'induction', 'in-person', addDays(date, 2), 42);
    const channel = pick(p.random, ['phone', 'phone', 'phone', 'letter', 'email'] as const);
    await addTimelineEvent(b.w, {
      participantId: p.id,
      kind: 'contact',
      date,
      summary: `Initial contact by ${channel}: ${slot ? `induction offered for ${slot.start.replace('T', ' at ')}` : 'no induction time free yet'}`,
      data: {
        contactKind: 'initial',
        channel,
        reached: true,
        inductionOffered: slot?.start ?? null,
        appointmentId: null,
      },
    });
    await this.setStatus(b, p, 'contacted', date);
    if (slot && (await this.book(b, p, slot))) await this.inductionBooked(b, p, date);
    else this.at(addDays(date, 7), (b) => this.offerInduction(b, p, addDays(date, 7), 1));
  }

  /** Books an induction after a missed or cancelled one, or when none was free at first contact. */
  private async offerInduction(b: Batch, p: Person, date: string, attempt: number): Promise<void> {
    if (p.status !== 'contacted') return;
    const slot = this.findSlot(p, 'induction', 'in-person', addDays(date, 1), 21);
    if (slot && (await this.book(b, p, slot))) await this.inductionBooked(b, p, date);
    else if (attempt < 4)
      this.at(addDays(date, 7), (b) => this.offerInduction(b, p, addDays(date, 7), attempt + 1));
  }

  private async inductionBooked(b: Batch, p: Person, date: string): Promise<void> {
    await this.setStatus(b, p, 'induction-booked', date);
    const a = p.next!;
    this.at(a.start.slice(0, 10), (b) => this.holdInduction(b, p, a));
  }

  private async holdInduction(b: Batch, p: Person, a: Appointment): Promise<void> {
    if (p.next?.id !== a.id) return;
    const date = a.start.slice(0, 10);
    const r = p.random();
    const outcome: LoggedOutcome = !p.engaged
      ? 'dna'
      : r < 0.88
        ? 'attended'
        : r < 0.96
          ? 'dna'
          : 'cancelled-by-participant';
    await this.log(b, p, a, outcome, false);
    if (outcome !== 'attended') {
      await this.setStatus(b, p, 'contacted', date);
      if (outcome === 'dna') {
        p.inductionsMissed++;
        if (!p.engaged && p.inductionsMissed >= 2) {
          const on = addDays(date, 14);
          this.at(on, (b) => this.exit(b, p, on, 'withdrew'));
          return;
        }
        this.followUp(p, a, (b, on) => this.offerInduction(b, p, on, 1));
      } else this.at(addDays(date, 1), (b) => this.offerInduction(b, p, addDays(date, 1), 1));
      return;
    }
    await this.setStatus(b, p, 'started', date);
    p.startDate = date;
    // R5: agreed at the induction, now and then a few days later.
    const agreedOn = p.random() < 0.9 ? date : addDays(date, between(p.random, 2, 6));
    this.at(agreedOn, (b) => this.firstPlan(b, p, agreedOn));
    await this.planNext(b, p, addDays(date, between(p.random, 7, 14)));
    this.scheduleLife(p, date);
  }

  /** What happens later in a started participant's two years, drawn once at the start. */
  private scheduleLife(p: Person, start: string): void {
    const r = p.random;
    if (r() < 0.25) {
      const on = addDays(start, between(r, 7, 40));
      this.at(on, (b) => this.supportReferral(b, p, on));
    }
    if (r() < 0.1) {
      const on = addDays(start, between(r, 20, 300));
      this.at(on, (b) => this.changeOfCircumstances(b, p, on));
    }
    if (r() < 0.07) {
      const on = addDays(start, between(r, 30, 400));
      const reason = pick(r, ['moved-away', 'withdrew', 'no-longer-eligible', 'other'] as const);
      this.at(on, (b) => this.exit(b, p, on, reason));
    }
    if (r() < 0.4) this.scheduleJob(p, addDays(start, between(r, 45, 330)));
    // R13: the programme ends 104 weeks after the start, with an exit review before it.
    const end = addDays(start, 728);
    const reviewFrom = addDays(end, -between(r, 20, 27));
    this.at(reviewFrom, (b) => this.bookExitReview(b, p, reviewFrom));
    this.at(end, (b) => this.exit(b, p, end, 'completed-programme', true));
  }

  private async firstPlan(b: Batch, p: Person, date: string): Promise<void> {
    if (p.status === 'exited') return;
    p.plan = firstPlanContent(p.random, date);
    await this.agree(b, p, date, null);
    if (p.plan.barriers.some((x) => x.healthRelated)) this.scheduleHealthDecision(p, date);
  }

  private scheduleReview(p: Person, from: string, early: boolean): void {
    const token = ++p.reviewToken;
    const r = p.random();
    // R7: most reviews are on time, some late, a few much later.
    const on = early
      ? addDays(from, r < 0.9 ? between(p.random, 3, 13) : between(p.random, 15, 30))
      : r < 0.75
        ? addDays(addMonthsClamped(from, 3), -between(p.random, 0, 14))
        : r < 0.92
          ? addDays(addMonthsClamped(from, 3), between(p.random, 1, 25))
          : addDays(addMonthsClamped(from, 4), between(p.random, 0, 30));
    this.at(on, async (b) => {
      if (token !== p.reviewToken || (p.status !== 'started' && p.status !== 'in-work')) return;
      p.plan = reviewedPlan(p.random, p.plan!, on);
      const draft = await b.plans.startReview(p.id);
      await this.agree(b, p, on, draft.revision);
    });
  }

  /** Saves the plan as the draft and agrees it; then the next review is due. */
  private async agree(b: Batch, p: Person, date: string, revision: number | null): Promise<void> {
    const draft = await b.plans.saveDraft(p.id, p.plan!, revision);
    const method = p.random() < 0.85 ? 'in-person' : 'phone';
    await b.plans.agree(p.id, draft.revision, { agreedOn: date, method, participantAgreed: true });
    p.lastAgreed = date;
    this.scheduleReview(p, date, false);
  }

  private scheduleHealthDecision(p: Person, noted: string): void {
    const r = p.random();
    if (r >= 0.9) return;
    // R9: a decision within ten working days, sometimes later.
    const days = r < 0.75 ? between(p.random, 1, 8) : between(p.random, 11, 20);
    const on = this.calendar(p).addWorkingDays(noted, days);
    const refer = p.random() < 0.6;
    this.at(on, async (b) => {
      await b.plans.recordHealthDecision(p.id, {
        needNotedOn: noted,
        decision: refer ? 'refer' : 'no-referral',
        decidedOn: on,
        reason: refer
          ? ''
          : 'The GP is already arranging support; the participant prefers that route',
      });
    });
  }

  private async supportReferral(b: Batch, p: Person, date: string): Promise<void> {
    if (p.status === 'exited') return;
    const s = pick(p.random, SUPPORT);
    await b.plans.saveReferral(
      p.id,
      supportReferralSchema.parse({
        service: s.service,
        detail: s.detail,
        status: 'referred',
        referredOn: date,
      }),
    );
  }

  private async changeOfCircumstances(b: Batch, p: Person, date: string): Promise<void> {
    if (p.status !== 'started' && p.status !== 'in-work') return;
    await b.lifeEvents.record(
      lifeEventSchema.parse({
        participantId: p.id,
        kind: 'change-of-circumstances',
        date,
        note: 'Household circumstances changed',
      }),
    );
    this.scheduleReview(p, date, true);
  }

  // --- meetings -----------------------------------------------------------------------------

  /** Books the next regular meeting from `from`, or tries again a week later if none is free. */
  private async planNext(b: Batch, p: Person, from: string): Promise<void> {
    if (p.status !== 'started' || p.next) return;
    const channel: SlotChannel = p.random() < 0.94 ? 'in-person' : 'phone';
    const slot = this.findSlot(p, 'regular', channel, from, 6);
    const a = slot ? await this.book(b, p, slot) : null;
    if (a) this.at(a.start.slice(0, 10), (b) => this.holdRegular(b, p, a));
    else {
      const retry = addDays(from, 7);
      this.at(from, (b) => this.planNext(b, p, retry));
    }
  }

  private async holdRegular(b: Batch, p: Person, a: Appointment): Promise<void> {
    if (p.next?.id !== a.id) return;
    const date = a.start.slice(0, 10);
    const r = p.random();
    // Missed without notice at the person's own rate, missed with notice or cancelled now and then.
    const noNotice = r < p.dnaRate;
    const outcome: LoggedOutcome =
      noNotice || r < p.dnaRate + 0.03
        ? 'dna'
        : r < p.dnaRate + 0.08
          ? 'cancelled-by-participant'
          : 'attended';
    await this.log(b, p, a, outcome, !noNotice);
    if (outcome === 'attended') await this.planNext(b, p, addDays(date, between(p.random, 9, 15)));
    else if (noNotice)
      this.followUp(p, a, (b, on) => this.planNext(b, p, addDays(on, between(p.random, 2, 6))));
    else await this.planNext(b, p, addDays(date, between(p.random, 2, 7)));
  }

  private async bookExitReview(b: Batch, p: Person, from: string): Promise<void> {
    if (p.status !== 'started') return;
    if (p.next) await this.log(b, p, p.next, 'cancelled-by-provider', false);
    const slot = this.findSlot(p, 'exit-review', 'in-person', from, 14);
    const a = slot ? await this.book(b, p, slot) : null;
    if (!a) return;
    this.at(a.start.slice(0, 10), async (b) => {
      if (p.next?.id !== a.id) return;
      await this.log(b, p, a, p.random() < 0.9 ? 'attended' : 'dna', false);
    });
  }

  /** R8: a contact after a missed meeting, mostly by the due date; then `then` on that day. */
  private followUp(p: Person, a: Appointment, then: (b: Batch, on: string) => Promise<void>): void {
    const date = a.start.slice(0, 10);
    const calendar = this.calendar(p);
    const due = fromDayNumber(calendar.adjustDay(toDayNumber(addDays(date, 3))));
    const r = p.random();
    const on =
      r < 0.85
        ? addDays(date, between(p.random, 0, daysBetween(date, due)))
        : addDays(due, between(p.random, 1, 4));
    const made = r < 0.95;
    const channel = pick(p.random, ['phone', 'phone', 'text', 'letter'] as const);
    const outcome = pick(p.random, ['spoke', 'spoke', 'left-message', 'no-answer'] as const);
    const decision = p.random();
    this.at(on, async (b) => {
      if (made) {
        await b.contacts.record(
          contactAttemptSchema.parse({
            participantId: p.id,
            appointmentId: a.id,
            contactKind: 'dna-follow-up',
            channel,
            outcome: channel === 'letter' ? 'letter-sent' : outcome,
            date: on,
          }),
        );
        if (outcome === 'spoke' && channel !== 'letter')
          await b.meetings.decide({
            appointmentId: a.id,
            goodReason: decision < 0.75,
            complianceDoubtReferred: decision >= 0.9,
            decidedOn: on,
            note: decision < 0.75 ? 'Was unwell on the day' : '',
          });
      }
      await then(b, on);
    });
  }

  private async log(
    b: Batch,
    p: Person,
    a: Appointment,
    outcome: LoggedOutcome,
    priorNotice: boolean,
  ): Promise<void> {
    const steps = p.plan?.steps.filter((s) => s.status !== 'done').map((s) => s.id) ?? [];
    await b.meetings.log(
      logMeetingSchema.parse({
        appointmentId: a.id,
        expectedVersion: a.version,
        outcome,
        priorNotice: outcome === 'dna' ? priorNotice : null,
        channel: a.channel,
        notes: outcome === 'attended' ? pick(p.random, MEETING_NOTES) : '',
        stepsReviewed: outcome === 'attended' && a.kind === 'regular' ? steps.slice(0, 2) : [],
      }),
    );
    p.next = null;
  }

  // --- work ---------------------------------------------------------------------------------

  private scheduleJob(p: Person, start: string): void {
    const token = ++p.jobToken;
    const r = p.random();
    // R11: a better-off calculation before the job start mostly, sometimes after, now and then none.
    const explained =
      r < 0.75
        ? addDays(start, -between(p.random, 0, 14))
        : r < 0.87
          ? addDays(start, between(p.random, 2, 20))
          : null;
    const hours = pick(p.random, [16, 20, 24, 30, 37.5]);
    const wage = between(p.random, 1221, 1650);
    const employer = pick(p.random, EMPLOYERS);
    if (explained)
      this.at(explained, async (b) => {
        if (token !== p.jobToken || p.status === 'exited') return;
        await b.betterOff.save(p.id, household(p, explained, hours, wage / 100), {
          explainedOn: explained,
          label: `${employer} offer`,
        });
      });
    const ends = p.random() < 0.25 ? addDays(start, between(p.random, 30, 200)) : null;
    const sustained =
      !ends && p.random() < 0.5 ? addDays(start, 182 + between(p.random, 0, 30)) : null;
    this.at(start, async (b) => {
      if (token !== p.jobToken || p.status !== 'started') return;
      if (p.next) await this.log(b, p, p.next, 'cancelled-by-participant', false);
      await b.lifeEvents.record(
        lifeEventSchema.parse({
          participantId: p.id,
          kind: 'job-start',
          date: start,
          employer,
          hoursPerWeek: hours,
          hourlyWagePence: wage,
        }),
      );
      p.status = 'in-work';
      this.scheduleReview(p, start, true);
      this.inWorkContact(p, token, addDays(start, between(p.random, 14, 27)));
      if (ends) this.at(ends, (b) => this.jobEnds(b, p, token, ends));
      if (sustained) this.at(sustained, (b) => this.exit(b, p, sustained, 'sustained-employment'));
    });
  }

  /** R14: in-work contacts about every four weeks, now and then late. */
  private inWorkContact(p: Person, token: number, on: string): void {
    const channel = pick(p.random, ['phone', 'phone', 'text', 'email', 'in-person'] as const);
    const reached = p.random() < 0.8;
    const gap = p.random() < 0.88 ? between(p.random, 21, 28) : between(p.random, 31, 45);
    this.at(on, async (b) => {
      if (token !== p.jobToken || p.status !== 'in-work') return;
      await b.contacts.record(
        contactAttemptSchema.parse({
          participantId: p.id,
          contactKind: 'in-work',
          channel,
          outcome: !reached
            ? 'left-message'
            : channel === 'text' || channel === 'email'
              ? 'message-sent'
              : 'spoke',
          date: on,
        }),
      );
      this.inWorkContact(p, token, addDays(on, gap));
    });
  }

  private async jobEnds(b: Batch, p: Person, token: number, date: string): Promise<void> {
    if (token !== p.jobToken || p.status !== 'in-work') return;
    await b.lifeEvents.record(
      lifeEventSchema.parse({
        participantId: p.id,
        kind: 'job-end',
        date,
        note: 'Temporary contract ended',
      }),
    );
    p.status = 'started';
    p.jobToken++;
    this.scheduleReview(p, date, true);
    await this.planNext(b, p, addDays(date, between(p.random, 3, 10)));
  }

  private async exit(
    b: Batch,
    p: Person,
    date: string,
    reason: ExitReason,
    onlyIfNotInWork = false,
  ): Promise<void> {
    if (p.status === 'exited' || p.id === '') return;
    if (onlyIfNotInWork && p.status === 'in-work') return;
    if (p.next) await this.log(b, p, p.next, 'cancelled-by-provider', false);
    await this.setStatus(b, p, 'exited', date, reason);
  }

  // --- the diary ----------------------------------------------------------------------------

  private calendar(p: Person) {
    return diaryCalendars()[p.nation];
  }

  /**
   * The slot finder over the diary as booked so far, at the participant's office, from 09:00 on
   * `from` to `withinDays` later: one of the free times on the earliest day with any, as a person
   * would choose. Days already full, or with this participant's appointment, are skipped.
   */
  private findSlot(
    p: Person,
    kind: SlotKind,
    channel: SlotChannel,
    from: string,
    withinDays: number,
  ): Slot | null {
    const index = this.index!;
    const earliest = `${from}T09:00`;
    const o = scanOptions(index, { kind, channel, earliest, count: 8, officeIds: [p.officeId] });
    const fits = DAY_MINUTES - o.duration;
    const slots = scan(
      index,
      o,
      toMinute(earliest),
      toDayNumber(from) + withinDays,
      8,
      (day) => !p.days.has(day) && (this.adviserMinutes.get(day) ?? 0) <= fits,
    );
    const day = slots[0]?.start.slice(0, 10);
    return day
      ? pick(
          p.random,
          slots.filter((s) => s.start.startsWith(day)),
        )
      : null;
  }

  /** Books through the diary service, whose rules have the last word. */
  private async book(b: Batch, p: Person, slot: Slot): Promise<Appointment | null> {
    const booking = bookingSchema.parse({
      participantId: p.id,
      officeId: slot.officeId,
      room: slot.room ?? undefined,
      start: slot.start,
      end: slot.end,
      kind: slot.kind,
      channel: slot.channel,
    });
    let a: Appointment;
    try {
      a = await b.diary.bookIn(b.w, booking);
    } catch (error) {
      if (error instanceof AppError && (error.code === 'refused' || error.code === 'conflict')) {
        this.summary.refused++;
        return null;
      }
      throw error;
    }
    this.index!.add({
      id: a.id,
      adviserId: a.adviserId,
      participantId: a.participantId,
      officeId: a.officeId ?? null,
      room: a.room ?? null,
      start: a.start,
      end: a.end,
    });
    const day = toDayNumber(a.start.slice(0, 10));
    const minutes = toMinute(a.end) - toMinute(a.start);
    this.adviserMinutes.set(day, (this.adviserMinutes.get(day) ?? 0) + minutes);
    p.days.add(day);
    p.next = a;
    this.summary.appointments++;
    return a;
  }

  private async setStatus(
    b: Batch,
    p: Person,
    status: ParticipantStatus,
    date: string,
    exitReason?: ExitReason,
  ): Promise<void> {
    await this.services.participants.changeStatusIn(b.w, { id: p.id, status, date, exitReason });
    p.status = status;
  }
}

function mondayOnOrAfter(date: string): string {
  const weekday = weekdayOf(toDayNumber(date));
  return addDays(date, (8 - weekday) % 7);
}

function firstPlanContent(random: Random, date: string): PlanContent {
  const offset = Math.floor(random() * STEP_ACTIONS.length);
  const steps: PlanStep[] = [0, 1, 2].map((k) => ({
    id: `s${k + 1}`,
    action: STEP_ACTIONS[(offset + k * 3) % STEP_ACTIONS.length]!,
    owner: k === 0 ? 'adviser' : 'participant',
    due: addDays(date, 14 + k * 14 + between(random, 0, 10)),
    status: 'not-started',
    mandatory: k === 1,
  }));
  const health = random() < 0.15;
  const barriers = [
    pick(
      random,
      BARRIERS.filter((x) => !x.health),
    ),
  ];
  if (health)
    barriers.push(
      pick(
        random,
        BARRIERS.filter((x) => x.health),
      ),
    );
  return {
    aboutMe: 'Looking for steady work close to home.',
    strengths: [pick(random, STRENGTHS), pick(random, STRENGTHS)].filter(
      (s, i, xs) => xs.indexOf(s) === i,
    ),
    goals: { shortTerm: [pick(random, SHORT_GOALS)], longTerm: [pick(random, LONG_GOALS)] },
    barriers: barriers.map((x, i) => ({
      id: `b${i + 1}`,
      barrier: x.barrier,
      support: x.support,
      healthRelated: x.health,
    })),
    skills: ['Customer service'],
    qualifications: random() < 0.5 ? ['GCSE English and maths'] : [],
    training: [],
    steps,
  };
}

/** A review: the oldest open step is done, and a new one is added. */
function reviewedPlan(random: Random, plan: PlanContent, date: string): PlanContent {
  const open = plan.steps.find((s) => s.status !== 'done');
  const number = plan.steps.length + 1;
  const steps = plan.steps
    .map((s) => (s === open ? { ...s, status: 'done' as const } : s))
    .concat({
      id: `s${number}`,
      action: pick(random, STEP_ACTIONS),
      owner: 'participant',
      due: addDays(date, between(random, 21, 60)),
      status: 'not-started',
      mandatory: false,
    });
  // Long plans keep their last 12 steps: a review tidies away old, finished ones.
  return { ...plan, steps: steps.slice(-12) };
}

/** A simple household for the better-off calculation: single, no children, renting or not. */
function household(p: Person, on: string, hoursPerWeek: number, hourlyWage: number) {
  const year = taxYearOn(on);
  const taxYear = TAX_YEARS_WITH_RATES.includes(year)
    ? year
    : TAX_YEARS_WITH_RATES[year < TAX_YEARS_WITH_RATES[0]! ? 0 : TAX_YEARS_WITH_RATES.length - 1]!;
  const age = Math.max(18, Number(on.slice(0, 4)) - Number(p.referral.dateOfBirth.slice(0, 4)));
  const country =
    p.referral.nation === 'scotland'
      ? 'scotland'
      : p.referral.nation === 'northern-ireland'
        ? 'northern-ireland'
        : p.referral.address.postcode.startsWith('CF')
          ? 'wales'
          : 'england';
  const social = p.random() < 0.5;
  return {
    taxYear,
    country,
    london: false,
    adults: [{ age }],
    children: [],
    housing: social
      ? { tenure: 'social', rentMonthly: between(p.random, 380, 520), spareBedrooms: 0 }
      : { tenure: 'none', rentMonthly: 0, spareBedrooms: 0 },
    savings: 0,
    otherIncomeMonthly: 0,
    childcareMonthly: { outOfWork: 0, inWork: 0 },
    travelToWorkMonthly: between(p.random, 0, 80),
    job: { adult: 0, hoursPerWeek, hourlyWage, pension: 'relief-at-source' },
  };
}

/** Seeds a demo caseload into an empty one: see the top of this file for what it holds. */
export async function seedDemoCaseload(
  services: Services,
  options: DemoOptions,
): Promise<DemoSummary> {
  const clockToday = londonDate(services.wp.now());
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.today) || Number.isNaN(toDayNumber(options.today)))
    throw new AppError('invalid-input', 'Enter today as YYYY-MM-DD', 'today');
  if (options.today > clockToday)
    throw new AppError(
      'invalid-input',
      `The demo's today cannot be after the clock's today (${clockToday}): meetings cannot be logged in the future`,
      'today',
    );
  const [participant, office] = await Promise.all([
    services.wp.db.selectFrom('participants').select('id').limit(1).executeTakeFirst(),
    services.wp.db.selectFrom('offices').select('id').limit(1).executeTakeFirst(),
  ]);
  if (participant || office)
    throw new AppError('refused', 'The demo caseload goes into an empty caseload only', 'db');
  return new DemoSimulation(services, options.today, options.seed ?? 20261123).run(
    options.participants,
  );
}
