import type { DayNumber } from '../calendar/civil-date';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar';
import type { Draft } from './obligation';
import type { ParticipantFacts } from './participant-facts';
import type { ProfileRules } from './profile';

export interface RuleContext {
  facts: ParticipantFacts;
  today: DayNumber;
  calendar: WorkingDayCalendar;
  rules: ProfileRules;
  /** Where each rule puts the obligations it finds. */
  out: Draft[];
}
