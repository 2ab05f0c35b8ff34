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
import type { FindSlots, ProposePlan } from '@shared/schemas/diary-settings';
import { londonWallClock } from '@shared/wording/dates';

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

  async findSlots(q: FindSlots): Promise<SlotResult> {
    await this.participant(q.participantId);
    const earliest = q.earliest ?? londonWallClock(this.wp.now());
    const from = earliest.slice(0, 10);
    const last = addDays(q.dueBy && q.dueBy > from ? q.dueBy : from, DEFAULT_HORIZON_DAYS);
    const ctx = await loadDiaryContext(this.wp.db, {
      adviserId: this.wp.actor.id,
      participantId: q.participantId,
      from,
      to: last,
    });
    return findSlots(ctx, {
      kind: q.kind,
      channel: q.channel,
      earliest,
      dueBy: q.dueBy ?? null,
      count: q.count,
      officeIds: q.officeId ? [q.officeId] : undefined,
    });
  }

  /** R6's number comes from the profile governing the participant on the first day planned. */
  async proposePlan(q: ProposePlan): Promise<MeetingPlan & { perMonth: number }> {
    await this.participant(q.participantId);
    const earliest = q.earliest ?? londonWallClock(this.wp.now());
    const from = earliest.slice(0, 10);
    const governing = await governingProfileOf(this.wp.db, q.participantId, from);
    const perMonth = governing.profile.rules.R6.meetingsPerMonth;
    const ctx = await loadDiaryContext(this.wp.db, {
      adviserId: this.wp.actor.id,
      participantId: q.participantId,
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
