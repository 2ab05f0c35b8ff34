/**
 * A deterministic, realistic demo caseload: names of many origins, offices in all three nations,
 * referrals spread over two years with the status history they would have. The same seed always
 * gives the same caseload. Written through the same services as real work.
 */
import type { Services } from '../app/services';
import { referralSchema, type ParticipantStatus, type Referral } from '@shared/schemas/participant';

/** mulberry32: a tiny, well-known seeded generator; Math.random would make demos differ. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GIVEN = [
  'Olivia',
  'Jack',
  'Siân',
  'Rhys',
  'Aoife',
  'Ciarán',
  'Eilidh',
  'Callum',
  'Zofia',
  'Łukasz',
  'Ioana',
  'Ștefan',
  'Priya',
  'Harpreet',
  'Aisha',
  'Mohammed',
  'Fatima',
  'Abdi',
  'Hodan',
  'Chinedu',
  'Ngozi',
  'Kwame',
  'Ama',
  'Wei',
  'Mei',
  'Nguyễn',
  'João',
  'Inês',
  'Jurgita',
  'Tomás',
  'Dafydd',
  'Gwenllian',
  'Mairéad',
  'Ruairidh',
  'Kateřina',
  'Dávid',
  'Emre',
  'Elif',
  'Yusuf',
  'Leila',
  'Bogdan',
  'Małgorzata',
  'Aleksandra',
  'Samuel',
  'Grace',
  'Daniel',
  'Chloe',
  'Liam',
  'Sophie',
  'Noah',
];
const FAMILY = [
  'Smith',
  'Jones',
  'Williams',
  'Evans',
  'Llewellyn',
  'ap Gruffydd',
  "O'Neill",
  'MacDonald',
  'McAllister',
  'Nowak',
  'Wiśniewska',
  'Kowalczyk',
  'Popescu',
  'Ionescu',
  'Țurcanu',
  'Patel',
  'Singh',
  'Kaur',
  'Khan',
  'Hussain',
  'Begum',
  'Ahmed',
  'Warsame',
  'Okafor',
  'Adeyemi',
  'Mensah',
  'Boateng',
  'Chen',
  'Li',
  'Nguyen',
  'Silva',
  'Santos',
  'Kazlauskas',
  'Petrov',
  'Dvořák',
  'Yılmaz',
  'Öztürk',
  'Byrne',
  'Ní Bhriain',
  'Campbell',
  'Stewart',
  'Robertson',
  'Thomas',
  'Roberts',
  'Wright',
  'Brown',
  'Taylor',
  'Wilson',
  'Davies',
  'Hughes',
];

interface Office {
  name: string;
  town: string;
  postcodes: string[];
  nation: Referral['nation'];
  programme: Referral['programme'];
}

const OFFICES: Office[] = [
  {
    name: 'Sheffield Eastern Avenue',
    town: 'Sheffield',
    postcodes: ['S1 2AB', 'S2 4QR', 'S9 3TY', 'S5 7HL'],
    nation: 'england-and-wales',
    programme: 'work-programme',
  },
  {
    name: 'Birmingham Ladywood',
    town: 'Birmingham',
    postcodes: ['B16 8HA', 'B1 2JP', 'B18 6NF'],
    nation: 'england-and-wales',
    programme: 'restart',
  },
  {
    name: 'Cardiff Charles Street',
    town: 'Cardiff',
    postcodes: ['CF10 2GE', 'CF24 4RS', 'CF11 6QX'],
    nation: 'england-and-wales',
    programme: 'restart',
  },
  {
    name: 'Glasgow Laurieston',
    town: 'Glasgow',
    postcodes: ['G5 9JN', 'G41 1HJ', 'G31 2XT'],
    nation: 'scotland',
    programme: 'no-one-left-behind',
  },
  {
    name: 'Dundee Wellgate',
    town: 'Dundee',
    postcodes: ['DD1 1UN', 'DD3 6HW'],
    nation: 'scotland',
    programme: 'no-one-left-behind',
  },
  {
    name: 'Belfast Shaftesbury',
    town: 'Belfast',
    postcodes: ['BT12 5EG', 'BT7 1NN', 'BT15 2GB'],
    nation: 'northern-ireland',
    programme: 'work-programme',
  },
];

const STREETS = [
  'High Street',
  'Station Road',
  'Church Lane',
  'Heol y Frenhines',
  'Victoria Road',
  'Mill Brae',
  'Park Avenue',
  'Ffordd Las',
];
const ADJUSTMENTS = [
  '',
  '',
  '',
  'Step-free access needed',
  'Prefers afternoon appointments (school run)',
  'Needs a quiet room',
  'Hearing loop',
  'Large print letters',
];
// Valid prefixes only: letters D, F, I, Q, U, V never lead; O never second (see ni-number.ts).
const NI_LETTERS = 'ABCEGHJKLMNPRSTWXYZ';
const LIFECYCLE: ParticipantStatus[] = [
  'allocated',
  'contacted',
  'induction-booked',
  'started',
  'in-work',
];

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const addDays = (iso: string, days: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

export interface DemoOptions {
  participants: number;
  seed?: number;
  /** The last day of the two years of history. */
  today: string;
}

