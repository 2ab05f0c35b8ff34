/**
 * Print, open or save a document through the operating system. The renderer names a logged
 * letter (or a batch's file) and an action; the main process rebuilds the bytes itself, so no
 * file bytes or paths ever travel from the renderer to the main process.
 */
import { z } from 'zod';
import { channel, returns } from '../define';

export const DESKTOP_ACTIONS = ['print', 'open', 'save'] as const;
export type DesktopAction = (typeof DESKTOP_ACTIONS)[number];

export interface DesktopOutcome {
  action: DesktopAction;
  /** False only when the adviser cancelled the save dialog. */
  done: boolean;
  fileName: string;
}

const action = z.enum(DESKTOP_ACTIONS, { message: 'Choose print, open or save' });

export const desktopChannels = {
  'desktop:document': channel(
    z.object({ letterId: z.string().uuid('Not a letter id'), action }).strict(),
    /** `identical`: the rebuilt bytes match the sha256 logged when it was issued. */
    returns<DesktopOutcome & { identical: boolean }>(),
  ),
  /** Without an index, the batch's single print file; with one, that separate PDF. */
  'desktop:batchFile': channel(
    z
      .object({
        batchId: z.string().uuid('Not a batch id'),
        action,
        index: z.number().int().min(0).optional(),
      })
      .strict(),
    returns<DesktopOutcome>(),
  ),
};
