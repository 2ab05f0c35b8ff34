/**
 * National Insurance number rules (HMRC NIM39110): two prefix letters, six digits, a suffix A-D.
 * D, F, I, Q, U and V never appear in the prefix; O never as its second letter; and the prefixes
 * BG, GB, KN, NK, NT, TN and ZZ are not allocated.
 */
const FORMAT = /^[A-Z]{2}\d{6}[A-D]$/;
const BAD_FIRST = new Set(['D', 'F', 'I', 'Q', 'U', 'V']);
const BAD_SECOND = new Set(['D', 'F', 'I', 'O', 'Q', 'U', 'V']);
const UNALLOCATED = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);

export const normaliseNiNumber = (raw: string): string => raw.replace(/\s+/g, '').toUpperCase();

/** Returns why the number is not valid, or null when it is. */
export function niNumberProblem(raw: string): string | null {
  const ni = normaliseNiNumber(raw);
  if (!FORMAT.test(ni))
    return 'Enter a National Insurance number in the right format, like AB 12 34 56 C';
  const [first, second] = [ni[0]!, ni[1]!];
  if (BAD_FIRST.has(first)) return `A National Insurance number cannot start with ${first}`;
  if (BAD_SECOND.has(second))
    return `The second letter of a National Insurance number cannot be ${second}`;
  if (UNALLOCATED.has(ni.slice(0, 2)))
    return `${ni.slice(0, 2)} is not an allocated National Insurance prefix`;
  return null;
}

/** "QQ123456C" → "QQ 12 34 56 C", the way it is printed on letters. */
export const formatNiNumber = (ni: string): string =>
  `${ni.slice(0, 2)} ${ni.slice(2, 4)} ${ni.slice(4, 6)} ${ni.slice(6, 8)} ${ni.slice(8)}`;
