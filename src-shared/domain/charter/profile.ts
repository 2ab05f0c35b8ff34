/**
 * A charter profile: the rule numbers, the plan's name, the complaint route and the wording, as
 * data. Shipped profiles live in resources/profiles; a manager's edited copy is checked against
 * the same schema, so a typo in a number or a rule name is refused with the field named.
 */
import { z } from 'zod';
import { NATIONS } from '../calendar/nations';
import { profileSurveysSchema } from '../surveys/survey-definition';
import { retentionSchema } from './retention';

const text = z.string().trim().min(1);
const count = (max: number) => z.number().int().min(1).max(max);

/** Every rule says where its promise comes from, so every obligation can show it. */
const ruleBase = {
  title: text,
  /** The promise as the charter words it (quoted from the source document). */
  promise: text,
  source: text,
};

export const profileRulesSchema = z
  .object({
    R1: z.object({ ...ruleBase, days: count(366) }).strict(),
    R2: z.object({ ...ruleBase, workingDays: count(60) }).strict(),
    R3: z.object({ ...ruleBase, days: count(366) }).strict(),
    R5: z.object(ruleBase).strict(),
    R6: z.object({ ...ruleBase, meetingsPerMonth: count(31) }).strict(),
    R7: z.object({ ...ruleBase, months: count(24), eventDays: count(366) }).strict(),
    R8: z.object({ ...ruleBase, days: count(60) }).strict(),
    R9: z.object({ ...ruleBase, workingDays: count(120) }).strict(),
    R11: z.object(ruleBase).strict(),
    R13: z.object({ ...ruleBase, programmeWeeks: count(520), promptDays: count(366) }).strict(),
    R14: z.object({ ...ruleBase, days: count(366) }).strict(),
  })
  .strict();

const complaintStepSchema = z
  .object({
    /** Who the participant goes to at this step (provider, funding body, ombudsman). */
    level: z.enum(['provider', 'contractor', 'funder', 'ombudsman']),
    name: text,
    contact: text,
    /** The response target at this step, where the profile sets one. */
    responseTargetWorkingDays: z.number().int().min(1).max(120).nullable(),
    source: text,
  })
  .strict();

export const charterProfileSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case id'),
    name: text,
    description: text,
    /** What this programme calls the action plan (the Work Programme's PPEP). */
    planName: text,
    planNameLong: text,
    defaultNation: z.enum(NATIONS),
    rules: profileRulesSchema,
    complaintRoute: z.array(complaintStepSchema).min(1),
    letters: z.record(z.string(), text),
    /** Feedback surveys; where absent, surveysOf() gives the defaults from the seed charters. */
    surveys: profileSurveysSchema.optional(),
    /** How long records are kept after exit; where absent, retentionOf() gives the default. */
    retention: retentionSchema.optional(),
  })
  .strict();

export type CharterProfile = z.infer<typeof charterProfileSchema>;
export type ProfileRules = CharterProfile['rules'];
export type ObligationRule = keyof ProfileRules;
export const OBLIGATION_RULES = Object.keys(profileRulesSchema.shape) as ObligationRule[];
