/**
 * A GOV.UK date input held by react-hook-form: the three boxes are one field whose value is the
 * typed parts ('year-month-day'), turned into a date by the form's resolver (toCivilDate). Every
 * form with a date uses this rather than its own Controller around DateInput.
 */
import {
  Controller,
  type FieldPath,
  type FieldValues,
  type UseControllerProps,
} from 'react-hook-form';
import { DateInput } from './date-input';

type ControlledDateInputProps<V extends FieldValues, N extends FieldPath<V>, T> = Required<
  Pick<UseControllerProps<V, N, T>, 'control' | 'name'>
> & {
  id: string;
  legend: string;
  hint?: string;
  error?: string;
};

export function ControlledDateInput<V extends FieldValues, N extends FieldPath<V>, T = V>({
  control,
  name,
  ...shown
}: ControlledDateInputProps<V, N, T>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <DateInput
          {...shown}
          value={field.value as string | undefined}
          onChange={field.onChange}
          onBlur={field.onBlur}
        />
      )}
    />
  );
}
