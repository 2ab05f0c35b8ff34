/**
 * One person's answers to a survey: every question optional, each answer checked against the
 * question's kind. Free text is kept to a paragraph.
 */
import { z } from 'zod';
import { YES_NO_ANSWERS, type SurveyDefinition, type YesNoAnswer } from './survey-definition';

export type SurveyAnswer = number | YesNoAnswer | string;
export type SurveyAnswers = Record<string, SurveyAnswer>;

export const TEXT_ANSWER_MAX = 2000;

/** The shape at the boundary; checkAnswers then holds each answer to its question. */
export const surveyAnswersSchema = z
  .record(
    z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Not a question of this survey'),
    z.union([
      z.number().int().min(1).max(5),
      z.string().max(TEXT_ANSWER_MAX, `Keep each answer to ${TEXT_ANSWER_MAX} characters`),
    ]),
  )
  .refine((a) => Object.keys(a).length <= 20, 'Too many answers');

export class SurveyAnswerError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

/**
 * The answers with blanks dropped (a question left blank is simply not answered). An answer to a
 * question the survey does not ask, or of the wrong kind, is refused naming the question.
 */
export function checkAnswers(survey: SurveyDefinition, answers: SurveyAnswers): SurveyAnswers {
  const out: SurveyAnswers = {};
  for (const [id, value] of Object.entries(answers)) {
    const question = survey.questions.find((q) => q.id === id);
    const field = `answers.${id}`;
    if (!question) throw new SurveyAnswerError('Not a question of this survey', field);
    if (typeof value === 'string' && value.trim() === '') continue;
    if (question.kind === 'satisfaction') {
      if (typeof value !== 'number') throw new SurveyAnswerError('Choose from 1 to 5', field);
      out[id] = value;
    } else if (question.kind === 'yes-no') {
      if (!(YES_NO_ANSWERS as readonly unknown[]).includes(value))
        throw new SurveyAnswerError('Choose yes, no or not sure', field);
      out[id] = value;
    } else {
      if (typeof value !== 'string') throw new SurveyAnswerError('Expected words', field);
      out[id] = value.trim();
    }
  }
  return out;
}
