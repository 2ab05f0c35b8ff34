/**
 * P4: the earliest 5 slots in the next six weeks with a full diary. The adviser is booked solid
 * (half-hour meetings 09:00–17:00) except a few gaps in the sixth week, other advisers fill the
 * rooms, the participant has a school run and needs a step-free room: the finder has to look at
 * every time of every day before it finds anything.
 */
import { calendarsFrom } from '../../src-shared/domain/calendar/shipped-calendars';
import { addDays, toDayNumber, weekdayOf } from '../../src-shared/domain/calendar/civil-date';
import {
  findSlots,
  type BusyAppointment,
  type DiaryContext,
  type DiaryOffice,
} from '../../src-shared/domain/diary';
import { time, type Benchmark } from './harness';

const FROM = '2027-03-01';
const hours = {
  mon: [['09:00', '17:00']],
  tue: [['09:00', '17:00']],
  wed: [['09:00', '17:00']],
  thu: [['09:00', '17:00']],
  fri: [['09:00', '17:00']],
} as const;
const pad = (n: number) => String(n).padStart(2, '0');
const at = (min: number) => `${pad(Math.floor(min / 60))}:${pad(min % 60)}`;

export function fullDiary(): DiaryContext {
  const offices: DiaryOffice[] = ['Sheffield', 'Rotherham', 'Barnsley'].map((name, i) => ({
    id: `office-${i}`,
    name,
    kind: 'office',
    nation: 'england-and-wales',
    stepFree: true,
    openingHours: hours,
    closures: [{ from: '2027-04-01', to: '2027-04-01', reason: 'staff training' }],
    rooms: [1, 2, 3].map((r) => ({
      id: `${i}-${r}`,
      name: `Room ${r}`,
      capacity: 2 + r,
      stepFree: r !== 1,
      equipment: r === 3 ? ['hearing-loop'] : [],
    })),
  }));
  const appointments: BusyAppointment[] = [];
  for (let d = 0; d < 42; d++) {
    const date = addDays(FROM, d);
    const w = weekdayOf(toDayNumber(date));
    if (w === 0 || w === 6) continue;
    for (let m = 9 * 60; m < 17 * 60; m += 30) {
      // Gaps only in the sixth week, late in the day.
      if (d >= 35 && m >= 15 * 60 && m % 60 === 30) continue;
      appointments.push({
        id: `a-${d}-${m}`,
        adviserId: 'me',
        participantId: `p-${d}-${m}`,
        officeId: 'office-0',
        room: 'Room 1',
        start: `${date}T${at(m)}`,
        end: `${date}T${at(m + 30)}`,
      });
      for (const [o, r] of [
        ['office-1', 'Room 2'],
        ['office-2', 'Room 3'],
      ] as const)
        appointments.push({
          id: `b-${o}-${d}-${m}`,
          adviserId: `other-${o}`,
          participantId: `q-${d}-${m}`,
          officeId: o,
          room: r,
          start: `${date}T${at(m)}`,
          end: `${date}T${at(m + 30)}`,
        });
    }
  }
  return {
    calendars: calendarsFrom(),
    offices,
    adviser: {
      id: 'me',
      patterns: [{ effectiveFrom: '2020-01-01', effectiveTo: null, sessions: hours }],
      leave: [{ from: '2027-03-15', to: '2027-03-19', startTime: null, endTime: null }],
    },
    participant: {
      id: 'participant',
      constraints: {
        unavailable: [
          {
            days: ['mon', 'tue', 'wed', 'thu', 'fri'],
            from: '08:30',
            to: '09:15',
            reason: 'school run',
          },
          {
            days: ['mon', 'tue', 'wed', 'thu', 'fri'],
            from: '15:00',
            to: '15:30',
            reason: 'school run',
          },
        ],
        preferredChannel: 'in-person',
        needsStepFree: true,
        needsHearingLoop: false,
      },
    },
    appointments,
  };
}

const p4: Benchmark = {
  id: 'P4',
  name: 'earliest 5 slots in the next 6 weeks, full diary (index built each time)',
  async measure() {
    const ctx = fullDiary();
    let found = 0;
    const t = await time(
      () => {
        found = findSlots(ctx, {
          kind: 'regular',
          earliest: `${FROM}T08:00`,
          dueBy: addDays(FROM, 41),
          count: 5,
        }).slots.length;
      },
      300,
      20,
    );
    return {
      id: 'P4',
      name: this.name,
      n: ctx.appointments.length,
      medianMs: t.medianMs,
      p95Ms: t.p95Ms,
      floorMs: 10,
      note: `${found} slots found among ${ctx.appointments.length} appointments`,
    };
  },
};

export const diaryBenchmarks: Benchmark[] = [p4];
