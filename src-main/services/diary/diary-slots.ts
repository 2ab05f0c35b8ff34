/**
 * The slot finder and the meeting planner over the caseload: reads the diary for the signed-in
 * adviser and one participant, then asks the pure code in src-shared/domain/diary.
 */
import type { WritePath } from '../../write-path/write-path';
import { AppError, notFound } from '../../errors';
import { loadDiaryContext } from './diary-context';
import { governingProfileOf } from '../obligations/charter-profiles';
import { addDays } from '@shared/domain/calendar/civil-date';
import {
  DEFAULT_HORIZON_DAYS,
  findSlots,
  proposeMeetingPlan,
  type MeetingPlan,
  type SlotResult,
} from '@shared/domain/diary';
import type { findSlotsSchema, ProposePlan } from '@shared/schemas/diary-settings';
import { londonWallClock } from '@shared/wording/dates';
import type { z } from 'zod';

/** The later of two wall-clock times: nothing is ever offered in the past. */
const notBefore = (asked: string | undefined, now: string) => (asked && asked > now ? asked : now);

export class DiarySlotService {
  constructor(private readonly wp: WritePath) {}

  private async participant(id: string) {
    const p = await this.wp.db
      .selectFrom('participants')
      .select(['id', 'status', 'charter_profile'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!p) throw notFound('That participant');
    if (p.status === 'exited')
      throw new AppError('refused', 'The participant has exited the programme', 'participantId');
    return p;
  }

  /**
   * Never earlier than now, whatever the caller asks (the meeting logger asks from the meeting
   * just held); from the start of the adviser's chosen first day when that is later.
   */
  async findSlots(q: z.input<typeof findSlotsSchema>): Promise<SlotResult> {
    await this.participant(q.participantId);
    const now = londonWallClock(this.wp.now());
    const earliest = notBefore(q.from ? `${q.from}T00:00` : undefined, notBefore(q.earliest, now));
    const from = earliest.slice(0, 10);
    const last = q.to ?? addDays(q.dueBy && q.dueBy > from ? q.dueBy : from, DEFAULT_HORIZON_DAYS);
    if (last < from)
      return {
        slots: [],
        fitsBeforeDue: q.dueBy ? false : null,
        reasons: ['the last day of the search has already passed'],
      };
    const ctx = await loadDiaryContext(this.wp.db, {
      adviserId: this.wp.actor.id,
      participantId: q.participantId,
      readAdjustments: true,
      from,
      to: last,
    });
    return findSlots(ctx, {
      kind: q.kind,
      channel: q.channel,
      earliest,
      dueBy: q.dueBy ?? null,
      count: q.count ?? 5,
      officeIds: q.officeId ? [q.officeId] : undefined,
      timeOfDay: q.timeOfDay ?? 'any',
      lastDate: last,
      spreadAcrossDays: q.spread ?? true,
    });
  }

  /** R6's number comes from the profile governing the participant on the first day planned. */
  async proposePlan(q: ProposePlan): Promise<MeetingPlan & { perMonth: number }> {
    await this.participant(q.participantId);
    const earliest = notBefore(q.earliest, londonWallClock(this.wp.now()));
    const from = earliest.slice(0, 10);
    const governing = await governingProfileOf(this.wp.db, q.participantId, from);
    const perMonth = governing.profile.rules.R6.meetingsPerMonth;
    const ctx = await loadDiaryContext(this.wp.db, {
      adviserId: this.wp.actor.id,
      participantId: q.participantId,
      readAdjustments: true,
      from: `${from.slice(0, 7)}-01`,
      to: addDays(from, 31 * (q.months + 1)),
    });
    const plan = proposeMeetingPlan(ctx, {
      earliest,
      months: q.months,
      perMonth,
      channel: q.channel,
      officeIds: q.officeId ? [q.officeId] : undefined,
    });
    return { ...plan, perMonth };
  }
}
