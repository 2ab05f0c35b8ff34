/**
 * A subject access request from the participant page: the day it was received sets the
 * one-month deadline (ICO), and the complete bundle comes back as a PDF (printed, opened or
 * saved by the main process) or as JSON for the renderer to offer as a download.
 */
import { z } from 'zod';
import { channel, returns } from '../define';
import { civilDate } from '../../schemas/participant';
import { DESKTOP_ACTIONS, type DesktopAction } from './desktop';

export interface SubjectAccessOutcome {
  /** The request's deadline (YYYY-MM-DD), one calendar month after it was received. */
  respondBy: string;
  fileName: string;
  /** PDF: false only when the save was cancelled. JSON: always true. */
  done: boolean;
  action: DesktopAction | 'download';
  /** JSON only: the bundle, for the renderer to offer as a file. */
  content?: string;
}

export const subjectAccessChannels = {
  'subjectAccess:export': channel(
    z
      .object({
        participantId: z.string().uuid('Not a participant id'),
        requestedOn: civilDate,
        format: z.enum(['pdf', 'json'], { message: 'Choose PDF or JSON' }),
        action: z.enum(DESKTOP_ACTIONS, { message: 'Choose print, open or save' }).optional(),
      })
      .strict(),
    returns<SubjectAccessOutcome>(),
  ),
  /** The deadline for a request received on a day, without exporting anything. */
  'subjectAccess:deadline': channel(
    z.object({ requestedOn: civilDate }).strict(),
    returns<{ respondBy: string }>(),
  ),
};
