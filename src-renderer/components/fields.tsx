/**
 * GOV.UK form controls: a label, an optional hint, an inline error, and the control, wired with
 * aria-describedby and aria-invalid. Registration props from react-hook-form (or plain value and
 * onChange) pass straight through to the native element.
 */
import {
  forwardRef,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';

interface FieldProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
}

const describedBy = (id: string, hint: unknown, error: unknown) =>
  [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

function Hint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <div className="hint" id={`${id}-hint`}>
      {children}
    </div>
  );
}

export function ErrorMessage({ id, children }: { id: string; children?: string }) {
  if (!children) return null;
  return (
    <p className="error-message" id={`${id}-error`}>
      <span className="visually-hidden">Error:</span> {children}
    </p>
  );
}

type InputProps = FieldProps &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> & { width?: 'full' | '20' | '10' | '5' };

export const TextInput = forwardRef<HTMLInputElement, InputProps>(function TextInput(
  { id, label, hint, error, width = 'full', className, ...rest },
  ref,
) {
  return (
    <div className={`form-group${error ? ' form-group--error' : ''}`}>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      {hint && <Hint id={id}>{hint}</Hint>}
      <ErrorMessage id={id}>{error}</ErrorMessage>
      <input
        id={id}
        ref={ref}
        type="text"
        className={`input input--width-${width}${error ? ' input--error' : ''} ${className ?? ''}`}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        {...rest}
      />
    </div>
  );
});

export const Textarea = forwardRef<
  HTMLTextAreaElement,
  FieldProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'>
>(function Textarea({ id, label, hint, error, ...rest }, ref) {
  return (
    <div className={`form-group${error ? ' form-group--error' : ''}`}>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      {hint && <Hint id={id}>{hint}</Hint>}
      <ErrorMessage id={id}>{error}</ErrorMessage>
      <textarea
        id={id}
        ref={ref}
        rows={4}
        className={`textarea${error ? ' input--error' : ''}`}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        {...rest}
      />
    </div>
  );
});

export const Select = forwardRef<
  HTMLSelectElement,
  FieldProps &
    Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> & {
      options: readonly { value: string; label: string }[];
    }
>(function Select({ id, label, hint, error, options, ...rest }, ref) {
  return (
    <div className={`form-group${error ? ' form-group--error' : ''}`}>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      {hint && <Hint id={id}>{hint}</Hint>}
      <ErrorMessage id={id}>{error}</ErrorMessage>
      <select
        id={id}
        ref={ref}
        className={`select${error ? ' input--error' : ''}`}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        {...rest}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
});

/** A fieldset with a legend, for radios, checkboxes and date inputs. */
export function Fieldset({
  id,
  legend,
  hint,
  error,
  children,
  legendSize = 'm',
}: Omit<FieldProps, 'label'> & {
  legend: ReactNode;
  children: ReactNode;
  legendSize?: 's' | 'm';
}) {
  return (
    <div className={`form-group${error ? ' form-group--error' : ''}`}>
      <fieldset className="fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className={`fieldset__legend fieldset__legend--${legendSize}`}>{legend}</legend>
        {hint && <Hint id={id}>{hint}</Hint>}
        <ErrorMessage id={id}>{error}</ErrorMessage>
        {children}
      </fieldset>
    </div>
  );
}

/** One radio or checkbox with its label; the first in a group carries the group's id. */
export const Choice = forwardRef<
  HTMLInputElement,
  Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> & {
    id: string;
    label: ReactNode;
    type: 'radio' | 'checkbox';
  }
>(function Choice({ id, label, type, ...rest }, ref) {
  return (
    <div className={type === 'radio' ? 'radios__item' : 'checkboxes__item'}>
      <input id={id} ref={ref} type={type} className="choice__input" {...rest} />
      <label className="label choice__label" htmlFor={id}>
        {label}
      </label>
    </div>
  );
});
