import type { Session } from '../../app/session';
import type { Handlers } from '../router';
import { exportAdviserIcs } from '../../services/diary/ics-export';
import { deliverDaySheet, deliverRunSheet } from '../../services/diary/day-sheets';

export const diaryHandlers = (
  session: Session,
): Pick<Handlers, Extract<keyof Handlers, `diary:${string}`>> => {
  const services = () => session.require().services;
  return {
    'diary:offices': () => services().diary.listOffices(),
    'diary:saveOffice': ({ id, office }) => services().diary.saveOffice(office, id),
    'diary:closeOffice': ({ id, version, closedOn }) =>
      services().diary.setClosed(id, version, closedOn),
    'diary:rooms': ({ officeId }) => services().diarySettings.listRooms(officeId),
    'diary:saveRoom': (room) => services().diarySettings.saveRoom(room),
    'diary:patterns': () => services().diarySettings.listPatterns(),
    'diary:savePattern': (pattern) => services().diarySettings.savePattern(pattern),
    'diary:leave': () => services().diarySettings.listLeave(),
    'diary:addLeave': (leave) => services().diarySettings.addLeave(leave),
    'diary:removeLeave': async ({ id }) => {
      await services().diarySettings.removeLeave(id);
      return null;
    },
    'diary:constraints': ({ participantId }) =>
      services().diarySettings.getConstraints(participantId),
    'diary:saveConstraints': (c) => services().diarySettings.saveConstraints(c),
    'diary:findSlots': (q) => services().diarySlots.findSlots(q),
    'diary:proposePlan': (q) => services().diarySlots.proposePlan(q),
    'diary:acceptPlan': (plan) => services().diary.acceptPlan(plan),
    'diary:book': (booking) => services().diary.book(booking),
    'diary:move': ({ id, version, start, end }) => services().diary.move(id, version, start, end),
    'diary:appointments': (q) => services().diary.appointments(q),
    'diary:exportIcs': ({ from, to }) => exportAdviserIcs(services().wp, from, to),
    'diary:daySheetPdf': (input) => deliverDaySheet(services().wp, session.desktop, input),
    'diary:runSheetPdf': (input) => deliverRunSheet(services().wp, session.desktop, input),
  };
};
