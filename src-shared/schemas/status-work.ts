/**
 * What the adviser records when the work itself does not settle the status or a charter clock:
 * a correction of the status (always with a reason), the R6 in-person exemption (a recorded
 * reason the participant cannot attend in person, for a span of dates) and the R13 exit review
 * that hands the participant back to Jobcentre Plus. Shared by the forms and the IPC boundary.
 */
import { z } from 'zod';
import { addDays } from '../domain/calendar/civil-date';
import { civilDate, EXIT_REASONS, STATUSES } from './participant';

const words = (max: number, what: string) =>
  z.string().trim().min(1, `Enter ${what}`).max(max, `Keep ${what} to ${max} characters or fewer`);

const participantId = z.string().uuid('Not a participant id');

/** A correction: any status but the current one, with the reason the adviser gives. */
export const statusCorrectionSchema = z
  .object({
    id: participantId,
    status: z.enum(STATUSES, 'Choose the status it should be'),
    date: civilDate,
    exitReason: z.enum(EXIT_REASONS).optional(),
    reason: words(500, 'why the status needs correcting'),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.status === 'exited' && !v.exitReason)
      ctx.addIssue({
        code: 'custom',
        path: ['exitReason'],
        message: 'Choose why the participant is exiting',
      });
    if (v.status !== 'exited' && v.exitReason)
      ctx.addIssue({
        code: 'custom',
        path: ['exitReason'],
        message: 'An exit reason is only for exits',
      });
  });
export type StatusCorrection = z.output<typeof statusCorrectionSchema>;

/** At most a year at a time: a longer exemption is recorded again after a review of it. */
export const EXEMPTION_MAX_DAYS = 366;

export const inPersonExemptionSchema = z
  .object({
    participantId,
    from: civilDate,
    to: civilDate,
    reason: words(500, 'the reason they cannot attend in person'),
    /** A health reason is special-category data: only roles that see health data see it. */
    healthRelated: z.boolean(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.to < v.from)
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: 'The end date must be the same as or after the start date',
      });
    else if (v.to > addDays(v.from, EXEMPTION_MAX_DAYS - 1))
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: 'An exemption can last a year at most: record it again when it is reviewed',
      });
  });
export type InPersonExemptionInput = z.output<typeof inPersonExemptionSchema>;

export interface InPersonExemption {
  id: string;
  from: string;
  to: string;
  /** Null when the caller's role may not see it (a health reason). */
  reason: string | null;
  healthRelated: boolean;
  recordedBy: string;
}

export const EXIT_REVIEW_OUTCOMES = ['handed-back', 'in-work', 'other-support'] as const;
export type ExitReviewOutcome = (typeof EXIT_REVIEW_OUTCOMES)[number];

export const exitReviewSchema = z
  .object({
    participantId,
    date: civilDate,
    outcome: z.enum(EXIT_REVIEW_OUTCOMES, 'Choose the outcome of the review'),
    destination: words(200, 'where the participant goes next'),
    summary: words(2000, 'a summary of the review'),
  })
  .strict();
export type ExitReviewInput = z.output<typeof exitReviewSchema>;

export interface ExitReview extends ExitReviewInput {
  id: string;
  recordedBy: string;
}

/** kind 'in-person-exemption' on the timeline (the engine reads from and to). */
export const exemptionEventData = z.object({
  from: civilDate,
  to: civilDate,
  reason: z.string(),
  healthRelated: z.boolean(),
});

/** kind 'exit-review' on the timeline (the engine reads its date). */
export const exitReviewEventData = z.object({
  outcome: z.enum(EXIT_REVIEW_OUTCOMES),
  destination: z.string(),
  summary: z.string(),
});
