/**
 * Feedback and satisfaction surveys as charter-profile data: which surveys, when they are offered
 * and what they ask. A profile without a `surveys` block (the shipped ones, and managers' copies
 * made before surveys existed) gets DEFAULT_SURVEYS, drawn from the seed charters: No One Left
 * Behind's "You will be asked for feedback so that services can learn from you how to get better"
 * and the local partnership's satisfaction surveys as a baseline for its five promises.
 */
import { z } from 'zod';

const text = z.string().trim().min(1);
const kebab = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case id');

/** When a survey is offered: after the first review of the plan, or when the participant leaves. */
export const SURVEY_MOMENTS = ['first-plan-review', 'exit'] as const;
export type SurveyMoment = (typeof SURVEY_MOMENTS)[number];

/** satisfaction: 1 (very dissatisfied) to 5 (very satisfied); yes-no: yes, no or not sure. */
export const QUESTION_KINDS = ['satisfaction', 'yes-no', 'text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const SATISFACTION_SCORES = [5, 4, 3, 2, 1] as const;
export const YES_NO_ANSWERS = ['yes', 'no', 'not-sure'] as const;
export type YesNoAnswer = (typeof YES_NO_ANSWERS)[number];

export const surveyQuestionSchema = z
  .object({ id: kebab, kind: z.enum(QUESTION_KINDS), text, source: text.optional() })
  .strict();

export const surveyDefinitionSchema = z
  .object({
    id: kebab,
    title: text,
    when: z.enum(SURVEY_MOMENTS),
    /** Said before the first question; the screen adds that every question is optional. */
    intro: text,
    questions: z.array(surveyQuestionSchema).min(1).max(20),
    /** The satisfaction question whose answers make the satisfaction trend. */
    overallQuestion: kebab,
    source: text,
  })
  .strict()
  .superRefine((s, ctx) => {
    const ids = s.questions.map((q) => q.id);
    if (new Set(ids).size !== ids.length)
      ctx.addIssue({ code: 'custom', path: ['questions'], message: 'question ids must differ' });
    const overall = s.questions.find((q) => q.id === s.overallQuestion);
    if (overall?.kind !== 'satisfaction')
      ctx.addIssue({
        code: 'custom',
        path: ['overallQuestion'],
        message: 'expected the id of one of this survey’s satisfaction questions',
      });
  });

export const profileSurveysSchema = z
  .array(surveyDefinitionSchema)
  .min(1)
  .max(10)
  .refine((list) => new Set(list.map((s) => s.id)).size === list.length, 'survey ids must differ');

export type SurveyQuestion = z.infer<typeof surveyQuestionSchema>;
export type SurveyDefinition = z.infer<typeof surveyDefinitionSchema>;

const NOLB = 'No One Left Behind charter, "A service that learns and improves"';
const PARTNERSHIP = 'Local partnership customer charter, "Our Promises to you"';

const sharedQuestions: SurveyQuestion[] = [
  {
    id: 'overall',
    kind: 'satisfaction',
    text: 'Overall, how satisfied are you with the support you get from us?',
    source: `${PARTNERSHIP}: satisfaction surveys as the baseline`,
  },
  {
    id: 'listened',
    kind: 'yes-no',
    text: 'Do we listen to you and treat you with dignity and respect?',
    source: `${PARTNERSHIP}: "We will actively listen to you and treat you with dignity and respect"`,
  },
  {
    id: 'honest',
    kind: 'yes-no',
    text: 'Are we honest about what we can do to help you?',
    source: `${PARTNERSHIP}: "We will be honest about what we can do to help you"`,
  },
  {
    id: 'timely',
    kind: 'yes-no',
    text: 'Does the help you get come when you need it?',
    source: `${PARTNERSHIP}: "We will ensure the services we provide are timely"`,
  },
  {
    id: 'better',
    kind: 'text',
    text: 'What could we do better?',
    source: `${NOLB}: "You will be asked for feedback so that services can learn from you how to get better"`,
  },
];

export const DEFAULT_SURVEYS: readonly SurveyDefinition[] = [
  {
    id: 'first-review',
    title: 'How is it going so far?',
    when: 'first-plan-review',
    intro:
      'We would like to know how your support is going, so that we can learn from you how to get better.',
    questions: sharedQuestions,
    overallQuestion: 'overall',
    source: `${NOLB}; offered at the first review of the plan, once there is something to judge`,
  },
  {
    id: 'exit',
    title: 'Looking back on your support',
    when: 'exit',
    intro:
      'You are leaving the programme. We would like to know how the support worked for you, so that we can improve it for others.',
    questions: sharedQuestions,
    overallQuestion: 'overall',
    source: `${NOLB}: "People who have used the service will be able to take part in looking at how well it worked"`,
  },
];

/** The surveys a profile sets, or the defaults where it sets none. */
export function surveysOf(profile: {
  surveys?: readonly SurveyDefinition[];
}): readonly SurveyDefinition[] {
  return profile.surveys ?? DEFAULT_SURVEYS;
}
