/** A started participant on a real encrypted caseload, and plan content ready to agree. */
import { tempCaseload, type TempCaseload } from '../support/temp-caseload';
import { referral } from '../support/referrals';
import { referralSchema } from '../../src-shared/schemas/participant';
import { EMPTY_PLAN, type PlanContent } from '../../src-shared/schemas/plan';

// 10:00 in London on Tuesday 1 December 2026.
export const NOW = new Date('2026-12-01T10:00:00Z');
export const TODAY = '2026-12-01';

export async function startedParticipant(
  overrides: Parameters<typeof referral>[0] = {},
): Promise<{ c: TempCaseload; id: string }> {
  const c = await tempCaseload({ now: () => NOW });
  const { id } = await c.services.participants.create(
    referralSchema.parse(referral({ referralDate: '2026-11-02', ...overrides })),
  );
  for (const [status, date] of [
    ['allocated', '2026-11-03'],
    ['contacted', '2026-11-04'],
    ['induction-booked', '2026-11-05'],
    ['started', '2026-11-10'],
  ] as const)
    await c.services.participants.setStatus({ id, status, date });
  return { c, id };
}

export const PLAN: PlanContent = {
  ...EMPTY_PLAN,
  aboutMe: 'Ten years in a warehouse; likes being busy.',
  strengths: ['Reliable', ''],
  goals: { shortTerm: ['Forklift licence'], longTerm: ['Warehouse supervisor'] },
  barriers: [{ id: 'b1', barrier: 'Back pain', support: 'OH assessment', healthRelated: true }],
  skills: ['Stock control'],
  steps: [
    {
      id: 's1',
      action: 'Update CV',
      owner: 'participant',
      due: '2026-12-15',
      status: 'not-started',
      mandatory: false,
    },
  ],
};
