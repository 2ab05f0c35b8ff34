import { describe, expect, it } from 'vitest';
import type { ComplaintView } from '../../src-shared/ipc/channels/complaints';
import { complaintRoute } from '../../src-shared/domain/complaints/complaint';
import { shippedProfile } from '../../src-shared/domain/charter/shipped-profiles';
import {
  dateMessage,
  stageStanding,
  targetWords,
} from '../../src-renderer/features/complaints/complaint-words';

const route = complaintRoute(shippedProfile('work-programme')!);
const complaint = (stages: ComplaintView['stages']): ComplaintView => ({
  id: '0190a000-0000-7000-8000-000000000001',
  participantId: null,
  participantName: null,
  receivedOn: '2026-11-02',
  channel: 'letter',
  about: 'Office hours',
  summary: 'Closed when it should be open.',
  profileId: 'work-programme',
  nation: 'england-and-wales',
  acknowledgedOn: null,
  outcome: null,
  lessons: null,
  closedOn: null,
  state: 'awaiting-response',
  stages,
  nextStage: route[stages.length] ?? null,
  route,
});
const stage = (index: number, over: Partial<ComplaintView['stages'][number]> = {}) => ({
  index,
  name: route[index]!.name,
  startedOn: '2026-11-02',
  responseDue: '2026-11-16',
  respondedOn: null,
  ...over,
});

describe('complaint wording', () => {
  it('says a target in working days, one day singular, and no target as the stage’s own timetable', () => {
    expect(targetWords({ responseTargetWorkingDays: 10 })).toBe('10 working days');
    expect(targetWords({ responseTargetWorkingDays: 1 })).toBe('1 working day');
    expect(targetWords({ responseTargetWorkingDays: null })).toMatch(/own timetable/);
  });

  it('places every stage of the route relative to the current one, dates in words', () => {
    const first = complaint([stage(0)]);
    expect(stageStanding(first, route[0]!)).toBe(
      'Since 2 November 2026. Response due by 16 November 2026 (10 working days).',
    );
    expect(stageStanding(first, route[1]!)).toBe(
      'Next, if still unhappy. Response target: 15 working days.',
    );
    expect(stageStanding(first, route[2]!)).toMatch(/^Later, if still unhappy/);

    const moved = complaint([
      stage(0, { respondedOn: '2026-11-10' }),
      stage(1, { startedOn: '2026-11-12', responseDue: null }),
    ]);
    expect(stageStanding(moved, route[0]!)).toBe(
      'Done. Responded on 10 November 2026; the complaint then moved on.',
    );
    expect(stageStanding(moved, route[1]!)).toBe(
      'Since 12 November 2026. They keep their own timetable.',
    );
    const skipped = complaint([stage(0), stage(1)]);
    expect(stageStanding(skipped, route[0]!)).toMatch(/moved on without a response/);
    for (const c of [first, moved, skipped])
      for (const s of route) expect(stageStanding(c, s)).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('turns the schema’s date message into the adviser’s words and leaves others alone', () => {
    expect(dateMessage('Enter a real date as YYYY-MM-DD', 'the date closed')).toBe(
      'Enter the date closed as a real date, for example 27 3 2026',
    );
    expect(dateMessage('Cannot be before it was received', 'x')).toBe(
      'Cannot be before it was received',
    );
    expect(dateMessage(undefined, 'x')).toBeUndefined();
  });
});
