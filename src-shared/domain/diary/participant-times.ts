/**
 * A participant's "can only come …" facts turned into the times they cannot do, so the finder,
 * the booking checks and the reasons all work from one list.
 */
import { NOON, type ParticipantConstraints, type UnavailableTime } from './model';
import { WEEKDAY_KEYS } from './wall-clock';
import { weekdaysPhrase } from './wording';

const END_OF_DAY = '24:00';

export function effectiveUnavailable(c: ParticipantConstraints): UnavailableTime[] {
  const out: UnavailableTime[] = [...c.unavailable];
  const noon = `${String(NOON / 60).padStart(2, '0')}:00`;
  if (c.timeOfDay === 'afternoons')
    out.push({
      days: WEEKDAY_KEYS,
      from: '00:00',
      to: noon,
      reason: '',
      words: 'the participant can come in the afternoons only',
    });
  else if (c.timeOfDay === 'mornings')
    out.push({
      days: WEEKDAY_KEYS,
      from: noon,
      to: END_OF_DAY,
      reason: '',
      words: 'the participant can come in the mornings only',
    });
  const days = c.attendDays ?? [];
  if (days.length > 0 && days.length < 7) {
    const allowed = new Set(days);
    out.push({
      days: WEEKDAY_KEYS.filter((d) => !allowed.has(d)),
      from: '00:00',
      to: END_OF_DAY,
      reason: '',
      words: `the participant can only come on ${weekdaysPhrase(days)}`,
    });
  }
  return out;
}
