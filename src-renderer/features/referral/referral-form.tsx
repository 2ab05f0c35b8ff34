/**
 * A participant's referral details, for intake and for editing. Validation is the same
 * `referralSchema` the main process applies; errors the main process still finds (a duplicate
 * referral, say) come back as Result.error.field and are shown on that field.
 */
import { useState } from 'react';
import { useForm, type FieldErrors, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { referralSchema, type Referral, type ReferralInput } from '@shared/schemas/participant';
import { PROGRAMME_PROFILE } from '@shared/domain/charter/programme-profiles';
import type { IpcError } from '@shared/ipc/result';
import { ErrorSummary, type SummaryError } from '../../components/error-summary';
import { Choice, Fieldset, TextInput, Textarea } from '../../components/fields';
import { toCivilDate } from '../../components/date-input';
import { ControlledDateInput } from '../../components/controlled-date-input';
import { BENEFIT_LABELS, CONTACT_LABELS, NATION_LABELS, PROGRAMME_LABELS } from '../../labels';

/** Every field in the order it appears, so the error summary lists problems top to bottom. */
export const FIELD_ORDER = [
  'givenName',
  'familyName',
  'preferredName',
  'dateOfBirth',
  'niNumber',
  'address.line1',
  'address.line2',
  'address.town',
  'address.county',
  'address.postcode',
  'contactChannel',
  'phone',
  'email',
  'referralId',
  'referralDate',
  'jobcentreOffice',
  'benefit',
  'programme',
  'charterProfile',
  'nation',
  'language',
  'interpreterNeeded',
  'adjustments',
  'accessibleFormats',
] as const;
type FieldPath = (typeof FIELD_ORDER)[number];

export const fieldId = (path: string) => `referral-${path.replace(/\./g, '-')}`;

const CHARTER_PROFILES: Record<string, string> = {
  'work-programme': 'Work Programme style',
  'no-one-left-behind': 'No One Left Behind (Scotland)',
};

const DATE_LABELS: Partial<Record<FieldPath, string>> = {
  dateOfBirth: 'date of birth',
  referralDate: 'referral date',
};

/** The schema speaks YYYY-MM-DD; the adviser typed three boxes, so say it their way. */
function adviserMessage(path: FieldPath, message: string): string {
  const dateLabel = DATE_LABELS[path];
  if (dateLabel && message.startsWith('Enter a real date'))
    return `Enter the ${dateLabel} as a real date, for example 27 3 1990`;
  return message;
}

function errorAt(errors: FieldErrors<ReferralInput>, path: FieldPath): string | undefined {
  let node: unknown = errors;
  for (const key of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[key];
  const message = (node as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' && message ? adviserMessage(path, message) : undefined;
}

const schemaResolver = zodResolver(referralSchema);
const resolver: Resolver<ReferralInput, unknown, Referral> = (values, context, options) =>
  schemaResolver(
    {
      ...values,
      dateOfBirth: toCivilDate(values.dateOfBirth),
      referralDate: toCivilDate(values.referralDate),
    },
    context,
    options,
  );

export const EMPTY_REFERRAL: ReferralInput = {
  givenName: '',
  familyName: '',
  preferredName: '',
  dateOfBirth: '',
  niNumber: '',
  address: { line1: '', line2: '', town: '', county: '', postcode: '' },
  phone: '',
  email: '',
  referralId: '',
  referralDate: '',
  jobcentreOffice: '',
  benefit: undefined as unknown as ReferralInput['benefit'],
  programme: undefined as unknown as ReferralInput['programme'],
  charterProfile: '',
  nation: undefined as unknown as ReferralInput['nation'],
  contactChannel: undefined as unknown as ReferralInput['contactChannel'],
  language: 'English',
  interpreterNeeded: false,
  adjustments: '',
  accessibleFormats: { largePrint: false, welsh: false, easyRead: false },
};

interface ReferralFormProps {
  defaultValues?: ReferralInput;
  submitLabel: string;
  /** Saves the referral; answers the main process's error if it refused. */
  onSave(referral: Referral): Promise<IpcError | null>;
}

export function ReferralForm({
  defaultValues = EMPTY_REFERRAL,
  submitLabel,
  onSave,
}: ReferralFormProps) {
  const {
    register,
    control,
    handleSubmit,
    setError,
    getValues,
    setValue,
    formState: { errors, isSubmitting },
  } = useForm<ReferralInput, unknown, Referral>({
    resolver,
    defaultValues,
    shouldFocusError: false,
  });
  const [general, setGeneral] = useState<string | null>(null);
  const [failedSubmits, setFailedSubmits] = useState(0);
  const focusSummary = () => setFailedSubmits((n) => n + 1);

  const onValid = async (referral: Referral) => {
    setGeneral(null);
    const error = await onSave(referral);
    if (!error) return;
    const path = FIELD_ORDER.find((f) => f === error.field || error.field?.startsWith(`${f}.`));
    if (path) setError(path as never, { type: 'server', message: error.message });
    else setGeneral(error.message);
    focusSummary();
  };

  const summaryErrors: SummaryError[] = [
    ...(general ? [{ message: general }] : []),
    ...FIELD_ORDER.flatMap((path) => {
      const message = errorAt(errors, path);
      return message ? [{ targetId: fieldId(path), message }] : [];
    }),
  ];

  const text = (path: FieldPath, label: string, extra: Record<string, unknown> = {}) => (
    <TextInput
      id={fieldId(path)}
      label={label}
      error={errorAt(errors, path)}
      {...register(path as never)}
      {...extra}
    />
  );

  const radios = (
    path: 'benefit' | 'programme' | 'nation' | 'contactChannel' | 'charterProfile',
    legend: string,
    options: Record<string, string>,
    hint?: string,
  ) => {
    const registration = register(path);
    return (
      <Fieldset id={fieldId(path)} legend={legend} hint={hint} error={errorAt(errors, path)}>
        <div className="radios">
          {Object.entries(options).map(([value, label], i) => (
            <Choice
              key={value}
              type="radio"
              id={i === 0 ? fieldId(path) : `${fieldId(path)}-${value}`}
              label={label}
              value={value}
              {...registration}
              onChange={(e) => {
                void registration.onChange(e);
                if (path === 'programme' && !getValues('charterProfile'))
                  setValue('charterProfile', PROGRAMME_PROFILE[value] ?? '');
              }}
            />
          ))}
        </div>
      </Fieldset>
    );
  };

  const date = (path: 'dateOfBirth' | 'referralDate', legend: string, hint: string) => (
    <ControlledDateInput
      control={control}
      name={path}
      id={fieldId(path)}
      legend={legend}
      hint={hint}
      error={errorAt(errors, path)}
    />
  );

  const profileOptions = { ...CHARTER_PROFILES };
  const currentProfile = defaultValues.charterProfile;
  if (currentProfile && !profileOptions[currentProfile])
    profileOptions[currentProfile] = currentProfile;

  return (
    <form
      noValidate
      onSubmit={(e) => void handleSubmit(onValid, () => focusSummary())(e)}
      aria-label="Referral details"
    >
      <ErrorSummary errors={summaryErrors} focusKey={failedSubmits} />

      <h2 className="heading-m">About the participant</h2>
      {text('givenName', 'First name', { autoComplete: 'off', spellCheck: false })}
      {text('familyName', 'Last name', { autoComplete: 'off', spellCheck: false })}
      {text('preferredName', 'Preferred name (optional)', { spellCheck: false })}
      {date('dateOfBirth', 'Date of birth', 'For example, 27 3 1990')}
      <TextInput
        id={fieldId('niNumber')}
        label="National Insurance number"
        hint="It’s on their National Insurance card, benefit letter, payslip or P60. For example, ‘QQ 12 34 56 C’."
        error={errorAt(errors, 'niNumber')}
        width="10"
        spellCheck={false}
        autoComplete="off"
        {...register('niNumber')}
      />

      <h2 className="heading-m">Address</h2>
      {text('address.line1', 'Address line 1')}
      {text('address.line2', 'Address line 2 (optional)')}
      <TextInput
        id={fieldId('address.town')}
        label="Town or city"
        width="20"
        error={errorAt(errors, 'address.town')}
        {...register('address.town')}
      />
      {text('address.county', 'County (optional)')}
      <TextInput
        id={fieldId('address.postcode')}
        label="Postcode"
        width="10"
        autoComplete="off"
        error={errorAt(errors, 'address.postcode')}
        {...register('address.postcode')}
      />

      <h2 className="heading-m">Contact</h2>
      {radios('contactChannel', 'How do they prefer to be contacted?', CONTACT_LABELS)}
      <TextInput
        id={fieldId('phone')}
        type="tel"
        label="Phone number (optional unless phone or text is preferred)"
        width="20"
        autoComplete="off"
        error={errorAt(errors, 'phone')}
        {...register('phone')}
      />
      <TextInput
        id={fieldId('email')}
        type="email"
        label="Email address (optional unless email is preferred)"
        spellCheck={false}
        autoComplete="off"
        error={errorAt(errors, 'email')}
        {...register('email')}
      />

      <h2 className="heading-m">Referral</h2>
      <TextInput
        id={fieldId('referralId')}
        label="Referral reference"
        hint="From the Jobcentre referral, for example JCP-0001234"
        width="20"
        spellCheck={false}
        autoComplete="off"
        error={errorAt(errors, 'referralId')}
        {...register('referralId')}
      />
      {date('referralDate', 'Referral date', 'For example, 7 11 2026')}
      {text('jobcentreOffice', 'Jobcentre office')}
      {radios('benefit', 'Benefit', BENEFIT_LABELS)}
      {radios('programme', 'Programme', PROGRAMME_LABELS)}
      {radios(
        'charterProfile',
        'Charter profile',
        profileOptions,
        'The rules and letters that apply',
      )}
      {radios('nation', 'Nation', NATION_LABELS)}

      <h2 className="heading-m">Language and adjustments</h2>
      {text('language', 'Preferred language', { width: '20' })}
      <Fieldset id={fieldId('interpreterNeeded')} legend="Interpreter" legendSize="s">
        <div className="checkboxes">
          <Choice
            type="checkbox"
            id={fieldId('interpreterNeeded')}
            label="They need an interpreter"
            {...register('interpreterNeeded')}
          />
        </div>
      </Fieldset>
      <Textarea
        id={fieldId('adjustments')}
        label="Reasonable adjustments (optional)"
        hint="For example, step-free access or afternoon appointments"
        error={errorAt(errors, 'adjustments')}
        {...register('adjustments')}
      />
      <Fieldset
        id={fieldId('accessibleFormats')}
        legend="Accessible formats for letters"
        hint="Select all that apply"
        legendSize="s"
      >
        <div className="checkboxes">
          <Choice
            type="checkbox"
            id={fieldId('accessibleFormats')}
            label="Large print"
            {...register('accessibleFormats.largePrint')}
          />
          <Choice
            type="checkbox"
            id={`${fieldId('accessibleFormats')}-welsh`}
            label="Welsh language"
            {...register('accessibleFormats.welsh')}
          />
          <Choice
            type="checkbox"
            id={`${fieldId('accessibleFormats')}-easy-read`}
            label="Easy Read"
            {...register('accessibleFormats.easyRead')}
          />
        </div>
      </Fieldset>

      <button type="submit" className="button" disabled={isSubmitting}>
        {isSubmitting ? 'Saving…' : submitLabel}
      </button>
    </form>
  );
}
