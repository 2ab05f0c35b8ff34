import { z } from 'zod';
import { isCivilDate } from './civil-date';
import { NATIONS, type Nation } from './nations';
import type { BankHolidayEvent } from './bank-holiday-rules';

const eventSchema = z.object({
  title: z.string().min(1),
  date: z.string().refine(isCivilDate, 'expected a date YYYY-MM-DD'),
  notes: z.string(),
  bunting: z.boolean(),
});

/** gov.uk's `bank-holidays.json` shape; a refreshed download is checked against it. */
export const bankHolidayFeedSchema = z.object(
  Object.fromEntries(
    NATIONS.map((n) => [n, z.object({ division: z.literal(n), events: z.array(eventSchema) })]),
  ) as Record<
    Nation,
    z.ZodObject<{ division: z.ZodLiteral<Nation>; events: z.ZodArray<typeof eventSchema> }>
  >,
);

export type BankHolidayFeed = Record<Nation, { division: Nation; events: BankHolidayEvent[] }>;

export function parseBankHolidayFeed(json: unknown): BankHolidayFeed {
  return bankHolidayFeedSchema.parse(json) as BankHolidayFeed;
}
