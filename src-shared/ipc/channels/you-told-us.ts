/**
 * "You told us, we did": the log of changes made because of feedback or complaints, for the role
 * that handles complaints, and its waiting-room poster through the desktop port.
 */
import { z } from 'zod';
import { channel, returns } from '../define';
import { youToldUsInputSchema, type SourceKind } from '../../domain/complaints/you-told-us';
import { DESKTOP_ACTIONS, type DesktopOutcome } from './desktop';

export interface YouToldUsSourceView {
  kind: SourceKind;
  id: string;
  /** Plain words for the screen, e.g. "Complaint received 3 March 2026: the office hours". */
  label: string;
}

export interface YouToldUsEntry {
  id: string;
  said: string;
  did: string;
  changedOn: string;
  sources: YouToldUsSourceView[];
  updatedAt: string;
}

export const youToldUsChannels = {
  'youToldUs:list': channel(z.object({}).strict(), returns<YouToldUsEntry[]>()),
  'youToldUs:get': channel(
    z.object({ id: z.string().uuid('Not an entry id') }).strict(),
    returns<YouToldUsEntry>(),
  ),
  /** Adds an entry, or changes the one named by `id`. */
  'youToldUs:save': channel(youToldUsInputSchema, returns<YouToldUsEntry>()),
  /** The waiting-room poster of every entry: print, open or save. */
  'youToldUs:poster': channel(
    z
      .object({ action: z.enum(DESKTOP_ACTIONS, { message: 'Choose print, open or save' }) })
      .strict(),
    returns<DesktopOutcome>(),
  ),
};
