/**
 * The demo caseload's data: names of many origins, towns with their Jobcentre and provider
 * offices in all three nations, rooms, hours, and the words plans and meetings are written in.
 * The logic that combines them with a seeded random generator is in demo-caseload.ts.
 */
import type { OfficeInput } from '@shared/schemas/diary';
import type { Referral } from '@shared/schemas/participant';

export const GIVEN = [
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
export const FAMILY = [
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

/** A Jobcentre Plus office that refers, and the provider's office in the same town. */
export interface Town {
  jobcentre: string;
  town: string;
  postcodes: string[];
  nation: Referral['nation'];
  programme: Referral['programme'];
  phonePrefix: string;
  office: Omit<OfficeInput, 'nation' | 'openingHours' | 'closures' | 'kind'>;
}

export const TOWNS: Town[] = [
  {
    jobcentre: 'Sheffield Eastern Avenue',
    town: 'Sheffield',
    postcodes: ['S1 2AB', 'S2 4QR', 'S9 3TY', 'S5 7HL'],
    nation: 'england-and-wales',
    programme: 'work-programme',
    phonePrefix: '0114 496',
    office: {
      name: 'Waymark Sheffield',
      address: { line1: '12 Campo Lane', town: 'Sheffield', postcode: 'S1 2EF' },
      phone: '0114 496 0100',
      email: 'sheffield@waymark.example.org',
      publicTransport:
        'Five minutes from the Cathedral tram stop; buses 52 and 120 stop on Church Street.',
      parking: 'No parking on site; Rockingham Street car park is a short walk.',
      stepFree: true,
      accessNotes: 'Level entrance and a lift to every floor.',
      supportOffered: 'CV and job search help, money advice drop-in on Tuesdays.',
    },
  },
  {
    jobcentre: 'Birmingham Ladywood',
    town: 'Birmingham',
    postcodes: ['B16 8HA', 'B1 2JP', 'B18 6NF'],
    nation: 'england-and-wales',
    programme: 'restart',
    phonePrefix: '0121 496',
    office: {
      name: 'Waymark Birmingham',
      address: { line1: '40 Broad Street', town: 'Birmingham', postcode: 'B1 2HF' },
      phone: '0121 496 0200',
      email: 'birmingham@waymark.example.org',
      publicTransport: 'Library tram stop is three minutes away; buses 9 and 126 stop outside.',
      parking: 'Paid parking at the Arena Central car park.',
      stepFree: true,
      accessNotes: 'Automatic doors; hearing loop at reception.',
      supportOffered: 'Digital skills sessions and interview practice.',
    },
  },
  {
    jobcentre: 'Cardiff Charles Street',
    town: 'Cardiff',
    postcodes: ['CF10 2GE', 'CF24 4RS', 'CF11 6QX'],
    nation: 'england-and-wales',
    programme: 'restart',
    phonePrefix: '029 2018',
    office: {
      name: 'Waymark Caerdydd / Cardiff',
      address: { line1: '8 Heol y Frenhines', town: 'Cardiff', postcode: 'CF10 2BU' },
      phone: '029 2018 0300',
      email: 'cardiff@waymark.example.org',
      publicTransport: 'Queen Street station is two minutes away.',
      parking: 'No parking; the nearest car park is on Dumfries Place.',
      stepFree: false,
      accessNotes: 'Two steps at the entrance; a portable ramp is available on request.',
      supportOffered: 'Appointments in Welsh on request.',
    },
  },
  {
    jobcentre: 'Glasgow Laurieston',
    town: 'Glasgow',
    postcodes: ['G5 9JN', 'G41 1HJ', 'G31 2XT'],
    nation: 'scotland',
    programme: 'no-one-left-behind',
    phonePrefix: '0141 496',
    office: {
      name: 'Waymark Glasgow',
      address: { line1: '25 Gorbals Street', town: 'Glasgow', postcode: 'G5 9JN' },
      phone: '0141 496 0400',
      email: 'glasgow@waymark.example.org',
      publicTransport:
        'Bridge Street subway station is a short walk; many buses on Eglinton Street.',
      parking: 'Two accessible bays at the rear.',
      stepFree: true,
      accessNotes: 'Step-free throughout; quiet room available.',
      supportOffered: 'Employability key worker and health support.',
    },
  },
  {
    jobcentre: 'Dundee Wellgate',
    town: 'Dundee',
    postcodes: ['DD1 1UN', 'DD3 6HW'],
    nation: 'scotland',
    programme: 'no-one-left-behind',
    phonePrefix: '0131 496',
    office: {
      name: 'Waymark Dundee',
      address: { line1: '3 Panmure Street', town: 'Dundee', postcode: 'DD1 1ED' },
      phone: '0131 496 0500',
      email: 'dundee@waymark.example.org',
      publicTransport: 'Ten minutes from the bus station; buses stop on Meadowside.',
      parking: 'Pay and display on Meadowside.',
      stepFree: true,
      accessNotes: 'Ground floor rooms only.',
      supportOffered: 'Job search and confidence building groups.',
    },
  },
  {
    jobcentre: 'Belfast Shaftesbury',
    town: 'Belfast',
    postcodes: ['BT12 5EG', 'BT7 1NN', 'BT15 2GB'],
    nation: 'northern-ireland',
    programme: 'work-programme',
    phonePrefix: '028 9018',
    office: {
      name: 'Waymark Belfast',
      address: { line1: '60 Great Victoria Street', town: 'Belfast', postcode: 'BT2 7BB' },
      phone: '028 9018 0600',
      email: 'belfast@waymark.example.org',
      publicTransport: 'Grand Central station is across the road.',
      parking: 'Multi-storey car park on Hope Street.',
      stepFree: true,
      accessNotes: 'Lift to the first floor; accessible toilet.',
      supportOffered: 'Careers guidance and training referrals.',
    },
  },
];

export const ROOMS = [
  { name: 'Interview room 1', capacity: 3, stepFree: true, equipment: ['hearing-loop'] as const },
  { name: 'Interview room 2', capacity: 2, stepFree: false, equipment: [] as const },
  { name: 'Training room', capacity: 12, stepFree: true, equipment: ['screen'] as const },
];

export const OPENING_HOURS = {
  mon: [['09:00', '17:00']],
  tue: [['09:00', '17:00']],
  wed: [['09:00', '17:00']],
  thu: [['09:00', '17:00']],
  fri: [['09:00', '17:00']],
} satisfies OfficeInput['openingHours'];

/** Full days with an hour for lunch; the second pattern, a year in, finishes early on Fridays. */
export const FULL_DAY = [
  ['09:00', '12:30'],
  ['13:30', '17:00'],
] as [string, string][];
export const PATTERNS = [
  { mon: FULL_DAY, tue: FULL_DAY, wed: FULL_DAY, thu: FULL_DAY, fri: FULL_DAY },
  {
    mon: FULL_DAY,
    tue: FULL_DAY,
    wed: FULL_DAY,
    thu: FULL_DAY,
    fri: [['09:00', '13:00']] as [string, string][],
  },
];

export const STREETS = [
  'High Street',
  'Station Road',
  'Church Lane',
  'Heol y Frenhines',
  'Victoria Road',
  'Mill Brae',
  'Park Avenue',
  'Ffordd Las',
];
export const ADJUSTMENTS = [
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
export const NI_LETTERS = 'ABCEGHJKLMNPRSTWXYZ';

export const STRENGTHS = [
  'Reliable and punctual',
  'Good with customers',
  'Speaks two languages',
  'Strong practical skills',
  'Works well in a team',
  'Patient and calm under pressure',
];
export const SHORT_GOALS = [
  'Part-time work in retail',
  'Warehouse work near home',
  'Care assistant role',
  'Kitchen porter or catering assistant',
  'Admin or reception work',
  'Cleaning work with school-hours shifts',
];
export const LONG_GOALS = [
  'A full-time job with a permanent contract',
  'A supervisor role within two years',
  'A qualification in health and social care',
  'Own a van and work as a delivery driver',
];
export const BARRIERS = [
  { barrier: 'No recent work history', support: 'Work trial and references', health: false },
  {
    barrier: 'Childcare during school holidays',
    support: 'Childcare support referral',
    health: false,
  },
  {
    barrier: 'Low confidence at interviews',
    support: 'Interview practice sessions',
    health: false,
  },
  { barrier: 'Debt worries', support: 'Money advice referral', health: false },
  { barrier: 'Back pain limits lifting', support: 'Occupational health assessment', health: true },
  { barrier: 'Anxiety in new places', support: 'Gradual exposure and a quiet room', health: true },
];
export const STEP_ACTIONS = [
  'Update CV with help from the adviser',
  'Apply for three jobs a week',
  'Register with two recruitment agencies',
  'Complete food hygiene level 2 course',
  'Attend the digital skills session',
  'Get a CSCS card',
  'Practise interview answers',
  'Open a bank account for wages',
  'Visit the local job fair',
];
export const MEETING_NOTES = [
  'Reviewed job search since the last meeting.',
  'Went through two applications together.',
  'Talked about travel to work options.',
  'Practised answers for an interview next week.',
  'Updated the CV with recent volunteering.',
  '',
];
export const EMPLOYERS = [
  'Northern Care Homes',
  'Riverside Logistics',
  'Valley Foods',
  'City Cleaning Services',
  'Harbour Retail',
  'Greenway Hotels',
];
export const SUPPORT = [
  { service: 'money', detail: 'Citizens Advice money advice' },
  { service: 'housing', detail: 'Local authority housing options team' },
  { service: 'childcare', detail: 'Family information service' },
  { service: 'drug-and-alcohol', detail: 'Community recovery service' },
] as const;
