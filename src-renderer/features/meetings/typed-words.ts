/**
 * Numbers and times typed as text reach the shared schema as numbers (or not at all), so the
 * schema cannot tell "left empty" from "typed something that is not a number". This wraps a form's
 * resolver so a box holding text that cannot be read gets its own words, next to the field.
 */
import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';

export function withTypedWords<V extends FieldValues, O>(
  resolver: Resolver<V, unknown, O>,
  unreadable: (values: V) => Partial<Record<string, string | false>>,
): Resolver<V, unknown, O> {
  return async (values, context, options) => {
    const result = await resolver(values, context, options);
    const words = Object.entries(unreadable(values)).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    );
    if (words.length === 0) return result;
    const errors = { ...(result.errors as Record<string, unknown>) };
    for (const [field, message] of words) errors[field] = { type: 'typed', message };
    return { values: {}, errors: errors as FieldErrors<V> };
  };
}
