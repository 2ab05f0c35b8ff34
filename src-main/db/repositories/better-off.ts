/**
 * Saved better-off calculations ↔ what the screens show, and their queries. Functions take the db
 * (or a transaction) first. A calculation is only ever inserted: it records what was explained.
 */
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { BetterOffCalculationTable, Database } from '../schema';
import type { BetterOffOutput, Household } from '@shared/domain/better-off';
import type { SavedBetterOff } from '@shared/ipc/channels/better-off';

export function toSaved(r: Selectable<BetterOffCalculationTable>): SavedBetterOff {
  return {
    id: r.id,
    participantId: r.participant_id,
    eventId: r.event_id,
    label: r.label,
    explainedOn: r.explained_on,
    taxYear: r.tax_year,
    ratesVersion: r.rates_version,
    household: JSON.parse(r.input) as Household,
    output: JSON.parse(r.output) as BetterOffOutput,
    recordedAt: r.recorded_at,
    recordedBy: r.recorded_by,
  };
}

export async function insertCalculation(
  db: Kysely<Database>,
  row: Insertable<BetterOffCalculationTable>,
): Promise<void> {
  await db.insertInto('better_off_calculations').values(row).execute();
}

/** A participant's saved calculations, newest first. */
export async function calculationsOf(
  db: Kysely<Database>,
  participantId: string,
): Promise<SavedBetterOff[]> {
  const rows = await db
    .selectFrom('better_off_calculations')
    .selectAll()
    .where('participant_id', '=', participantId)
    .orderBy('recorded_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toSaved);
}

export async function findCalculation(
  db: Kysely<Database>,
  id: string,
): Promise<SavedBetterOff | null> {
  const row = await db
    .selectFrom('better_off_calculations')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toSaved(row) : null;
}

/** The participant's life events with their data, for the calculator's starting household. */
export async function lifeEventFacts(db: Kysely<Database>, participantId: string) {
  const events = await db
    .selectFrom('participant_events')
    .select(['kind', 'date', 'data'])
    .where('participant_id', '=', participantId)
    .where('kind', '=', 'life-event')
    .execute();
  return events.map((e) => ({ ...e, data: JSON.parse(e.data) as Record<string, unknown> }));
}
