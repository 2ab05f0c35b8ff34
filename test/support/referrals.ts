import type { ReferralInput } from '../../src-shared/schemas/participant';

/** A valid referral; override any field. The phone number is in Ofcom's drama range. */
export function referral(overrides: Partial<ReferralInput> = {}): ReferralInput {
  return {
    givenName: 'Zofia',
    familyName: 'Wiśniewska',
    dateOfBirth: '1990-04-12',
    niNumber: 'AB 12 34 56 C',
    address: { line1: '12 Canal Street', town: 'Sheffield', postcode: 's1 2ab' },
    phone: '0114 496 0982',
    referralId: 'JCP-0001',
    referralDate: '2026-11-02',
    jobcentreOffice: 'Sheffield Eastern Avenue',
    benefit: 'universal-credit',
    programme: 'work-programme',
    charterProfile: 'work-programme',
    nation: 'england-and-wales',
    contactChannel: 'phone',
    ...overrides,
  };
}
