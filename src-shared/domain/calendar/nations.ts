/** The UK's three bank-holiday divisions, named as gov.uk's feed names them. */
export const NATIONS = ['england-and-wales', 'scotland', 'northern-ireland'] as const;
export type Nation = (typeof NATIONS)[number];
