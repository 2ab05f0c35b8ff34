/** Shared by the plan and meetings specs: a started participant made through the harness backend. */
import type { E2eServer } from '../support/e2e-server';
import { referral } from '../support/referrals';
import { referralSchema } from '../../src-shared/schemas/participant';

/** 'YYYY-MM-DD' a number of days from today (the harness runs on the real clock). */
export function daysFromToday(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export async function startedParticipant(harness: E2eServer): Promise<string> {
  const services = harness.backend.session.require().services;
  const { id } = await services.participants.create(
    referralSchema.parse(referral({ referralDate: daysFromToday(-30) })),
  );
  for (const [status, days] of [
    ['allocated', -29],
    ['contacted', -28],
    ['induction-booked', -27],
    ['started', -20],
  ] as const)
    await services.participants.setStatus({ id, status, date: daysFromToday(days) });
  return id;
}
