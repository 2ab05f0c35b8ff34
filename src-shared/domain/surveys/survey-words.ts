/** How survey answers and moments are worded on screens (one table, used everywhere). */
import type { SurveyMoment, YesNoAnswer } from './survey-definition';

export const SATISFACTION_WORDS: Readonly<Record<number, string>> = {
  5: 'Very satisfied',
  4: 'Satisfied',
  3: 'Neither satisfied nor dissatisfied',
  2: 'Dissatisfied',
  1: 'Very dissatisfied',
};

export const YES_NO_WORDS: Readonly<Record<YesNoAnswer, string>> = {
  yes: 'Yes',
  no: 'No',
  'not-sure': 'Not sure',
};

export const MOMENT_WORDS: Readonly<Record<SurveyMoment, string>> = {
  'first-plan-review': 'after the first review of the plan',
  exit: 'on leaving the programme',
};

/** Said on every survey, on screen and on paper: feedback is asked for, never forced. */
export const OPTIONAL_WORDS =
  'Every question is optional. You can skip any question, or finish without answering at all. Your support does not change either way.';

export const optionWords = (option: string): string =>
  SATISFACTION_WORDS[Number(option)] ?? YES_NO_WORDS[option as YesNoAnswer] ?? option;

/** What a reader sees in place of a suppressed figure. */
export const suppressedWords = (minCell: number) =>
  `Fewer than ${minCell} answers: not shown, so that no one can be identified.`;
