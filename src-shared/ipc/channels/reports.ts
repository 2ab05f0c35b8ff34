/**
 * Charter performance of the adviser's own caseload, computed on the device (works offline):
 * the report for a period, the 12-month trend, what lies behind each figure, and the lists a
 * manager acts on. The printed monthly report goes through the desktop port like letters.
 */
import { z } from 'zod';
import { channel, returns } from '../define';
import { civilDate } from '../../schemas/participant';
import type { Obligation } from '../../domain/charter/obligation';
import { OBLIGATION_RULES, type ObligationRule } from '../../domain/charter/profile';
import { FIGURES, type Report } from '../../domain/report/report';
import type { TrendMonth } from '../../domain/report/trend';
import { DESKTOP_ACTIONS, type DesktopOutcome } from './desktop';

/** An obligation with the participant's name, for lists that link to their page. */
export interface NamedObligation extends Obligation {
  participantName: string;
}

export interface PerformanceView {
  today: string;
  report: Report;
  /** Plain names of the rules, from the charter profile. */
  ruleTitles: Record<ObligationRule, string>;
  /** The 12 calendar months ending with the month of the period's last day. */
  trend: TrendMonth[];
  /** Not yet met and due from today to Sunday. */
  atRisk: NamedObligation[];
  /** Met late or missed, due in the period. */
  breached: NamedObligation[];
}

const period = z
  .object({ from: civilDate, to: civilDate })
  .strict()
  .refine((p) => p.from <= p.to, {
    message: 'The start of the period must be on or before its end',
    path: ['from'],
  });

export const reportChannels = {
  'reports:performance': channel(period, returns<PerformanceView>()),
  /** The obligations counted in one figure of one rule's row. */
  'reports:behind': channel(
    z
      .object({
        from: civilDate,
        to: civilDate,
        rule: z.enum(OBLIGATION_RULES as [ObligationRule, ...ObligationRule[]], {
          message: 'Not a charter rule',
        }),
        figure: z.enum(FIGURES, { message: 'Not a report figure' }),
      })
      .strict()
      .refine((p) => p.from <= p.to, {
        message: 'The start of the period must be on or before its end',
        path: ['from'],
      }),
    returns<NamedObligation[]>(),
  ),
  /** The printable report for one calendar month: print, open or save. */
  'reports:monthlyPdf': channel(
    z
      .object({
        month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Choose a month'),
        action: z.enum(DESKTOP_ACTIONS, { message: 'Choose print, open or save' }),
      })
      .strict(),
    returns<DesktopOutcome>(),
  ),
};
