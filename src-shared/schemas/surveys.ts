/**
 * A paper survey form the adviser types in: which survey, whose (or anonymous) and the date on
 * it. Shared by the surveys page and the IPC boundary.
 */
import { z } from 'zod';
import { civilDate } from './participant';
import { passphrase } from './session';
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

/** The participant's answers in the locked survey mode: every one optional; none means "rather not". */
export const surveySubmitSchema = z.object({ answers: surveyAnswersSchema }).strict();
export type SurveySubmit = z.output<typeof surveySubmitSchema>;

/** Leaving the locked survey mode takes the adviser's passphrase, checked like an unlock. */
export const surveyLeaveSchema = z.object({ passphrase }).strict();
export type SurveyLeave = z.output<typeof surveyLeaveSchema>;
