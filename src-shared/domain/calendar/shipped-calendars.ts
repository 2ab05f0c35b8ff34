/** Calendars built from the bank holidays shipped in resources/calendar (see its SOURCES.md). */
import feedJson from '../../../resources/calendar/bank-holidays.json' with { type: 'json' };
import { parseBankHolidayFeed, type BankHolidayFeed } from './bank-holiday-feed';
import { NATIONS, type Nation } from './nations';
import { WorkingDayCalendar, type CalendarSet, type Closure } from './working-day-calendar';

let feed: BankHolidayFeed | undefined;

export function shippedBankHolidays(): BankHolidayFeed {
  feed ??= parseBankHolidayFeed(feedJson);
  return feed;
}

/** A calendar per nation from a feed (the shipped one unless a newer download is given). */
export function calendarsFrom(
  source: BankHolidayFeed = shippedBankHolidays(),
  closures: Partial<Record<Nation, readonly Closure[]>> = {},
): CalendarSet {
  return Object.fromEntries(
    NATIONS.map((nation) => [
      nation,
      new WorkingDayCalendar({
        nation,
        published: source[nation].events,
        closures: closures[nation] ?? [],
      }),
    ]),
  ) as Record<Nation, WorkingDayCalendar>;
}