export function demoReferral(
  i: number,
  random: () => number,
  today: string,
): { referral: Referral; office: Office } {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const office = pick(OFFICES);
  const birthYear = 1960 + Math.floor(random() * 45);
  const referralDate = addDays(today, -Math.floor(random() * 730));
  let first = pick([...NI_LETTERS]);
  let second = pick([...NI_LETTERS.replace('O', '')]);
  if (['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ'].includes(first + second))
    [first, second] = ['A', 'B'];
  const channel = pick(['phone', 'phone', 'email', 'letter', 'text'] as const);
  const welsh = office.town === 'Cardiff' && random() < 0.2;
  const referral = referralSchema.parse({
    givenName: pick(GIVEN),
    familyName: pick(FAMILY),
    dateOfBirth: `${birthYear}-${pad(1 + Math.floor(random() * 12), 2)}-${pad(1 + Math.floor(random() * 28), 2)}`,
    niNumber: `${first}${second}${pad(i % 1_000_000, 6)}${'ABCD'[i % 4]}`,
    address: {
      line1: `${1 + Math.floor(random() * 200)} ${pick(STREETS)}`,
      town: office.town,
      postcode: pick(office.postcodes),
    },
    phone: `0114 496 ${pad(Math.floor(random() * 1000), 4)}`,
    email: channel === 'email' ? `participant${i}@example.org` : undefined,
    referralId: `JCP-${pad(i, 7)}`,
    referralDate,
    jobcentreOffice: office.name,
    benefit: pick([
      'universal-credit',
      'universal-credit',
      'universal-credit',
      'esa',
      'jsa',
    ] as const),
    programme: office.programme,
    charterProfile:
      office.programme === 'no-one-left-behind' ? 'no-one-left-behind' : 'work-programme',
    nation: office.nation,
    contactChannel: channel,
    language:
      random() < 0.1
        ? pick(['Polish', 'Romanian', 'Urdu', 'Somali', 'Arabic', 'Welsh'])
        : 'English',
    interpreterNeeded: random() < 0.05,
    adjustments: pick(ADJUSTMENTS),
    accessibleFormats: { largePrint: random() < 0.05, welsh, easyRead: false },
  });
  return { referral, office };
}

/** Seeds `participants` people with their status history; returns how many were created. */
export async function seedDemoCaseload(services: Services, options: DemoOptions): Promise<number> {
  const random = rng(options.seed ?? 20261123);
  const BATCH = 250;
  let created = 0;
  for (let start = 0; start < options.participants; start += BATCH) {
    await services.wp.transaction(async (w) => {
      for (let i = start; i < Math.min(start + BATCH, options.participants); i++) {
        const { referral } = demoReferral(i + 1, random, options.today);
        const id = await services.participants.createIn(w, referral, 'import');
        // Walk the lifecycle as far as the referral's age allows, a few days to weeks per step.
        let date = referral.referralDate;
        const steps = Math.floor(random() * (LIFECYCLE.length + 1));
        let status: ParticipantStatus = 'referred';
        for (const next of LIFECYCLE.slice(0, steps)) {
          const nextDate = addDays(
            date,
            2 + Math.floor(random() * (next === 'in-work' ? 120 : 12)),
          );
          if (nextDate > options.today) break;
          await services.participants.changeStatusIn(w, { id, status: next, date: nextDate });
          status = next;
          date = nextDate;
        }
        const exitDate = addDays(referral.referralDate, 728);
        if (status !== 'in-work' && exitDate <= options.today) {
          await services.participants.changeStatusIn(w, {
            id,
            status: 'exited',
            date: exitDate,
            exitReason: 'completed-programme',
          });
        }
        created++;
      }
    });
  }
  return created;
}
