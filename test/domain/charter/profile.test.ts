import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { charterProfileSchema, OBLIGATION_RULES } from '../../../src-shared/domain/charter/profile';
import { shippedProfiles } from '../../../src-shared/domain/charter/shipped-profiles';

describe('charter profiles as data', () => {
  it('ships work-programme and no-one-left-behind with the charter’s numbers', () => {
    const wp = shippedProfiles().get('work-programme')!;
    const nolb = shippedProfiles().get('no-one-left-behind')!;
    expect(wp.planName).toBe('PPEP');
    expect(nolb.planName).toBe('action plan');
    expect(nolb.defaultNation).toBe('scotland');
    for (const p of [wp, nolb]) {
      expect(p.rules.R1.days).toBe(10);
      expect(p.rules.R2.workingDays).toBe(2);
      expect(p.rules.R3.days).toBe(14);
      expect(p.rules.R6.meetingsPerMonth).toBe(2);
      expect(p.rules.R7).toMatchObject({ months: 3, eventDays: 14 });
      expect(p.rules.R8.days).toBe(3);
      expect(p.rules.R9.workingDays).toBe(10);
      expect(p.rules.R13).toMatchObject({ programmeWeeks: 104, promptDays: 28 });
      expect(p.rules.R14.days).toBe(28);
      expect(Object.keys(p.rules)).toEqual(OBLIGATION_RULES);
    }
    expect(nolb.complaintRoute.at(-1)!.name).toMatch(/SPSO/);
  });

  // The seeds sit beside the repository in the shared material; read at test time only, to prove
  // the quotes are verbatim (the app never reads them).
  const seedDir = resolve(import.meta.dirname, '../../../../shared/seeds');
  it.runIf(existsSync(seedDir))('quotes every rule’s promise from the seed documents', () => {
    const seeds = readdirSync(seedDir)
      .map((f) => readFileSync(resolve(seedDir, f), 'utf8'))
      .join('\n')
      .replace(/\s+/g, ' ');
    for (const profile of shippedProfiles().values())
      for (const [rule, r] of Object.entries(profile.rules))
        for (const sentence of r.promise.split(/(?<=\.) /))
          expect(seeds, `${profile.id} ${rule}`).toContain(sentence.replace(/\s+/g, ' '));
  });

  it('refuses a manager’s edited copy with a bad number, naming the field', () => {
    const copy = structuredClone(shippedProfiles().get('work-programme')!);
    const bad = {
      ...copy,
      rules: { ...copy.rules, R6: { ...copy.rules.R6, meetingsPerMonth: 0 } },
    };
    const result = charterProfileSchema.safeParse(bad);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(['rules', 'R6', 'meetingsPerMonth']);

    const typo = { ...copy, rules: { ...copy.rules, R1: { ...copy.rules.R1, dayz: 10 } } };
    expect(charterProfileSchema.safeParse(typo).success).toBe(false);
    const renamed = { ...copy, id: 'my-copy', planName: 'action plan' };
    expect(charterProfileSchema.parse(renamed).planName).toBe('action plan');
  });
});
