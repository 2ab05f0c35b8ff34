/**
 * Referrals created centrally: the README's referral CSV (parsed by the app's own parser), each
 * row becoming a participant record in exactly the device's `participants` row format (so a device
 * inserts the pulled row as is), plus its "referred" timeline event, allocated to one adviser
 * from the day of import (R1). A referral id already on the server is a duplicate, not an error.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { londonDate } from '@shared/domain/identity/civil-date';
import type { Referral } from '@shared/schemas/participant';
import { parseReferralCsv } from '../../src-main/services/caseload/referral-csv';
import { referralColumns } from '../../src-main/db/repositories/participants';
import type { CentralDatabase } from '../db/schema';
import { AdminError } from '../errors';
import { assignPositions, type RecordKey } from '../sync/positions';
import { ALL_FIELDS } from '../sync/field-clocks';
import { audit, currentOrganisation, insertAllocation, requireUser } from './organisation';

const BATCH = 200;

/** The device's participant row for a referral, with the defaults its intake gives. */
export function participantRow(referral: Referral, id: string, adviserId: string, at: string) {
  return {
    id,
    ...referralColumns(referral),
    status: 'referred',
    exit_reason: null,
    adviser_id: adviserId,
    version: 1,
    created_at: at,
    updated_at: at,
  };
}

/** The device's timeline event for a new referral (as its own import writes it). */
function referralEventRow(referral: Referral, participantId: string, actor: string, at: string) {
  return {
    id: uuidv7(),
    participant_id: participantId,
    kind: 'referral',
    date: referral.referralDate,
    recorded_at: at,
    actor,
    summary: `Referred by ${referral.jobcentreOffice} (imported from a referral batch)`,
    data: JSON.stringify({ referralId: referral.referralId, source: 'import' }),
  };
}

const SERVER_NODE = '0000000000000000';
/** Server-written fields carry an HLC at the server's time, node zero. */
const serverHlc = (now: Date) => `${now.toISOString()}-0000-${SERVER_NODE}`;

export async function importReferrals(
  db: Kysely<CentralDatabase>,
  csv: string,
  adviserId: string,
  now = new Date(),
): Promise<{ imported: number; duplicates: number; failed: number }> {
  const org = await currentOrganisation(db);
  const adviser = await requireUser(db, adviserId);
  if (adviser.organisation_id !== org.id)
    throw new AdminError('not-found', 'No adviser with that id');
  const { rows, errors, total } = await parseReferralCsv(csv);
  if (total === 0 && errors.length > 0) throw new AdminError('invalid-input', errors[0]!.message);
  const failed = new Set(errors.map((e) => e.row)).size;
  let imported = 0;
  let duplicates = 0;
  const at = now.toISOString();
  const hlc = serverHlc(now);
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    await db.transaction().execute(async (trx) => {
      const ids = batch.map((r) => r.referral.referralId);
      const existing = await trx
        .selectFrom('records')
        .select((eb) =>
          eb
            .ref('data', '->>')
            .key('referral_id' as never)
            .as('referral_id'),
        )
        .where('organisation_id', '=', org.id)
        .where('entity_type', '=', 'participant')
        .where((eb) => eb(eb.ref('data', '->>').key('referral_id' as never), 'in', ids))
        .execute();
      const known = new Set(existing.map((e) => e.referral_id as string));
      const touched: RecordKey[] = [];
      for (const { referral } of batch) {
        if (known.has(referral.referralId)) {
          duplicates++;
          continue;
        }
        const id = uuidv7();
        const participant = participantRow(referral, id, adviser.id, at);
        const event = referralEventRow(referral, id, adviser.name, at);
        for (const [entity, row] of [
          ['participant', participant],
          ['participant_event', event],
        ] as const) {
          await trx
            .insertInto('records')
            .values({
              organisation_id: org.id,
              entity_type: entity,
              entity_id: row.id,
              participant_id: id,
              adviser_id: null,
              data: JSON.stringify(row),
              version: 1,
              // Every field written at once: the stored form of "this HLC, version 1 on each".
              field_hlc: JSON.stringify({ [ALL_FIELDS]: hlc }),
              field_version: JSON.stringify({ [ALL_FIELDS]: 1 }),
              change_seq: null,
              deleted: false,
              updated_at: at,
            })
            .execute();
          touched.push({ entity_type: entity, entity_id: row.id });
        }
        await insertAllocation(
          trx,
          { organisationId: org.id, participantId: id, adviserId: adviser.id, role: 'owner' },
          now,
        );
        known.add(referral.referralId);
        imported++;
      }
      await assignPositions(trx, org.id, touched);
    });
  }
  await db
    .insertInto('referral_imports')
    .values({
      id: randomUUID(),
      organisation_id: org.id,
      adviser_id: adviser.id,
      file_sha256: createHash('sha256').update(csv).digest('hex'),
      at,
      imported,
      duplicates,
      failed,
    })
    .execute();
  await audit(
    db,
    org.id,
    'admin',
    'referrals.import',
    { type: 'user', id: adviser.id },
    { imported, duplicates, failed, day: londonDate(now) },
    now,
  );
  return { imported, duplicates, failed };
}
