/**
 * A paper survey form the adviser types in: which survey, whose (or anonymous) and the date on
 * it. Shared by the surveys page and the IPC boundary.
 */
import { z } from 'zod';
import { civilDate } from './participant';
import { surveyAnswersSchema } from '../domain/surveys/survey-answers';

export const surveyId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Not a survey');

/** participantId null keeps the form anonymous. */
export const paperSurveySchema = z
  .object({
    profileId: surveyId,
    surveyId,
    participantId: z.string().uuid('Choose whose form this is').nullable(),
    answeredOn: civilDate,
    answers: surveyAnswersSchema,
  })
  .strict();
export type PaperSurvey = z.output<typeof paperSurveySchema>;
