/**
 * The survey block of a charter profile (defaults where a profile sets none, a bad block refused
 * naming the field) and the satisfaction trend's suppression at its edges.
 */
import { describe, expect, it } from 'vitest';
import { charterProfileSchema } from '../../src-shared/domain/charter/profile';
import { shippedProfiles } from '../../src-shared/domain/charter/shipped-profiles';
import { DEFAULT_SURVEYS, surveysOf } from '../../src-shared/domain/surveys/survey-definition';
import {
  satisfactionTrend,
  type StoredResponse,
} from '../../src-shared/domain/surveys/survey-results';
import { monthsEnding } from '../../src-shared/domain/report/months';

const responses = (month: string, scores: number[]): StoredResponse[] =>
  scores.map((overall) => ({ surveyId: 'exit', month, answers: { overall } }));

describe('surveys in the charter profile', () => {
  it('gives every shipped profile the default surveys: at the first plan review and at exit', () => {
    for (const profile of shippedProfiles().values()) {
      expect(surveysOf(profile).map((s) => s.when)).toEqual(['first-plan-review', 'exit']);
      for (const s of surveysOf(profile)) expect(s.source).toMatch(/No One Left Behind/);
    }
  });

  it('keeps a profile’s own surveys and refuses a block whose overall question is not a satisfaction question', () => {
    const base = shippedProfiles().get('work-programme')!;
    const own = [{ ...DEFAULT_SURVEYS[1]!, id: 'leaving', title: 'Leaving' }];
    expect(surveysOf(charterProfileSchema.parse({ ...base, surveys: own }))[0]!.id).toBe('leaving');
    const bad = charterProfileSchema.safeParse({
      ...base,
      surveys: [{ ...DEFAULT_SURVEYS[0]!, overallQuestion: 'listened' }],
    });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.path).toEqual(['surveys', 0, 'overallQuestion']);
  });
});

describe('the satisfaction trend', () => {
  const survey = [DEFAULT_SURVEYS[1]!];
  const months = monthsEnding('2026-11', 12);

  it('hides a month with 9 answers and shows one with 10', () => {
    const trend = satisfactionTrend(
      survey,
      [
        ...responses(months[10]!, Array(9).fill(5)),
        ...responses(months[11]!, [5, 5, 5, 4, 3, 3, 2, 1, 1, 1]),
      ],
      '2026-11',
      10,
    );
    expect(trend.months[10]).toMatchObject({ suppressed: true, answered: null });
    expect(trend.months[11]).toMatchObject({
      suppressed: false,
      answered: 10,
      satisfiedPercent: 40,
    });
    expect(trend.total).toMatchObject({ answered: 19, suppressed: false });
  });

  it('hides the next smallest month too when the year’s total would give a hidden month back', () => {
    // Eleven months of 10 or more and one of 3: the total less the eleven would reveal the 3.
    const all = months.flatMap((m, i) =>
      responses(m, Array(i === 5 ? 3 : 10 + i).fill(i % 2 ? 4 : 2)),
    );
    const trend = satisfactionTrend(survey, all, '2026-11', 10);
    const hidden = trend.months.filter((m) => m.suppressed).map((m) => m.month);
    expect(hidden).toEqual([months[0], months[5]]);
    expect(trend.total.suppressed).toBe(false);
    // Whatever is published, the hidden months are never alone as the one unknown.
    const published = trend.months.reduce((sum, m) => sum + (m.answered ?? 0), 0);
    expect(trend.total.answered! - published).toBe(3 + 10);
  });

  it('hides everything when the whole year has fewer than K answers', () => {
    const trend = satisfactionTrend(survey, responses(months[11]!, [5, 5, 5]), '2026-11', 10);
    expect(trend.total.suppressed).toBe(true);
    expect(trend.months.every((m) => m.suppressed)).toBe(true);
  });
});
