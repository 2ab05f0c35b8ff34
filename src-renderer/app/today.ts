/**
 * "Today" for every screen: the unlocked caseload's clock in Europe/London, as the session status
 * reports it (polled, so it turns over at midnight), never the computer's local date.
 */
import { useSession } from './session';
import { londonWallClock } from '@shared/wording/dates';

export function useToday(): string {
  const { status } = useSession();
  // Screens that ask are only shown once unlocked; the fallback covers the first render only.
  return status?.today ?? londonWallClock(new Date()).slice(0, 10);
}
