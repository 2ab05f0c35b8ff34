/**
 * The slot finder and the meeting planner over the caseload: reads the diary for the signed-in
 * adviser and one participant, then asks the pure code in src-shared/domain/diary.
 */
import type { WritePath } from '../../write-path/write-path';
import { AppError, notFound } from '../../errors';
import { loadDiaryContext } from './diary-context';
import { addDays } from '@shared/domain/calendar/civil-date';
import {
  DEFAULT_HORIZON_DAYS,
  findSlots,
  proposeMeetingPlan,
  type MeetingPlan,
  type SlotResult,
} from '@shared/domain/diary';
import type { FindSlots, ProposePlan } from '@shared/schemas/diary-settings';

/** The Europe/London wall clock at an instant, 'YYYY-MM-DDTHH:MM'. */
export function londonWallClock(instant: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

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

  /**
   * R6's number comes from the participant's charter profile, which the caller resolves (the
   * profile service knows managers' copies); 2, the charter's default, when it names none.
   */
  async proposePlan(
    q: ProposePlan,
    meetingsPerMonth: (profileId: string) => Promise<number | undefined>,
  ): Promise<MeetingPlan & { perMonth: number }> {
    const p = await this.participant(q.participantId);
    const perMonth = (await meetingsPerMonth(p.charter_profile)) ?? 2;
    const earliest = q.earliest ?? londonWallClock(this.wp.now());
    const from = earliest.slice(0, 10);
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
