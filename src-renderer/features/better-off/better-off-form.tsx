/**
 * The guided better-off form. It validates with the calculator's own schema, works the figures
 * out in the renderer as the adviser types (the calculator is pure), and saves or prints only a
 * household that passes. Errors the main process still finds come back naming their field.
 */
import { useMemo, useState, type ReactNode } from 'react';
import {
  Controller,
  useFieldArray,
  useForm,
  useWatch,
  type FieldErrors,
  type Path,
} from 'react-hook-form';
import { COUNTRIES, TENURES, CHILD_DISABILITY, PENSION_SCHEMES } from '@shared/domain/better-off';
import type { IpcError } from '@shared/ipc/result';
import { ErrorSummary, type SummaryError } from '../../components/error-summary';
import { Choice, Fieldset, Select, TextInput } from '../../components/fields';
import { ControlledDateInput } from '../../components/controlled-date-input';
import {
  fieldId,
  flattenErrors,
  formResolver,
  liveResult,
  type BetterOffFormOutput,
  type BetterOffFormValues,
  type LiveResult,
} from './form-model';
import { Figures } from './figures';
import { IncomeChart } from './income-chart';
import { Scenarios } from './scenarios';

const COUNTRY_LABELS: Record<(typeof COUNTRIES)[number], string> = {
  england: 'England',
  wales: 'Wales',
  scotland: 'Scotland',
  'northern-ireland': 'Northern Ireland',
};
const TENURE_LABELS: Record<(typeof TENURES)[number], string> = {
  private: 'Private rent',
  social: 'Council or housing association rent',
  owner: 'Owns their home',
  none: 'Pays no rent (lives with family, for example)',
};
const DISABILITY_LABELS: Record<(typeof CHILD_DISABILITY)[number], string> = {
  none: 'No disability benefit',
  lower: 'Disability benefit, lower rate',
  higher: 'Disability benefit, higher rate',
};
const PENSION_LABELS: Record<(typeof PENSION_SCHEMES)[number], string> = {
  'relief-at-source': 'Workplace pension, relief at source (most common)',
  'net-pay': 'Workplace pension, net pay arrangement',
  none: 'Opted out of the workplace pension',
};

export type Submitted = BetterOffFormOutput & { live: LiveResult };

interface BetterOffFormProps {
  defaultValues: BetterOffFormValues;
  taxYears: string[];
  /** Today in Europe/London: the date it was explained cannot be later. */
  today: string;
  onSave(values: Submitted): Promise<IpcError | null>;
  onPrint(values: Submitted): Promise<IpcError | null>;
}

const ADD_PARTNER = 'better-off-add-partner';
const ADD_CHILD = 'better-off-add-child';

/**
 * GOV.UK "add another": a new partner or child's first box takes focus; after a removal, the
 * button that adds one again does (the pressed button has gone). After React has rendered it.
 */
const focusSoon = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

