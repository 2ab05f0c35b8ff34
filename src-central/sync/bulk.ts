/**
 * Many rows in one statement parameter. A push writes hundreds of rows to several tables; as a
 * multi-row VALUES list each row costs a dozen parameters, every one encoded by the driver and
 * bound by PostgreSQL, and the statement text grows with the batch (so it is parsed and planned
 * afresh each time). On the embedded store (PGlite: PostgreSQL in WebAssembly) that was most of a
 * push's cost. Here the rows travel as one JSON text parameter and `json_to_recordset` unpacks
 * them: one encoding, a constant statement, and jsonb columns taken from the same text (no JSON
 * string per row). Column lists are fixed text in this module's callers, never input.
 */
import { sql, type RawBuilder } from 'kysely';

/** `json_to_recordset($1::json) as <alias>(<columns>)`, usable in a FROM clause. */
export function recordset(
  rows: readonly object[],
  alias: string,
  columns: string,
): RawBuilder<unknown> {
  return sql`json_to_recordset(${JSON.stringify(rows)}::json) as ${sql.raw(alias)}(${sql.raw(columns)})`;
}

/** `(select value from json_array_elements_text($1::json))`: a list of strings for `in`. */
export function textList(values: readonly string[]): RawBuilder<unknown> {
  return sql`(select value from json_array_elements_text(${JSON.stringify(values)}::json))`;
}
