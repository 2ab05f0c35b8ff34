/**
 * GOV.UK date input: day, month and year boxes. The value is the three parts joined as
 * 'year-month-day' while the adviser types; toCivilDate turns it into YYYY-MM-DD for validation.
 */
import { Fieldset } from './fields';

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export function splitDate(value: string | undefined): DateParts {
  const [year = '', month = '', day = ''] = (value ?? '').split('-');
  return { day, month, year };
}

const joinDate = (p: DateParts) =>
  p.day || p.month || p.year ? `${p.year}-${p.month}-${p.day}` : '';

/** '2026-3-7' → '2026-03-07'; anything it cannot tidy is returned as typed, to fail validation. */
export function toCivilDate(value: string | undefined): string {
  const { day, month, year } = splitDate(value);
  if (!day && !month && !year) return '';
  const two = (s: string) => (/^\d{1,2}$/.test(s) ? s.padStart(2, '0') : s);
  return `${year}-${two(month)}-${two(day)}`;
}

interface DateInputProps {
  id: string;
  legend: string;
  hint?: string;
  error?: string;
  value: string | undefined;
  onChange: (value: string) => void;
  onBlur?: () => void;
}

export function DateInput({ id, legend, hint, error, value, onChange, onBlur }: DateInputProps) {
  const parts = splitDate(value);
  const set = (key: keyof DateParts, raw: string) =>
    onChange(joinDate({ ...parts, [key]: raw.replace(/\D/g, '') }));
  const boxes: { key: keyof DateParts; label: string; width: string; inputId: string }[] = [
    { key: 'day', label: 'Day', width: '2', inputId: id },
    { key: 'month', label: 'Month', width: '2', inputId: `${id}-month` },
    { key: 'year', label: 'Year', width: '4', inputId: `${id}-year` },
  ];
  return (
    <Fieldset id={id} legend={legend} hint={hint} error={error} legendSize="s">
      <div className="date-input">
        {boxes.map((b) => (
          <div className="date-input__item" key={b.key}>
            <label className="label date-input__label" htmlFor={b.inputId}>
              {b.label}
            </label>
            <input
              id={b.inputId}
              className={`input date-input__input input--width-${b.width}${error ? ' input--error' : ''}`}
              inputMode="numeric"
              autoComplete="off"
              maxLength={b.key === 'year' ? 4 : 2}
              value={parts[b.key]}
              aria-invalid={error ? true : undefined}
              onChange={(e) => set(b.key, e.target.value)}
              onBlur={onBlur}
            />
          </div>
        ))}
      </div>
    </Fieldset>
  );
}
