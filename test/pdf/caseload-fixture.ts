/** A real encrypted caseload with participants contacted and an induction booked at an office. */
import { tempCaseload, type TempCaseload } from '../support/temp-caseload';
import { referral } from '../support/referrals';
import { referralSchema, type ReferralInput } from '../../src-shared/schemas/participant';
import { bookingSchema, officeSchema } from '../../src-shared/schemas/diary';

export const NOW = new Date('2026-11-23T09:15:00.000Z');

/** A Sheffield office open 9 to 5 on weekdays, for tests that need an address on a letter. */
export const SHEFFIELD_OFFICE = officeSchema.parse({
  name: 'Waymark Employment Sheffield',
  nation: 'england-and-wales',
  address: { line1: '1 Arundel Gate', town: 'Sheffield', postcode: 'S1 2PN' },
  phone: '0114 496 0000',
  email: 'sheffield@waymark.example',
  publicTransport: 'Trams and buses stop at Arundel Gate.',
  parking: 'No parking on site; the Q-Park on Rockingham Street is five minutes away.',
  stepFree: true,
  accessNotes: 'Automatic doors and a lift.',
  supportOffered: 'Job club on Tuesdays.',
  openingHours: Object.fromEntries(
    (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((d) => [d, [['09:00', '17:00']]]),
  ),
});

export async function caseloadWithOffice(): Promise<{ c: TempCaseload; officeId: string }> {
  const c = await tempCaseload({ now: () => NOW });
  const office = await c.services.diary.saveOffice(SHEFFIELD_OFFICE);
  return { c, officeId: office.id };
}

/** A participant contacted on `contactedOn`, with an induction booked at `start` (1 hour). */
export async function participantWithInduction(
  c: TempCaseload,
  officeId: string,
  opts: { n: number; contactedOn?: string; start?: string; referral?: Partial<ReferralInput> },
): Promise<string> {
  const { id } = await c.services.participants.create(
    referralSchema.parse(
      referral({
        referralId: `JCP-${String(opts.n).padStart(4, '0')}`,
        niNumber: `AB ${String(10 + (opts.n % 90))} 34 56 C`,
        referralDate: '2026-11-02',
        ...opts.referral,
      }),
    ),
  );
  await c.services.participants.setStatus({ id, status: 'allocated', date: '2026-11-10' });
  await c.services.participants.setStatus({
    id,
    status: 'contacted',
    date: opts.contactedOn ?? '2026-11-20',
  });
  // One adviser: 32 distinct hour slots on 1-4 December, all inside R3's window.
  const day = 1 + (Math.floor(opts.n / 8) % 4);
  const start = opts.start ?? `2026-12-0${day}T${String(9 + (opts.n % 8)).padStart(2, '0')}:00`;
  const end = `${start.slice(0, 11)}${String(Number(start.slice(11, 13)) + 1).padStart(2, '0')}${start.slice(13)}`;
  await c.services.diary.book(
    bookingSchema.parse({
      participantId: id,
      officeId,
      start,
      end,
      kind: 'induction',
      channel: 'in-person',
    }),
  );
  return id;
}
