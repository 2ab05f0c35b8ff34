/** A refused phone number says why, in words (issue 10: ordinary-looking numbers refused). */
import { describe, expect, it } from 'vitest';
import { ukPhone, ukPhoneProblem } from '../../src-shared/schemas/participant';

describe('UK phone numbers', () => {
  it('accepts UK numbers in use, however they are spaced', () => {
    for (const n of [
      '0114 496 0982',
      '01144960982',
      '+44 114 496 0982',
      '028 9018 0000',
      '0800 123 4567',
    ])
      expect(ukPhoneProblem(n), n).toBeNull();
    expect(ukPhone.parse(' +44 114 496 0982 ')).toBe('0114 496 0982');
  });

  it('says what is wrong with each refused number', () => {
    expect(ukPhoneProblem('0114 496')).toBe('A UK phone number has 10 or 11 digits; this has 7');
    expect(ukPhoneProblem('0114 496 09822')).toBe(
      'A UK phone number has 10 or 11 digits; this has 12',
    );
    expect(ukPhoneProblem('07700 900123')).toMatch(/reserved for TV and radio drama/);
    expect(ukPhoneProblem('+33 1 23 45 67 89')).toMatch(/another country/);
    expect(ukPhoneProblem('0114 496 0982 (mum)')).toMatch(/digits only/);
    expect(ukPhoneProblem('01234 56789')).toBe(
      'That is not a UK phone number in use: check the code at the start',
    );
    expect(ukPhone.safeParse('07123').error?.issues.map((i) => i.message)).toEqual([
      'A UK phone number has 10 or 11 digits; this has 5',
    ]);
  });
});
