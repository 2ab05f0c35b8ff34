/** Sample documents for the PDF tests: names and places chosen to exercise Latin Extended. */
import type { InductionLetterSnapshot } from '../../src-main/pdf/documents/induction-letter';
import type { PpepSnapshot } from '../../src-main/pdf/documents/ppep';
import type { BetterOffSnapshot } from '../../src-main/pdf/documents/better-off-statement';
import type { NoticeLetterSnapshot } from '../../src-main/pdf/documents/notice-letter';
import { inductionEn } from '../../src-main/pdf/wording/induction-en';
import { inductionCy } from '../../src-main/pdf/wording/induction-cy';
import { fallbackCharterWording } from '../../src-main/pdf/wording/charter-wording';
import { shippedProfile } from '../../src-shared/domain/charter/shipped-profiles';

const wp = fallbackCharterWording('work-programme');
const shipped = shippedProfile('work-programme')!;
const numbers = {
  missedContactDays: shipped.rules.R8.days,
  meetingsPerMonth: shipped.rules.R6.meetingsPerMonth,
};

export function inductionSample(
  overrides: Partial<InductionLetterSnapshot['data']['participant']> = {},
  options: Partial<InductionLetterSnapshot['options']> = {},
): InductionLetterSnapshot {
  return {
    kind: 'induction-letter',
    data: {
      issuedAt: '2026-11-23T09:15:00.000Z',
      letterDate: '2026-11-23',
      participant: {
        givenName: 'Łukasz',
        familyName: 'Wiśniewski',
        preferredName: 'Łukasz',
        referralId: 'REF-2026-0042',
        address: {
          line1: 'Flat 3, Tŷ Gwyn',
          line2: '12 Heol y Frenhines',
          town: 'Caerdydd',
          postcode: 'CF10 2BU',
        },
        adjustments: 'Large print letters\nA quiet room, please',
        ...overrides,
      },
      office: {
        name: 'Waymark Employment Cardiff',
        address: {
          line1: 'Unit 4, Capital Quarter',
          line2: 'Tyndall Street',
          town: 'Cardiff',
          postcode: 'CF10 4BZ',
        },
        phone: '029 2018 0000',
        email: 'cardiff@waymark.example',
        publicTransport:
          'Buses 1, 2 and 6 stop outside. Cardiff Queen Street station is a 10-minute walk.',
        parking: 'Pay and display on Tyndall Street; two blue-badge bays at the front door.',
        stepFree: true,
        accessNotes: 'A lift serves every floor; a hearing loop is fitted at reception.',
        supportOffered:
          'Job clubs every Tuesday, digital skills sessions and a money adviser on Thursdays.',
      },
      appointment: { start: '2026-12-01T10:30', end: '2026-12-01T11:30' },
      contact: { name: 'Ada Adviser' },
    },
    options: { largePrint: false, language: 'en', ...options },
    templates: { en: { version: 0, body: inductionEn }, cy: { version: 0, body: inductionCy } },
    charter: { en: { ...wp.en, ...numbers }, cy: { ...wp.cy, ...numbers } },
  };
}

