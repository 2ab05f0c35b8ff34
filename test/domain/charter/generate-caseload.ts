/**
 * A seeded generator of realistic caseloads in the obligations JSON form, for the P3 benchmark
 * and the order-independence tests: each participant has up to two years of history.
 */
import {
  addDays,
  fromDayNumber,
  toDayNumber,
} from '../../../src-shared/domain/calendar/civil-date';
import { NATIONS } from '../../../src-shared/domain/calendar/nations';

type Json = Record<string, unknown>;

export function generateCaseload(count: number, today: string, seed = 1): Json {
  let state = seed;
  const random = () => (state = (state * 16807) % 2147483647) / 2147483647;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const todayDay = toDayNumber(today);
  const participants: Json[] = [];
  for (let i = 0; i < count; i++) {
    const referralDay = todayDay - 30 - Math.floor(random() * 700);
    const referral = fromDayNumber(referralDay);
    const allocation = addDays(referral, 2 + Math.floor(random() * 12));
    const contact = addDays(allocation, 1 + Math.floor(random() * 3));
    const start = addDays(contact, 3 + Math.floor(random() * 14));
    const startDay = toDayNumber(start);
    const appointments: Json[] = [
      {
        id: 'A0',
        start: `${start}T10:00`,
        kind: 'induction',
        channel: 'in-person',
        outcome: 'attended',
      },
    ];
    const contacts: Json[] = [];
    const events: Json[] = [];
    const agreements = [start];
    for (let d = startDay + 14, n = 1; d < todayDay + 14; d += 10 + Math.floor(random() * 8), n++) {
      const date = fromDayNumber(d);
      const outcome = d >= todayDay ? 'booked' : random() < 0.1 ? 'dna' : 'attended';
      appointments.push({
        id: `A${n}`,
        start: `${date}T${pick(['09:30', '10:00', '14:00', '15:30'])}`,
        kind: n % 6 === 0 ? 'ppep-review' : 'regular',
        channel: random() < 0.85 ? 'in-person' : 'phone',
        outcome,
        priorNotice: outcome === 'dna' ? random() < 0.3 : undefined,
      });
      if (outcome === 'dna' && random() < 0.8)
        contacts.push({ date: addDays(date, Math.floor(random() * 5)), kind: 'dna-follow-up' });
      if (n % 6 === 0 && outcome === 'attended') agreements.push(date);
    }
    const jobStartDay = startDay + 60 + Math.floor(random() * 500);
    if (random() < 0.35 && jobStartDay < todayDay) {
      const jobStart = fromDayNumber(jobStartDay);
      events.push({ date: jobStart, kind: 'job-start' });
      for (let d = jobStartDay + 20; d < todayDay; d += 20 + Math.floor(random() * 15))
        contacts.push({ date: fromDayNumber(d), kind: 'in-work' });
      if (random() < 0.3) events.push({ date: addDays(jobStart, 90), kind: 'job-end' });
    }
    if (random() < 0.2)
      events.push({
        date: addDays(start, Math.floor(random() * 300)),
        kind: 'change-of-circumstances',
      });
    participants.push({
      id: `P${String(i).padStart(5, '0')}`,
      nation: pick(NATIONS),
      referralDate: referral,
      allocationDate: allocation,
      initialContact: { date: contact, channel: 'phone' },
      startDate: start,
      cannotAttendInPerson: random() < 0.1,
      healthNeed:
        random() < 0.3
          ? { recorded: start, ohReferral: random() < 0.7 ? addDays(start, 9) : null }
          : null,
      appointments,
      contacts,
      ppepAgreements: agreements,
      betterOffCalculations: events.length > 0 && random() < 0.6 ? [addDays(start, 50)] : [],
      events,
      exitDate: random() < 0.1 ? addDays(start, 400) : null,
    });
  }
  return { today, profile: 'work-programme', nation: 'england-and-wales', participants };
}
