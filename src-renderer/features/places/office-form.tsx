/**
 * Add or change an office or outreach venue. Validation is the shared `officeSchema` the main
 * process applies again; opening hours are typed one box a day and closures as GOV.UK date
 * inputs, turned into the schema's shape by the resolver so every error lands next to its field
 * and in the error summary.
 */
import { useState } from 'react';
import { useFieldArray, useForm, type FieldErrors, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { officeSchema, type Office, type OfficeDetails } from '@shared/schemas/diary';
import type { IpcError } from '@shared/ipc/result';
import { ErrorSummary, type SummaryError } from '../../components/error-summary';
import { Choice, Fieldset, TextInput, Textarea } from '../../components/fields';
import { toCivilDate } from '../../components/date-input';
import { ControlledDateInput } from '../../components/controlled-date-input';
import { NATION_LABELS } from '../../labels';
import { hoursFromText, hoursToText, WEEKDAY_NAMES, type HoursText } from './opening-hours-text';

export interface OfficeFormValues {
  kind: 'office' | 'outreach';
  name: string;
  nation: string;
  address: { line1: string; line2: string; town: string; postcode: string };
  phone: string;
  email: string;
  publicTransport: string;
  directions: string;
  parking: string;
  stepFree: boolean;
  hearingLoop: boolean;
  accessNotes: string;
  supportOffered: string;
  hours: HoursText;
  closures: { from: string; to: string; reason: string }[];
}

export const fieldId = (path: string) => `office-${path.replace(/\./g, '-')}`;

export function formValuesOf(o?: Office): OfficeFormValues {
  return {
    kind: o?.kind ?? 'office',
    name: o?.name ?? '',
    nation: o?.nation ?? '',
    address: {
      line1: o?.address.line1 ?? '',
      line2: o?.address.line2 ?? '',
      town: o?.address.town ?? '',
      postcode: o?.address.postcode ?? '',
    },
    phone: o?.phone ?? '',
    email: o?.email ?? '',
    publicTransport: o?.publicTransport ?? '',
    directions: o?.directions ?? '',
    parking: o?.parking ?? '',
    stepFree: o?.stepFree ?? false,
    hearingLoop: o?.hearingLoop ?? false,
    accessNotes: o?.accessNotes ?? '',
    supportOffered: o?.supportOffered ?? '',
    hours: hoursToText(o?.openingHours),
    closures: (o?.closures ?? []).map((c) => ({ ...c })),
  };
}

const schemaResolver = zodResolver(officeSchema);
/** The form's shape to the schema's; errors come back at the schema's paths. */
const resolver: Resolver<OfficeFormValues, unknown, OfficeDetails> = (values, context, options) =>
  schemaResolver(
    {
      kind: values.kind,
      name: values.name,
      nation: (values.nation || undefined) as OfficeDetails['nation'],
      address: {
        line1: values.address.line1,
        ...(values.address.line2.trim() ? { line2: values.address.line2 } : {}),
        town: values.address.town,
        postcode: values.address.postcode,
      },
      phone: values.phone,
      email: values.email,
      publicTransport: values.publicTransport,
      directions: values.directions,
      parking: values.parking,
      stepFree: values.stepFree,
      hearingLoop: values.hearingLoop,
      accessNotes: values.accessNotes,
      supportOffered: values.supportOffered,
      openingHours: hoursFromText(values.hours),
      closures: values.closures.map((c) => ({
        from: toCivilDate(c.from),
        to: toCivilDate(c.to),
        reason: c.reason,
      })),
    },
    context,
    options as never,
  ) as unknown as ReturnType<Resolver<OfficeFormValues, unknown, OfficeDetails>>;

/** The first message at or under a path of the error tree (opening hours nest two deep). */
function messageAt(errors: unknown, path: string): string | undefined {
  let node: unknown = errors;
  for (const key of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[key];
  const first = (n: unknown): string | undefined => {
    if (!n || typeof n !== 'object') return undefined;
    const m = (n as { message?: unknown }).message;
    if (typeof m === 'string' && m) return m;
    for (const v of Object.values(n as Record<string, unknown>)) {
      const found = first(v);
      if (found) return found;
    }
    return undefined;
  };
  return first(node);
}

const DATE_WORDS: Record<string, string> = {
  'Enter a real date as YYYY-MM-DD': 'Enter a real date, for example 24 12 2026',
};

interface OfficeFormProps {
  office?: Office;
  submitLabel: string;
  onSave(details: OfficeDetails): Promise<IpcError | null>;
}

export function OfficeForm({ office, submitLabel, onSave }: OfficeFormProps) {
  const {
    register,
    control,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<OfficeFormValues, unknown, OfficeDetails>({
    resolver,
    defaultValues: formValuesOf(office),
    shouldFocusError: false,
  });
  const closures = useFieldArray({ control, name: 'closures' });
  const [general, setGeneral] = useState<string | null>(null);
  const [failedSubmits, setFailedSubmits] = useState(0);
  const e = errors as FieldErrors<OfficeFormValues> & Record<string, unknown>;

  const at = (path: string) => {
    const m = messageAt(e, path);
    return m ? (DATE_WORDS[m] ?? m) : undefined;
  };

  const order: [string, string][] = [
    ['kind', 'kind'],
    ['name', 'name'],
    ['nation', 'nation'],
    ['address.line1', 'address.line1'],
    ['address.line2', 'address.line2'],
    ['address.town', 'address.town'],
    ['address.postcode', 'address.postcode'],
    ['phone', 'phone'],
    ['email', 'email'],
    ...WEEKDAY_NAMES.map(([k]) => [`openingHours.${k}`, `hours.${k}`] as [string, string]),
    ...closures.fields.flatMap((_, i) =>
      (['from', 'to', 'reason'] as const).map(
        (f) => [`closures.${i}.${f}`, `closures.${i}.${f}`] as [string, string],
      ),
    ),
    ['publicTransport', 'publicTransport'],
    ['directions', 'directions'],
    ['parking', 'parking'],
    ['accessNotes', 'accessNotes'],
    ['supportOffered', 'supportOffered'],
  ];
  const summary: SummaryError[] = [
    ...(general ? [{ message: general }] : []),
    ...order.flatMap(([path, target]) => {
      const message = at(path);
      return message ? [{ targetId: fieldId(target), message }] : [];
    }),
  ];

  const onValid = async (details: OfficeDetails) => {
    setGeneral(null);
    const error = await onSave(details);
    if (!error) return;
    setGeneral(error.message);
    setFailedSubmits((n) => n + 1);
  };

  const text = (path: string, label: string, extra: Record<string, unknown> = {}) => (
    <TextInput
      id={fieldId(path)}
      label={label}
      error={at(path)}
      {...register(path as never)}
      {...extra}
    />
  );
  const area = (path: string, label: string, hint?: string) => (
    <Textarea
      id={fieldId(path)}
      label={label}
      hint={hint}
      error={at(path)}
      {...register(path as never)}
    />
  );

  return (
    <form
      noValidate
      aria-label="Office or venue details"
      onSubmit={(ev) => void handleSubmit(onValid, () => setFailedSubmits((n) => n + 1))(ev)}
    >
      <ErrorSummary errors={summary} focusKey={failedSubmits} />
      <Fieldset id={fieldId('kind')} legend="What kind of place is it?" error={at('kind')}>
        <div className="radios">
          <Choice
            type="radio"
            id={fieldId('kind')}
            label="Our office"
            value="office"
            {...register('kind')}
          />
          <Choice
            type="radio"
            id={`${fieldId('kind')}-outreach`}
            label="An outreach venue (a library, community centre or similar)"
            value="outreach"
            {...register('kind')}
          />
        </div>
      </Fieldset>
      {text('name', 'Name', { hint: 'As participants will see it in letters' })}
      <Fieldset
        id={fieldId('nation')}
        legend="Which nation is it in?"
        hint="Its bank holidays follow this"
        error={at('nation')}
      >
        <div className="radios">
          {Object.entries(NATION_LABELS).map(([value, label], i) => (
            <Choice
              key={value}
              type="radio"
              id={i === 0 ? fieldId('nation') : `${fieldId('nation')}-${value}`}
              label={label}
              value={value}
              {...register('nation')}
            />
          ))}
        </div>
      </Fieldset>

      <h2 className="heading-m">Address</h2>
      {text('address.line1', 'Address line 1')}
      {text('address.line2', 'Address line 2 (optional)')}
      {text('address.town', 'Town or city', { width: '20' })}
      {text('address.postcode', 'Postcode', {
        width: '10',
        hint: 'Used to offer participants the venue nearest their home',
        autoComplete: 'off',
      })}

      <h2 className="heading-m">Contact</h2>
      {text('phone', 'Phone number', {
        type: 'tel',
        width: '20',
        hint: 'For example, 0114 496 0982',
      })}
      {text('email', 'Email address', { type: 'email', spellCheck: false })}

      <h2 className="heading-m">Opening hours</h2>
      <p className="body">
        One box a day. Type each session as a start and end time, for example “9:00 to 12:30, 13:30
        to 17:00” for a lunch break. Leave a day empty when it is closed.
      </p>
      {WEEKDAY_NAMES.map(([key, name]) => (
        <TextInput
          key={key}
          id={fieldId(`hours.${key}`)}
          label={name}
          width="20"
          autoComplete="off"
          error={at(`openingHours.${key}`)}
          {...register(`hours.${key}`)}
        />
      ))}

      <h2 className="heading-m">Closures</h2>
      <p className="body">Days the place is shut besides bank holidays, such as staff training.</p>
      {closures.fields.length === 0 && <p className="body">No closures.</p>}
      {closures.fields.map((f, i) => (
        <div key={f.id} className="places-closure">
          <h3 className="heading-s">Closure {i + 1}</h3>
          {(['from', 'to'] as const).map((part) => (
            <ControlledDateInput
              key={part}
              control={control}
              name={`closures.${i}.${part}`}
              id={fieldId(`closures.${i}.${part}`)}
              legend={part === 'from' ? 'First day closed' : 'Last day closed'}
              hint="For example, 24 12 2026"
              error={at(`closures.${i}.${part}`)}
            />
          ))}
          {text(`closures.${i}.reason`, 'Reason', { width: '20' })}
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              closures.remove(i);
              // The pressed button is gone with its closure: focus goes on to "Add a closure".
              requestAnimationFrame(() => document.getElementById('office-add-closure')?.focus());
            }}
          >
            Remove closure {i + 1}
          </button>
        </div>
      ))}
      <button
        type="button"
        id="office-add-closure"
        className="button button--secondary"
        onClick={() => {
          const n = closures.fields.length;
          // Focus the new closure's first box, its first day (the date boxes hold no form ref).
          closures.append({ from: '', to: '', reason: '' }, { shouldFocus: false });
          requestAnimationFrame(() =>
            document.getElementById(fieldId(`closures.${n}.from`))?.focus(),
          );
        }}
      >
        Add a closure
      </button>

      <h2 className="heading-m">Getting there and access</h2>
      {area('directions', 'Travel directions (optional)', 'How to find the entrance and the room')}
      {area('publicTransport', 'Public transport (optional)')}
      {area('parking', 'Parking (optional)')}
      <Fieldset id={fieldId('access')} legend="Access">
        <div className="checkboxes">
          <Choice
            type="checkbox"
            id={fieldId('stepFree')}
            label="Step-free entrance"
            {...register('stepFree')}
          />
          <Choice
            type="checkbox"
            id={fieldId('hearingLoop')}
            label="Hearing loop"
            {...register('hearingLoop')}
          />
        </div>
      </Fieldset>
      {area('accessNotes', 'Other access notes (optional)')}
      {area('supportOffered', 'Support offered here (optional)')}

      <button type="submit" className="button" disabled={isSubmitting}>
        {submitLabel}
      </button>
    </form>
  );
}
