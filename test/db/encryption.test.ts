import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempCaseload, type TempCaseload, PASSPHRASE, TEST_KDF } from '../support/temp-caseload';
import { referral } from '../support/referrals';
import { referralSchema } from '../../src-shared/schemas/participant';
import { Session } from '../../src-main/app/session';

let c: TempCaseload | undefined;
afterEach(async () => {
  await c?.close();
  c = undefined;
});

const CANARY = 'Canaryname Xylophonedottir';

function filesIn(dir: string): string[] {
  return readdirSync(dir)
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile());
}

describe('encryption at rest', () => {
  it('leaves no plaintext canary in the database, its WAL or any other file', async () => {
    c = await tempCaseload();
    const [given, family] = CANARY.split(' ') as [string, string];
    for (let i = 0; i < 50; i++) {
      await c.services.participants.create(
        referralSchema.parse(
          referral({
            givenName: given,
            familyName: family,
            referralId: `CANARY-${i}`,
            adjustments: `${CANARY} needs a hearing loop`,
          }),
        ),
      );
    }
    // While open, the WAL holds recent pages; check it before and after a checkpoint-on-close.
    const needles = [CANARY, given, family, 'hearing loop', 'AB123456C'].map((s) =>
      Buffer.from(s, 'utf8'),
    );
    const scan = () => {
      const files = filesIn(c!.dir);
      expect(files.some((f) => f.endsWith('-wal'))).toBe(true);
      for (const f of files) {
        const bytes = readFileSync(f);
        for (const n of needles) expect(bytes.includes(n), `${n} found in ${f}`).toBe(false);
      }
    };
    scan();
    await c.session.lock();
    for (const f of filesIn(c.dir)) {
      const bytes = readFileSync(f);
      for (const n of needles) expect(bytes.includes(n)).toBe(false);
    }
  });

  it('refuses a wrong passphrase cleanly and changes nothing on disk', async () => {
    c = await tempCaseload();
    await c.services.participants.create(referralSchema.parse(referral()));
    await c.session.lock();
    const before = Object.fromEntries(filesIn(c.dir).map((f) => [f, readFileSync(f)]));
    const s = new Session({ paths: c.paths, kdfCost: TEST_KDF });
    await expect(s.unlock('not the passphrase at all')).rejects.toMatchObject({
      code: 'wrong-passphrase',
    });
    expect(s.status().state).toBe('locked');
    const after = Object.fromEntries(filesIn(c.dir).map((f) => [f, readFileSync(f)]));
    // Only the key file's failure counter may change; the database is untouched.
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const f of Object.keys(before))
      if (!f.endsWith('.key.json')) expect(after[f]!.equals(before[f]!), f).toBe(true);
    await s.unlock(PASSPHRASE);
    expect((await s.require().services.participants.list({})).total).toBe(1);
    await s.lock();
  });
});
