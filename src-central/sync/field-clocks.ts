/**
 * How a record's per-field HLCs and versions are stored. A record written in one go has the same
 * HLC (and version 1) on every field, so storing a value per field repeated the HLC thirty times
 * per row and made the row's JSON three times its data: on the embedded store that was half the
 * cost of a push. Stored form: the most common value under "*" plus only the fields that differ.
 * The in-memory form (merge.ts) is always the full map; rows stored before this form decode as is.
 */
export const ALL_FIELDS = '*';

/** Full map → stored form. `fields` are the record's data keys (every key has an entry). */
export function packFieldClocks<V extends string | number>(
  full: Record<string, V>,
): Record<string, V> {
  const counts = new Map<V, number>();
  for (const v of Object.values(full)) counts.set(v, (counts.get(v) ?? 0) + 1);
  let common: V | undefined;
  let best = 1;
  for (const [v, n] of counts)
    if (n > best) {
      common = v;
      best = n;
    }
  if (common === undefined) return full;
  const packed: Record<string, V> = { [ALL_FIELDS]: common };
  for (const [k, v] of Object.entries(full)) if (v !== common) packed[k] = v;
  return packed;
}

/** Stored form → full map over the record's data fields. */
export function unpackFieldClocks<V extends string | number>(
  stored: Record<string, V>,
  data: Record<string, unknown>,
): Record<string, V> {
  if (!Object.hasOwn(stored, ALL_FIELDS)) return stored;
  const common = stored[ALL_FIELDS]!;
  const full: Record<string, V> = {};
  for (const k of Object.keys(data)) full[k] = Object.hasOwn(stored, k) ? stored[k]! : common;
  return full;
}
