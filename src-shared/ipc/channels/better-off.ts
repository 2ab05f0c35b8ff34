/**
 * The better-off calculator over IPC (charter R11): work it out, prefill it from the participant,
 * and record it on the participant. The household is the calculator's own input schema, so the
 * screen, the command line and the main process validate it the same way.
 */
import { z } from 'zod';
import { channel, returns } from '../define';
import {
  betterOffInputSchema,
  type BetterOffInput,
  type BetterOffOutput,
  type Explanation,
  type Household,
} from '../../domain/better-off';
import { civilDate } from '../../schemas/participant';

/** A calculation worked out now, with the working and the rates it used. */
export interface BetterOffCalculation {
  taxYear: string;
  ratesVersion: string;
  output: BetterOffOutput;
  explanation: Explanation;
}

/** A calculation recorded on a participant. */
export interface SavedBetterOff {
  id: string;
  participantId: string;
  /** The 'better-off' timeline event charter rule R11 counts. */
  eventId: string;
  label: string | null;
  /** The day it was explained to the participant (the R11 date). */
  explainedOn: string;
  taxYear: string;
  ratesVersion: string;
  household: Household;
  output: BetterOffOutput;
  recordedAt: string;
  recordedBy: string;
}

/** A starting household built from the participant's record, and where each value came from. */
export interface BetterOffPrefill {
  household: BetterOffInput;
  explainedOn: string;
  taxYears: string[];
  notes: string[];
}

const participantId = z.string().uuid('Not a participant id');

export const betterOffSaveSchema = z
  .object({
    participantId,
    household: betterOffInputSchema,
    label: z.string().trim().max(120, 'Keep the label to 120 characters or fewer').optional(),
    /** Defaults to today in Europe/London. */
    explainedOn: civilDate.optional(),
  })
  .strict();
export type BetterOffSave = z.output<typeof betterOffSaveSchema>;

export const betterOffChannels = {
  'betterOff:calculate': channel(
    z.object({ household: betterOffInputSchema }).strict(),
    returns<BetterOffCalculation>(),
  ),
  'betterOff:prefill': channel(z.object({ participantId }).strict(), returns<BetterOffPrefill>()),
  'betterOff:save': channel(betterOffSaveSchema, returns<SavedBetterOff>()),
  'betterOff:list': channel(z.object({ participantId }).strict(), returns<SavedBetterOff[]>()),
  'betterOff:get': channel(
    z.object({ id: z.string().uuid('Not a calculation id') }).strict(),
    returns<SavedBetterOff>(),
  ),
};