export function ppepSample(largePrint = false): PpepSnapshot {
  return {
    kind: 'ppep',
    issuedAt: '2026-12-01T12:00:00.000Z',
    letterDate: '2026-12-01',
    options: { largePrint, language: 'en' },
    planName: 'Personal Profile and Employment Plan (PPEP)',
    participant: {
      givenName: 'Ștefan',
      familyName: 'Țurcanu',
      preferredName: 'Ștefi',
      referralId: 'REF-2026-0077',
    },
    adviserName: 'Ada Adviser',
    providerName: 'Waymark Employment Sheffield',
    plan: {
      aboutMe: 'I worked in a warehouse for six years and enjoy practical work with a team.',
      strengths: [
        'Reliable and punctual',
        'Forklift licence (counterbalance)',
        'Speaks Romanian and English',
      ],
      goals: {
        shortTerm: ['Update my CV', 'Apply for five warehouse jobs a week'],
        longTerm: ['Become a shift supervisor within two years'],
      },
      barriers: [
        {
          barrier: 'No recent references',
          support: 'Adviser to contact the last employer with consent',
        },
      ],
      steps: [
        {
          action: 'Write a new CV with the adviser',
          owner: 'both',
          due: '2026-12-08',
          status: 'in-progress',
        },
        {
          action: 'Book a forklift refresher course',
          owner: 'adviser',
          due: '2026-12-15',
          status: 'not-started',
        },
        {
          action: 'Register with two local agencies',
          owner: 'participant',
          due: '2026-12-11',
          status: 'done',
        },
      ],
      skills: ['Stock control', 'Team leading'],
      qualifications: ['GCSE English and maths'],
      training: [],
      agreedOn: '2026-12-01',
      nextReview: '2027-03-01',
    },
  };
}

export function betterOffSample(largePrint = false): BetterOffSnapshot {
  return {
    kind: 'better-off-statement',
    issuedAt: '2026-12-02T10:00:00.000Z',
    letterDate: '2026-12-02',
    options: { largePrint, language: 'en' },
    participant: { givenName: 'Siân', familyName: 'ap Gruffydd', referralId: 'REF-2026-0101' },
    adviserName: 'Ada Adviser',
    providerName: 'Waymark Employment Cardiff',
    statement: {
      taxYear: '2025-26',
      job: { title: 'Care assistant', hoursPerWeek: 30, hourlyWage: 12.21 },
      result: {
        outOfWork: {
          universalCredit: 810.59,
          childBenefit: 0,
          takeHomePay: 0,
          benefitCapReduction: 0,
          childcareCosts: 0,
          income: 810.59,
        },
        inWork: {
          grossPay: 1587.3,
          incomeTax: 107.96,
          nationalInsurance: 43.18,
          pension: 42.69,
          takeHomePay: 1393.47,
          universalCredit: 50.06,
          childBenefit: 0,
          benefitCapReduction: 0,
          childcareCosts: 0,
          travelToWork: 0,
          income: 1443.53,
        },
        betterOffMonthly: 632.94,
        warnings: ['Travel to work costs were not entered.'],
      },
    },
  };
}

/** A notice letter (appointment, missed, exit, in-work) for the same participant and office. */
export function noticeSample(
  kind: NoticeLetterSnapshot['kind'],
  overrides: Partial<NoticeLetterSnapshot> = {},
  options: Partial<NoticeLetterSnapshot['options']> = {},
): NoticeLetterSnapshot {
  const induction = inductionSample();
  const { office, participant } = induction.data;
  return {
    kind,
    issuedAt: '2026-11-23T09:15:00.000Z',
    letterDate: '2026-11-23',
    options: { largePrint: false, language: 'en', ...options },
    participant: {
      givenName: participant.givenName,
      familyName: participant.familyName,
      preferredName: participant.preferredName,
      referralId: participant.referralId,
      address: participant.address,
    },
    office: {
      name: office.name,
      address: office.address,
      phone: office.phone,
      email: office.email,
    },
    contact: { name: 'Ada Adviser' },
    meeting:
      kind === 'exit-letter'
        ? null
        : {
            start: '2026-12-01T14:30',
            end: '2026-12-01T15:30',
            channel: 'in-person',
            place: {
              name: office.name,
              address: office.address,
              directions: 'Reception is on the ground floor, on the left.',
              publicTransport: office.publicTransport,
            },
            room: 'Room 2',
          },
    previousStart: kind === 'appointment-change' ? '2026-11-27T10:00' : null,
    adjustmentsMet: [],
    adjustmentsOther: [],
    rules: { missedContactDays: 3, inWorkContactDays: 28 },
    exit: kind === 'exit-letter' ? { reason: 'sustained-employment', date: '2026-11-20' } : null,
    charter: { en: wp.en, cy: wp.cy },
    ...overrides,
  };
}