function errorAt(errors: FieldErrors<BetterOffFormValues>, path: string): string | undefined {
  let node: unknown = errors;
  for (const key of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[key];
  const message = (node as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' && message ? message : undefined;
}

export function BetterOffForm({
  defaultValues,
  taxYears,
  today,
  onSave,
  onPrint,
}: BetterOffFormProps) {
  const resolver = useMemo(() => formResolver(today), [today]);
  const {
    register,
    control,
    handleSubmit,
    setError,
    setValue,
    formState: { errors, isSubmitting },
  } = useForm<BetterOffFormValues, unknown, BetterOffFormOutput>({
    resolver,
    defaultValues,
    shouldFocusError: false,
  });
  const adults = useFieldArray({ control, name: 'adults' });
  const children = useFieldArray({ control, name: 'children' });
  const values = useWatch({ control }) as BetterOffFormValues;
  const key = JSON.stringify(values);
  // Recalculated whenever any value changes; the key stands for the values.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const live = useMemo(() => liveResult(values), [key]);
  const [general, setGeneral] = useState<string | null>(null);
  // Each failed submit bumps the key; the summary takes focus once it has rendered.
  const [failedSubmits, setFailedSubmits] = useState(0);
  const focusSummary = () => setFailedSubmits((n) => n + 1);

  const submit = (action: (v: Submitted) => Promise<IpcError | null>) =>
    handleSubmit(
      async (output) => {
        setGeneral(null);
        const current = liveResult(values);
        if (!current) return;
        const error = await action({ ...output, live: current });
        if (!error) return;
        const field = error.field?.replace(/^(household|statement)\./, '');
        if (field && field !== 'participantId')
          setError(field as Path<BetterOffFormValues>, { type: 'server', message: error.message });
        else setGeneral(error.message);
        focusSummary();
      },
      () => focusSummary(),
    );

  const summaryErrors: SummaryError[] = [
    ...(general ? [{ message: general }] : []),
    ...flattenErrors(errors).map((e) => ({ targetId: fieldId(e.path), message: e.message })),
  ];

  const money = (path: Path<BetterOffFormValues>, label: ReactNode, hint?: string) => (
    <TextInput
      id={fieldId(path)}
      label={label}
      hint={hint}
      error={errorAt(errors, path)}
      width="10"
      inputMode="decimal"
      autoComplete="off"
      {...register(path, { valueAsNumber: true })}
    />
  );
  const check = (path: Path<BetterOffFormValues>, label: string) => (
    <Choice type="checkbox" id={fieldId(path)} label={label} {...register(path)} />
  );
  const radios = (
    path: 'country' | 'housing.tenure',
    legend: string,
    options: Record<string, string>,
  ) => {
    const registration = register(path);
    return (
      <Fieldset id={fieldId(path)} legend={legend} legendSize="s" error={errorAt(errors, path)}>
        <div className="radios">
          {Object.entries(options).map(([value, label], i) => (
            <Choice
              key={value}
              type="radio"
              id={i === 0 ? fieldId(path) : `${fieldId(path)}-${value}`}
              label={label}
              value={value}
              {...registration}
            />
          ))}
        </div>
      </Fieldset>
    );
  };
  const date = (path: Path<BetterOffFormValues>, legend: string, hint: string) => (
    <ControlledDateInput
      control={control}
      name={path}
      id={fieldId(path)}
      legend={legend}
      hint={hint}
      error={errorAt(errors, path)}
    />
  );

  const tenure = values.housing?.tenure;

  return (
    <>
      <form
        noValidate
        aria-label="Better-off calculation"
        onSubmit={(e) => void submit(onSave)(e)}
        className="bo-form"
      >
        <ErrorSummary errors={summaryErrors} focusKey={failedSubmits} />
        <div className="grid-row">
          <div className="bo-inputs">
            <h2 className="heading-m">The household</h2>
            <Select
              id={fieldId('taxYear')}
              label="Tax year"
              error={errorAt(errors, 'taxYear')}
              options={taxYears.map((y) => ({ value: y, label: y }))}
              {...register('taxYear')}
            />
            {radios('country', 'Where they live', COUNTRY_LABELS)}
            <Fieldset id={fieldId('london')} legend="London" legendSize="s">
              <div className="checkboxes">{check('london', 'They live in Greater London')}</div>
            </Fieldset>

            {adults.fields.map((a, i) => (
              <Fieldset
                key={a.id}
                id={fieldId(`adults.${i}`)}
                legend={i === 0 ? 'The participant' : 'Their partner'}
                legendSize="s"
              >
                {money(`adults.${i}.age`, 'Age in years')}
                <div className="checkboxes">
                  {check(
                    `adults.${i}.lcwra`,
                    'Has limited capability for work and work-related activity',
                  )}
                  {check(`adults.${i}.carer`, 'Cares for someone for 35 hours a week or more')}
                  {check(
                    `adults.${i}.disabilityBenefits`,
                    'Gets PIP, DLA, Attendance Allowance or ADP',
                  )}
                </div>
                {i === 1 && (
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    onClick={() => {
                      setValue('job.adult', 0);
                      adults.remove(1);
                      focusSoon(ADD_PARTNER);
                    }}
                  >
                    Remove the partner
                  </button>
                )}
              </Fieldset>
            ))}
            {adults.fields.length === 1 ? (
              <button
                type="button"
                id={ADD_PARTNER}
                className="button button--secondary"
                onClick={() => {
                  focusSoon(fieldId('adults.1.age'));
                  adults.append({
                    age: Number.NaN,
                    lcwra: false,
                    lcwraFromBefore2026: false,
                    lcw: false,
                    carer: false,
                    disabilityBenefits: false,
                  });
                }}
              >
                Add a partner
              </button>
            ) : (
              <Controller
                control={control}
                name="job.adult"
                render={({ field }) => (
                  <Fieldset
                    id={fieldId('job.adult')}
                    legend="Who would take the job?"
                    legendSize="s"
                    error={errorAt(errors, 'job.adult')}
                  >
                    <div className="radios">
                      {['The participant', 'Their partner'].map((label, i) => (
                        <Choice
                          key={label}
                          type="radio"
                          id={i === 0 ? fieldId('job.adult') : `${fieldId('job.adult')}-${i}`}
                          name={field.name}
                          label={label}
                          value={i}
                          checked={field.value === i}
                          onChange={() => field.onChange(i)}
                          onBlur={field.onBlur}
                        />
                      ))}
                    </div>
                  </Fieldset>
                )}
              />
            )}

            <h3 className="heading-s">Children</h3>
            {children.fields.length === 0 && <p className="body">No children added.</p>}
            {children.fields.map((c, i) => (
              <div className="bo-child" key={c.id}>
                {date(
                  `children.${i}.birthDate`,
                  `Child ${i + 1}: date of birth`,
                  'For example, 27 3 2019',
                )}
                <Select
                  id={fieldId(`children.${i}.disability`)}
                  label={`Child ${i + 1}: disability benefit`}
                  options={Object.entries(DISABILITY_LABELS).map(([value, label]) => ({
                    value,
                    label,
                  }))}
                  {...register(`children.${i}.disability`)}
                />
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => {
                    children.remove(i);
                    focusSoon(ADD_CHILD);
                  }}
                >
                  Remove child {i + 1}
                </button>
              </div>
            ))}
            <button
              type="button"
              id={ADD_CHILD}
              className="button button--secondary"
              onClick={() => {
                focusSoon(fieldId(`children.${children.fields.length}.birthDate`));
                children.append({
                  birthDate: '',
                  disability: 'none',
                  twoChildLimitException: false,
                });
              }}
            >
              Add a child
            </button>

            <h2 className="heading-m">Housing and money</h2>
            {radios('housing.tenure', 'Their home', TENURE_LABELS)}
            {(tenure === 'private' || tenure === 'social') &&
              money(
                'housing.rentMonthly',
                'Rent a month (£)',
                'Eligible rent, without service charges',
              )}
            {tenure === 'private' &&
              money(
                'housing.lhaMonthly',
                'Local Housing Allowance a month (£)',
                'For the bedrooms they are allowed, from the council’s LHA rates',
              )}
            {tenure === 'social' && money('housing.spareBedrooms', 'Spare bedrooms')}
            {money('savings', 'Savings (£)')}
            {money(
              'otherIncomeMonthly',
              'Other income a month (£)',
              'Income Universal Credit takes off pound for pound, such as a pension',
            )}
            {money('childcareMonthly.outOfWork', 'Childcare paid a month out of work (£)')}
            {money('childcareMonthly.inWork', 'Childcare paid a month in work (£)')}
            {money('travelToWorkMonthly', 'Travel to work a month (£)')}

            <h2 className="heading-m">The job</h2>
            {money('job.hoursPerWeek', 'Hours a week')}
            {money('job.hourlyWage', 'Hourly wage (£)')}
            <Select
              id={fieldId('job.pension')}
              label="Workplace pension"
              options={Object.entries(PENSION_LABELS).map(([value, label]) => ({ value, label }))}
              {...register('job.pension')}
            />
            <TextInput
              id={fieldId('jobTitle')}
              label="Job title (optional, for the printed statement)"
              error={errorAt(errors, 'jobTitle')}
              {...register('jobTitle')}
            />

            <h2 className="heading-m">Record it</h2>
            {date(
              'explainedOn',
              'Date it was explained to the participant',
              'Today, unless you explained it on another day',
            )}
            <TextInput
              id={fieldId('label')}
              label="Label (optional)"
              hint="For example, ‘Warehouse job offer’"
              error={errorAt(errors, 'label')}
              {...register('label')}
            />
            <div className="button-group">
              <button type="submit" className="button" disabled={isSubmitting}>
                Save calculation
              </button>
              <button
                type="button"
                className="button button--secondary"
                disabled={isSubmitting}
                onClick={(e) => void submit(onPrint)(e)}
              >
                Save and print statement
              </button>
            </div>
          </div>

          <div className="bo-outputs">
            {live ? (
              <Figures live={live} />
            ) : (
              <div className="inset-text" role="status">
                Complete the household and the job to see the figures.
              </div>
            )}
          </div>
        </div>
      </form>
      {live && (
        <>
          <h2 className="heading-m">Income by hours worked</h2>
          <IncomeChart
            household={live.household}
            rates={live.rates}
            outOfWorkIncome={live.result.output.outOfWork.income}
          />
          <Scenarios
            household={live.household}
            rates={live.rates}
            initialWage={defaultValues.job.hourlyWage ?? live.household.job.hourlyWage ?? 12}
            onUse={(hours, wage) => {
              setValue('job.hoursPerWeek', hours, { shouldDirty: true });
              setValue('job.hourlyWage', wage, { shouldDirty: true });
            }}
          />
        </>
      )}
    </>
  );
}
