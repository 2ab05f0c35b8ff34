/**
 * Feedback and satisfaction surveys: which participants have a survey to offer (from their
 * charter profile), the locked survey mode an adviser hands to a participant, paper forms, and
 * results with small-number suppression.
 */
import { z } from 'zod';
import { channel, returns } from '../define';
import { paperSurveySchema, surveyLeaveSchema, surveySubmitSchema } from '../../schemas/surveys';
import type { SessionStatus } from './session';
import type { SurveyDefinition, SurveyMoment } from '../../domain/surveys/survey-definition';
import type { SurveyResult, TrendMonth } from '../../domain/surveys/survey-results';

export interface ProfileSurveys {
  profileId: string;
  profileName: string;
  surveys: SurveyDefinition[];
}

export interface SurveyToOffer {
  participantId: string;
  name: string;
  profileId: string;
  surveyId: string;
  surveyTitle: string;
  when: SurveyMoment;
}

/** What the locked survey screen shows: the survey, never who it is for. */
export interface SurveyModeView {
  survey: SurveyDefinition;
  anonymous: boolean;
  /** True once answers were saved (or the participant chose not to answer). */
  finished: boolean;
}

export interface SurveyResultsView {
  from: string;
  to: string;
  minCell: number;
  surveys: SurveyResult[];
  trend: { months: TrendMonth[]; total: TrendMonth };
}

const participantId = z.string().uuid('Not a participant id');
const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Not a survey');
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Enter a month');

/** While the locked survey mode is on, the main process serves these channels and no others. */
export const SURVEY_MODE_CHANNELS = [
  'session:status',
  'session:activity',
  'surveys:current',
  'surveys:submit',
  'surveys:leave',
] as const;

export const surveyChannels = {
  'surveys:definitions': channel(z.object({}).strict(), returns<ProfileSurveys[]>()),
  'surveys:toOffer': channel(z.object({}).strict(), returns<SurveyToOffer[]>()),
  'surveys:decline': channel(z.object({ participantId, surveyId: id }).strict(), returns<null>()),
  /** Records the offer and locks the app into the survey until the adviser's passphrase. */
  'surveys:startLocked': channel(
    z.object({ participantId, surveyId: id, anonymous: z.boolean() }).strict(),
    returns<SessionStatus>(),
  ),
  'surveys:current': channel(z.object({}).strict(), returns<SurveyModeView>()),
  /** The participant's answers (every one optional; none at all means "rather not"). */
  'surveys:submit': channel(surveySubmitSchema, returns<SurveyModeView>()),
  /** Leaves the survey mode: only with the adviser's passphrase, checked like an unlock. */
  'surveys:leave': channel(surveyLeaveSchema, returns<SessionStatus>()),
  /** A paper form typed in by the adviser; participantId null keeps it anonymous. */
  'surveys:recordPaper': channel(paperSurveySchema, returns<{ recorded: true }>()),
  'surveys:results': channel(
    z
      .object({ from: month, to: month })
      .strict()
      .refine((p) => p.from <= p.to, {
        path: ['from'],
        message: 'The first month must come first',
      }),
    returns<SurveyResultsView>(),
  ),
};
