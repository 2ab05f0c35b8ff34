/**
 * The writer the crash suite kills: unlocks a caseload and writes until it is killed, printing
 * "ack <referral id>" after each participant's transaction has committed, and starting a
 * referral import every tenth write (left running when the kill comes).
 */
import { Session } from '../../../src-main/app/session';
import { dataPathsFor } from '../../../src-main/app/data-paths';
import { referralSchema } from '../../../src-shared/schemas/participant';
import { referral } from '../../support/referrals';
import { toCsv, validRow } from '../../support/referral-csv';

const [file, tag] = process.argv.slice(2) as [string, string];
const session = new Session({ paths: dataPathsFor(file) });
await session.unlock(process.env.WAYMARK_PASSPHRASE!);
const services = session.require().services;
for (let i = 0; ; i++) {
  const referralId = `CR-${tag}-${i}`;
  await services.participants.create(
    referralSchema.parse(referral({ referralId, niNumber: 'AB 12 34 56 C' })),
  );
  process.stdout.write(`ack ${referralId}\n`);
  if (i % 10 === 5) {
    const rows = Array.from({ length: 40 }, (_, k) =>
      validRow(k, { referral_id: `IM-${tag}-${i}-${k}` }),
    );
    await services.imports.start(`batch-${i}.csv`, toCsv(rows));
  }
}
