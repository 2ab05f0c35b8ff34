/**
 * Complaints, for the role that handles them (managers): record one, see its stage on the
 * profile's route and when the response is due, acknowledge, respond, escalate and close, and
 * print the acknowledgement or response letter through the desktop port like other letters.
 */
import { z } from 'zod';
import { channel, returns } from '../define';
import { civilDate } from '../../schemas/participant';
import type { Nation } from '../../domain/calendar/nations';
import {
  complaintInputSchema,
  OUTCOMES,
  type ComplaintOutcome,
  type ComplaintState,
  type RouteStage,
} from '../../domain/complaints/complaint';
import { DESKTOP_ACTIONS, type DesktopOutcome } from './desktop';

export interface ComplaintStageView {
  index: number;
  name: string;
  startedOn: string;
  responseDue: string | null;
  respondedOn: string | null;
}

export interface ComplaintView {
  id: string;
  participantId: string | null;
  /** The participant's name as the manager knows them, for the screen; null when none is named. */
  participantName: string | null;
  receivedOn: string;
  channel: string;
  about: string;
  summary: string;
  profileId: string;
  nation: Nation;
  acknowledgedOn: string | null;
  outcome: ComplaintOutcome | null;
  lessons: string | null;
  closedOn: string | null;
  state: ComplaintState;
  /** The stages so far, the current one last. */
  stages: ComplaintStageView[];
  /** The next stage on the route, to explain to the participant; null at the last. */
  nextStage: RouteStage | null;
  /** The whole route of the complaint's profile, first stage first, to show where it stands. */
  route: RouteStage[];
}

const complaintId = z.string().uuid('Not a complaint id');
const on = civilDate;
const words = (max: number, what: string) =>
  z.string().trim().min(1, `Enter ${what}`).max(max, `Keep ${what} to ${max} characters`);

export const complaintChannels = {
  /** Whether the signed-in user handles complaints (the navigation hides them otherwise). */
  'complaints:canHandle': channel(z.object({}).strict(), returns<{ canHandle: boolean }>()),
  'complaints:list': channel(z.object({}).strict(), returns<ComplaintView[]>()),
  /** Complaints whose current stage's response is past its due date. */
  'complaints:overdue': channel(z.object({}).strict(), returns<ComplaintView[]>()),
  'complaints:get': channel(z.object({ id: complaintId }).strict(), returns<ComplaintView>()),
  'complaints:record': channel(complaintInputSchema, returns<ComplaintView>()),
  'complaints:acknowledge': channel(
    z.object({ id: complaintId, on }).strict(),
    returns<ComplaintView>(),
  ),
  'complaints:respond': channel(
    z.object({ id: complaintId, on, response: words(5000, 'the response') }).strict(),
    returns<ComplaintView>(),
  ),
  'complaints:escalate': channel(
    z.object({ id: complaintId, on }).strict(),
    returns<ComplaintView>(),
  ),
  'complaints:close': channel(
    z
      .object({
        id: complaintId,
        on,
        outcome: z.enum(OUTCOMES, { message: 'Choose the outcome' }),
        lessons: words(5000, 'the lessons learned'),
      })
      .strict(),
    returns<ComplaintView>(),
  ),
  /** The acknowledgement or the current stage's response letter: print, open or save. */
  'complaints:letter': channel(
    z
      .object({
        id: complaintId,
        kind: z.enum(['acknowledgement', 'response'], { message: 'Choose which letter' }),
        action: z.enum(DESKTOP_ACTIONS, { message: 'Choose print, open or save' }),
      })
      .strict(),
    returns<DesktopOutcome>(),
  ),
};
