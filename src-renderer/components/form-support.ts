/**
 * What every react-hook-form form shares: a resolver that turns typed values (GOV.UK date
 * boxes, empty choices) into the shared zod schema's input and says a bad date in words, and the
 * error summary's entries from react-hook-form's errors.
 */
import { get, type FieldErrors, type FieldValues, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import type { SummaryError } from './error-summary';

const DATE_WORDS = 'Enter a real date, for example 7 11 2026';

/**
 * `words`, where given, says each of the schema's own complaints in plain English (it sees the
 * whole issue: its path, code and limits); a message the schema sets itself is kept.
 */
export function schemaResolver<V extends FieldValues, O>(
  schema: z.ZodType<O>,
  toInput: (values: V) => unknown,
  dateFields: readonly string[],
  words?: z.core.$ZodErrorMap,
): Resolver<V, unknown, O> {
  const resolve = zodResolver(
    schema as never,
    words ? { error: words } : undefined,
  ) as unknown as Resolver<V, unknown, O>;
  return async (values, context, options) => {
    const result = await resolve(toInput(values) as V, context, options);
    const errors = result.errors as Record<string, { message?: string } | undefined>;
    // The schema's civil-date message names the stored format; the adviser typed three boxes.
    for (const field of dateFields)
      if (errors[field]?.message?.startsWith('Enter a real date'))
        errors[field]!.message = DATE_WORDS;
    return result;
  };
}

/** `ids` maps each field's name (a dotted path for a nested field) to its control's id, in order. */
export function summaryOf<V extends FieldValues>(
  errors: FieldErrors<V>,
  ids: Record<string, string>,
  general: string | null,
): SummaryError[] {
  return [
    ...(general ? [{ message: general }] : []),
    ...Object.keys(ids).flatMap((name) => {
      const error = ((errors as Record<string, unknown>)[name] ?? get(errors, name)) as
        { message?: string } | undefined;
      return error?.message ? [{ targetId: ids[name], message: error.message }] : [];
    }),
  ];
}
