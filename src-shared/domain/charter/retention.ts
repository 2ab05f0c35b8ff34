/**
 * How long a participant's records are kept after they leave the programme: THE rule, used by the
 * retention list, the participant page and erasure on request.
 *
 * The period is the provider's to set on its charter profile (`retention`), because the contract
 * decides it: DWP provider guidance typically asks for records to be kept to the end of the
 * contract plus some years, for audit and payment evidence. Where a profile sets none, Waymark
 * keeps records six years after exit: the Limitation Act 1980 s.5 gives six years to bring a
 * claim in contract, and UK GDPR Art. 5(1)(e) (storage limitation) says no longer than needed.
 */
import { z } from 'zod';
import { addMonthsClamped, isCivilDate, type CivilDate } from '../calendar/civil-date';

export const retentionSchema = z
  .object({
    /** Whole years after the exit date; the records may go the day after it ends. */
    yearsAfterExit: z.number().int().min(1).max(100),
    /** Why this period: the contract clause or the law it follows. */
    source: z.string().trim().min(1),
  })
  .strict();

export type Retention = z.infer<typeof retentionSchema>;

export const DEFAULT_RETENTION: Retention = {
  yearsAfterExit: 6,
  source:
    'Six years after exit: the Limitation Act 1980 s.5 (six years to bring a claim in contract) and UK GDPR Art. 5(1)(e) (storage limitation). The provider sets its own period from its contract with DWP, which typically asks for records to the end of the contract plus some years.',
};

/** The period a profile sets, or the default where it sets none. */
export function retentionOf(profile: { retention?: Retention }): Retention {
  return profile.retention ?? DEFAULT_RETENTION;
}

/**
 * The last day the records must be kept: the same day `yearsAfterExit` years on, or the last day
 * of that month where it has no such day (an exit on 29 February ends on 28 February).
 */
export function retentionEndsOn(exitDate: CivilDate, retention: Retention): CivilDate {
  if (!isCivilDate(exitDate)) throw new RangeError('exitDate must be a real date (YYYY-MM-DD)');
  return addMonthsClamped(exitDate, retention.yearsAfterExit * 12);
}

/** Past retention: exited, and the retention period ended before `today`. */
export function isPastRetention(
  exitDate: CivilDate | null,
  retention: Retention,
  today: CivilDate,
): boolean {
  return exitDate !== null && retentionEndsOn(exitDate, retention) < today;
}
