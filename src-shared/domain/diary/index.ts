export * from './model';
export * from './wall-clock';
export { DiaryIndex, patternOn } from './availability';
export { findSlots, findSlotsIn, DEFAULT_HORIZON_DAYS } from './slot-finder';
export type { Slot, SlotRequest, SlotResult } from './slot-finder';
export { proposeMeetingPlan } from './meeting-plan';
export type { MeetingPlan, PlanMonth, PlanRequest } from './meeting-plan';
export { bookingRefusal } from './booking-rules';
export type { BookingRefusal, BookingToCheck } from './booking-rules';
