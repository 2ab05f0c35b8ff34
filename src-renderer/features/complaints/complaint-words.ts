/**
 * How the complaints screens put a stage, a target and a due date into words. The labels for how
 * a complaint arrived, its outcome and its state live with the domain (one wording table each);
 * dates go through the one formatter.
 */
import type { RouteStage } from '@shared/domain/complaints/complaint';
import type { ComplaintView } from '@shared/ipc/channels/complaints';
import { formatDate } from '../../labels';

export {
  CHANNEL_WORDS,
  OUTCOME_WORDS,
  STATE_WORDS,
  COMPLAINT_CHANNELS,
  OUTCOMES,
} from '@shared/domain/complaints/complaint';

export const STATE_COLOURS: Record<ComplaintView['state'], string> = {
  'awaiting-response': 'blue',
  overdue: 'red',
  responded: 'green',
  closed: 'grey',
};

/** '10 working days' / 'its own timetable'. */
export function targetWords(stage: Pick<RouteStage, 'responseTargetWorkingDays'>): string {
  const days = stage.responseTargetWorkingDays;
  if (days === null) return 'no set target: they keep their own timetable';
  return days === 1 ? '1 working day' : `${days} working days`;
}

/** Where one stage of the route stands for this complaint, in a sentence. */
export function stageStanding(c: ComplaintView, stage: RouteStage): string {
  const reached = c.stages.find((s) => s.index === stage.index);
  const current = c.stages.at(-1)!;
  if (reached && reached.index < current.index)
    return reached.respondedOn
      ? `Done. Responded on ${formatDate(reached.respondedOn)}; the complaint then moved on.`
      : 'Done. The complaint moved on without a response at this stage.';
  if (reached) {
    const started = `Since ${formatDate(reached.startedOn)}.`;
    if (reached.respondedOn) return `${started} Responded on ${formatDate(reached.respondedOn)}.`;
    return reached.responseDue
      ? `${started} Response due by ${formatDate(reached.responseDue)} (${targetWords(stage)}).`
      : `${started} They keep their own timetable.`;
  }
  return stage.index === current.index + 1
    ? `Next, if still unhappy. Response target: ${targetWords(stage)}.`
    : `Later, if still unhappy. Response target: ${targetWords(stage)}.`;
}

/** For a form's date field, the schema's message said the adviser's way. */
export function dateMessage(message: string | undefined, what: string): string | undefined {
  if (!message) return undefined;
  return /real date/i.test(message)
    ? `Enter ${what} as a real date, for example 27 3 2026`
    : message;
}
