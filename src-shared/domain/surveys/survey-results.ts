/**
 * Survey results for managers and advisers, with the report's small-number suppression
 * (report/small-numbers.ts): a question answered by fewer than K people shows no figures, and a
 * month of the satisfaction trend with fewer than K answers is hidden, with a second month hidden
 * where the year's total would otherwise give it back.
 */
import { onTimePercent } from '../report/on-time-percent';
import { hiddenAmong, TOTAL_KEY } from '../report/small-numbers';
import { monthsEnding } from '../report/months';
import {
  SATISFACTION_SCORES,
  YES_NO_ANSWERS,
  type QuestionKind,
  type SurveyDefinition,
} from './survey-definition';
import type { SurveyAnswers } from './survey-answers';

export interface StoredResponse {
  surveyId: string;
  /** 'YYYY-MM': responses keep the month only, so an anonymous one cannot be matched by date. */
  month: string;
  answers: SurveyAnswers;
}

export interface QuestionResult {
  id: string;
  text: string;
  kind: QuestionKind;
  /** How many answered it; null when suppressed. */
  answered: number | null;
  /** Per option (5..1, or yes / no / not sure), how many; empty for text or when suppressed. */
  counts: { option: string; count: number }[];
  /** Satisfaction: the share answering 4 or 5, to one decimal; null when suppressed or none. */
  satisfiedPercent: number | null;
  /** Text answers, sorted so their order says nothing about who wrote them; empty when suppressed. */
  comments: string[];
  suppressed: boolean;
}

export interface SurveyResult {
  surveyId: string;
  title: string;
  respondents: number | null;
  suppressed: boolean;
  questions: QuestionResult[];
}

export interface TrendMonth {
  month: string;
  answered: number | null;
  satisfiedPercent: number | null;
  suppressed: boolean;
}

/** The share satisfied (4 or 5 of 5), rounded half up to one decimal as the report's percentages are. */
export const satisfiedPercent = (satisfied: number, answered: number) =>
  onTimePercent(satisfied, 0, answered - satisfied);

function questionResult(
  question: SurveyDefinition['questions'][number],
  responses: readonly StoredResponse[],
  minCell: number,
): QuestionResult {
  const values = responses.map((r) => r.answers[question.id]).filter((v) => v !== undefined);
  const base = { id: question.id, text: question.text, kind: question.kind };
  if (values.length < minCell)
    return {
      ...base,
      answered: null,
      counts: [],
      satisfiedPercent: null,
      comments: [],
      suppressed: true,
    };
  const options: readonly (string | number)[] =
    question.kind === 'satisfaction'
      ? SATISFACTION_SCORES
      : question.kind === 'yes-no'
        ? YES_NO_ANSWERS
        : [];
  const counts = options.map((option) => ({
    option: String(option),
    count: values.filter((v) => v === option).length,
  }));
  const satisfied = values.filter((v) => v === 4 || v === 5).length;
  return {
    ...base,
    answered: values.length,
    counts,
    satisfiedPercent:
      question.kind === 'satisfaction' ? satisfiedPercent(satisfied, values.length) : null,
    comments:
      question.kind === 'text'
        ? values.map(String).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
        : [],
    suppressed: false,
  };
}

/** Results of each survey over the responses in months `from`..`to` ('YYYY-MM', inclusive). */
export function surveyResults(
  surveys: readonly SurveyDefinition[],
  responses: readonly StoredResponse[],
  period: { from: string; to: string },
  minCell: number,
): SurveyResult[] {
  return surveys.map((survey) => {
    const mine = responses.filter(
      (r) => r.surveyId === survey.id && r.month >= period.from && r.month <= period.to,
    );
    const suppressed = mine.length < minCell;
    return {
      surveyId: survey.id,
      title: survey.title,
      respondents: suppressed ? null : mine.length,
      suppressed,
      questions: survey.questions.map((q) => questionResult(q, suppressed ? [] : mine, minCell)),
    };
  });
}

/**
 * The satisfaction trend: for each of the 12 months ending `lastMonth`, how many answered each
 * survey's overall question and the share satisfied. Months below K are hidden; where the year's
 * total (shown beside the trend) would give back a hidden month, the next smallest goes too.
 */
export function satisfactionTrend(
  surveys: readonly SurveyDefinition[],
  responses: readonly StoredResponse[],
  lastMonth: string,
  minCell: number,
): { months: TrendMonth[]; total: TrendMonth } {
  const overallOf = new Map(surveys.map((s) => [s.id, s.overallQuestion]));
  const months = monthsEnding(lastMonth, 12);
  const scores = new Map<string, number[]>(months.map((m) => [m, []]));
  for (const r of responses) {
    const question = overallOf.get(r.surveyId);
    const value = question === undefined ? undefined : r.answers[question];
    if (typeof value === 'number') scores.get(r.month)?.push(value);
  }
  const figures = (list: number[]) => ({
    answered: list.length,
    satisfiedPercent:
      list.length === 0 ? null : satisfiedPercent(list.filter((v) => v >= 4).length, list.length),
  });
  const all = [...scores.values()].flat();
  const hidden = hiddenAmong(
    all.length,
    months.map((m) => ({ key: m, id: m, count: scores.get(m)!.length })),
    minCell,
  );
  const row = (month: string, list: number[], key: string): TrendMonth =>
    hidden.has(key)
      ? { month, answered: null, satisfiedPercent: null, suppressed: true }
      : { month, ...figures(list), suppressed: false };
  return {
    months: months.map((m) => row(m, scores.get(m)!, m)),
    total: row(`${months[0]}..${lastMonth}`, all, TOTAL_KEY),
  };
}
